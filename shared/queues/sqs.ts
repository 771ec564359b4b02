import { SQSClient } from '@aws-sdk/client-sqs';
import { env } from '../config/env';

let client: SQSClient | undefined;
/** Locally the SQS endpoint is explicit: the local SQS's queue URLs use host names that do not resolve. */
export const sqs = (): SQSClient => (client ??= new SQSClient(env().SQS_ENDPOINT ? { endpoint: env().SQS_ENDPOINT } : {}));
