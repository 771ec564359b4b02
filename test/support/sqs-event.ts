import type { Context, SQSRecord } from 'aws-lambda';

/** One SQS message as Lambda hands it to a consumer, first delivery; for calling a consumer's handler directly. */
export const sqsRecord = (wachtrij: string, messageId: string, body: string): SQSRecord => ({
  messageId,
  receiptHandle: messageId,
  body,
  attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'x', ApproximateFirstReceiveTimestamp: '0' },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: `arn:aws:sqs:eu-central-1:000000000000:${wachtrij}`,
  awsRegion: 'eu-central-1',
});

/** The little of a Lambda context the consumers read. */
export const lambdaContext = { functionName: 'test', awsRequestId: 'r', getRemainingTimeInMillis: () => 10_000 } as Context;
