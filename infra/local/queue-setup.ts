import { CreateQueueCommand, GetQueueAttributesCommand, SetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { DLQ_RETENTION_SECONDS, dlqName, visibilityTimeoutSeconds, type QueueDefinition } from '../../shared/queues/definition';

export interface LocalQueue {
  readonly definition: QueueDefinition;
  /** The local name: the per-run prefix plus the definition's name. */
  readonly name: string;
  readonly url: string;
  readonly arn: string;
  readonly dlqName: string;
  readonly dlqUrl: string;
  readonly dlqArn: string;
  readonly visibilityTimeoutSeconds: number;
}

export interface QueueSetupOptions {
  /** Prepended to every queue name, so test runs sharing one fauxqs never see each other's messages. */
  readonly prefix?: string;
  /**
   * Tests only: a shorter visibility timeout than the definition's 6× consumer timeout, so redelivery and
   * the DLQ can be observed in seconds. Everything else comes from the definition.
   */
  readonly visibilityTimeoutSeconds?: (q: QueueDefinition) => number;
}

const createOrUpdate = async (client: SQSClient, name: string, attributes: Record<string, string>) => {
  const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  if (!QueueUrl) throw new Error(`CreateQueue ${name} returned no URL`);
  // CreateQueue of an existing queue with other attributes is an error in SQS; set them to converge instead.
  await client.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: attributes }));
  const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  const arn = Attributes?.QueueArn;
  if (!arn) throw new Error(`queue ${name} has no ARN`);
  return { url: QueueUrl, arn };
};

/** Creates (or converges) each queue and its DLQ as the CDK stateful stack does. Idempotent. */
export const ensureQueues = async (
  client: SQSClient,
  definitions: readonly QueueDefinition[],
  options: QueueSetupOptions = {},
): Promise<LocalQueue[]> => {
  const prefix = options.prefix ?? '';
  const visibility = options.visibilityTimeoutSeconds ?? visibilityTimeoutSeconds;
  const queues: LocalQueue[] = [];
  for (const definition of definitions) {
    const dlq = await createOrUpdate(client, `${prefix}${dlqName(definition)}`, {
      MessageRetentionPeriod: String(DLQ_RETENTION_SECONDS),
    });
    const name = `${prefix}${definition.name}`;
    const visibilityTimeoutSeconds = visibility(definition);
    const queue = await createOrUpdate(client, name, {
      VisibilityTimeout: String(visibilityTimeoutSeconds),
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: definition.maxReceiveCount }),
    });
    queues.push({
      definition,
      name,
      url: queue.url,
      arn: queue.arn,
      dlqName: `${prefix}${dlqName(definition)}`,
      dlqUrl: dlq.url,
      dlqArn: dlq.arn,
      visibilityTimeoutSeconds,
    });
  }
  return queues;
};
