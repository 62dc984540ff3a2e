// A test's web server on 127.0.0.1 only, on a port the system chooses, that closes itself after a set
// time so that a test which forgets it cannot leave it running. Responses a test holds open (to play
// a server that never finishes) are cut when it closes.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackServer {
  port: number;
  origin: string;
  /** Keeps a response open until the server closes. */
  hold(response: ServerResponse): void;
  close(): Promise<void>;
}

export async function startLoopbackServer(
  answer: (request: IncomingMessage, response: ServerResponse) => void,
  seconds: number,
): Promise<LoopbackServer> {
  const held: ServerResponse[] = [];
  const server = createServer(answer);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((done) => {
      clearTimeout(deadline);
      for (const response of held) response.destroy();
      server.closeAllConnections();
      server.close(() => done());
    });
  const deadline = setTimeout(() => void close(), seconds * 1000).unref();
  return { port, origin: `http://127.0.0.1:${port}`, hold: (response) => held.push(response), close };
}
