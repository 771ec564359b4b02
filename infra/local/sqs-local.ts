import { startFauxqs } from 'fauxqs';
import { LOCAL_REGION } from './aws-local';
import { assertPortFree, PortInUseError } from './ports';

export const SQS_PORT_ENV = 'WERKCOOP_SQS_PORT';

export interface SqsLocal {
  readonly endpoint: string;
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * fauxqs runs in this process (it is a Fastify app), speaks SQS' JSON protocol and moves a message to
 * the DLQ on the receive that exceeds maxReceiveCount, as SQS does.
 */
export const startSqsLocal = async (options: { port?: number } = {}): Promise<SqsLocal> => {
  const port = options.port ?? 0;
  if (port) await assertPortFree(port, SQS_PORT_ENV);
  try {
    const server = await startFauxqs({ port, logger: false, defaultRegion: LOCAL_REGION });
    return { endpoint: `http://127.0.0.1:${server.port}`, port: server.port, stop: () => server.stop() };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortInUseError(port, SQS_PORT_ENV);
    throw error;
  }
};
