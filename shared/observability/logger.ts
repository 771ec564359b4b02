import { Logger } from '@aws-lambda-powertools/logger';

/** One logger per function container (module scope), structured JSON, service name from the environment. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'werkcoop' });
