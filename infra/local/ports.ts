import { createServer } from 'node:net';

/** Thrown when a port the runtime wants is held by another process. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly envName: string,
  ) {
    super(`port ${port} is in use: stop the other process or set ${envName}`);
    this.name = 'PortInUseError';
  }
}

const tryListen = (port: number): Promise<number | undefined> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' ? resolve(undefined) : reject(error),
    );
    // All interfaces, like the engines bind: a port held on 0.0.0.0 only shows up this way.
    server.listen({ port, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      server.close(() => resolve(bound));
    });
  });

/** Fails fast with a message naming the variable to change, instead of a JVM stack trace later. */
export const assertPortFree = async (port: number, envName: string): Promise<void> => {
  if ((await tryListen(port)) === undefined) throw new PortInUseError(port, envName);
};

/** A port free right now; engines that cannot listen on port 0 themselves (the JVM) get one of these. */
export const freePort = async (): Promise<number> => {
  const port = await tryListen(0);
  if (port === undefined) throw new Error('no free port');
  return port;
};
