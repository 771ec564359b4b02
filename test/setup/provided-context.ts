/** What the global setup hands every test file through vitest's provide/inject. */
declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's one DynamoDB Local (-inMemory); each file makes its own uniquely named table. */
    dynamodbEndpoint: string;
    /** The run's one fauxqs; each file makes its own uniquely prefixed queues. */
    sqsEndpoint: string;
  }
}

export {};
