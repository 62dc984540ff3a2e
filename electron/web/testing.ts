// Test support: one HTTP request to browser mode written as given (Host and Origin as an attacker
// would set them), and the whole reply.
import { request, type IncomingHttpHeaders, type RequestOptions } from 'node:http';

export interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export function rawRequest(
  port: number,
  options: Omit<RequestOptions, 'host' | 'port'>,
  body?: string | Buffer,
): Promise<RawReply> {
  return new Promise((done, fail) => {
    const call = request({ host: '127.0.0.1', port, ...options }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        done({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    call.on('error', fail);
    call.end(body);
  });
}
