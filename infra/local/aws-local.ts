import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { SQSClient } from '@aws-sdk/client-sqs';

// The SDK prints a Node-version notice on the first client; the runtime's own clients are created
// before it sets the handlers' environment, so silence it here too.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * The identity every local client uses. The engines accept any credentials, but the SDK refuses to sign
 * without some, and DynamoDB Local would otherwise keep one database per access key and region (we run
 * it with -sharedDb so a stray credential cannot make a table "disappear").
 */
export const LOCAL_REGION = 'eu-central-1';
export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_CREDENTIALS = { accessKeyId: 'lokaal', secretAccessKey: 'lokaal' } as const;

const clientConfig = (endpoint: string) => ({
  endpoint,
  region: LOCAL_REGION,
  credentials: LOCAL_CREDENTIALS,
  // Local engines answer in milliseconds; a few quick retries cover a JVM garbage-collection pause.
  maxAttempts: 3,
});

export const localDynamoDbClient = (endpoint: string): DynamoDBClient => new DynamoDBClient(clientConfig(endpoint));
export const localDynamoDbStreamsClient = (endpoint: string): DynamoDBStreamsClient =>
  new DynamoDBStreamsClient(clientConfig(endpoint));

/** fauxqs' queue URLs use `*.localhost` host names that do not resolve here: the endpoint must be explicit. */
export const localSqsClient = (endpoint: string): SQSClient => new SQSClient(clientConfig(endpoint));
