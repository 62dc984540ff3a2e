// Browser mode: serves the built renderer and the API over HTTP on 127.0.0.1, guarded by a token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ApiResult } from '../api/contract.ts';
import { callOperationAsync } from '../api/dispatch.ts';
import { contentSecurityPolicy } from '../shared/content-security-policy.ts';

export interface WebServerOptions {
  db: Database;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** The same policy as the desktop app's protocol. */
export const browserModeCsp = contentSecurityPolicy;

const maxBodyBytes = 5 * 1024 * 1024;
/** A spreadsheet to import travels in the body: as much as the contract takes (100 MB of base64), and a little. */
const maxFileBodyBytes = 101 * 1000 * 1000;
const fileOperations: ReadonlySet<string> = new Set([
  'planImportFile',
  'applyImportFile',
  'importCitations',
  'draftSource',
]);

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const statusCodes: Record<string, number> = {
  invalid_input: 400,
  not_found: 404,
  unknown_operation: 404,
  conflict: 409,
  internal: 500,
};

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = resolve(options.rendererDir);
  let port = 0;
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('Pledgewatch web: request failed', error);
      if (!response.headersSent)
        sendJson(response, 500, failure('internal', 'The request failed unexpectedly.'));
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const refusal = checkHostAndOrigin(request, port);
    if (refusal) return sendJson(response, 403, failure('invalid_input', refusal));
    let url: URL;
    try {
      // Appended, not resolved: a path such as "//" or "//host/x" is a path here, never another host.
      url = new URL(`http://127.0.0.1:${port}${request.url ?? '/'}`);
    } catch {
      return sendJson(response, 400, failure('invalid_input', 'The path is not valid.'));
    }
    if (url.pathname.startsWith('/api/')) return handleApi(request, response, url.pathname.slice(5));
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendJson(
        response,
        405,
        failure('invalid_input', `${request.method} is not allowed on ${url.pathname}.`),
      );
    }
    return serveFile(response, rendererDir, url.pathname);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    if (!hasToken(request, token)) {
      return sendJson(
        response,
        401,
        failure('invalid_input', 'Missing or wrong access token: open the URL printed at start.'),
      );
    }
    if (request.method !== 'POST') {
      return sendJson(response, 405, failure('invalid_input', `Use POST for /api/${name}.`));
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(
        response,
        415,
        failure('invalid_input', 'The request body must be JSON (Content-Type: application/json).'),
      );
    }
    const limit = fileOperations.has(name) ? maxFileBodyBytes : maxBodyBytes;
    const body = await readBody(request, limit);
    if (body === null) {
      return sendJson(
        response,
        413,
        failure('invalid_input', `The request body is larger than ${limit} bytes.`),
      );
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch (error) {
      return sendJson(
        response,
        400,
        failure('invalid_input', `The request body is not valid JSON: ${(error as Error).message}`),
      );
    }
    // Operation names are plain words: the path is taken as it is, with no decoding that could throw.
    const result = await callOperationAsync(options.db, name, input);
    sendJson(response, result.ok ? 200 : (statusCodes[result.error.code] ?? 500), result);
  }

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Guards against DNS rebinding and cross-site requests: only this machine's own page may call. */
export function checkHostAndOrigin(request: IncomingMessage, port: number): string | null {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = request.headers.host ?? '';
  if (!allowedHosts.includes(host))
    return `Host "${host}" is not allowed: Pledgewatch serves 127.0.0.1 only.`;
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedHosts.some((allowed) => origin === `http://${allowed}`)) {
    return `Origin "${origin}" is not allowed.`;
  }
  return null;
}

function hasToken(request: IncomingMessage, token: string): boolean {
  const sent = Buffer.from(String(request.headers['x-pledgewatch-token'] ?? ''));
  const expected = Buffer.from(token);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => done(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', fail);
  });
}

async function serveFile(response: ServerResponse, root: string, pathname: string): Promise<void> {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return sendJson(response, 400, failure('invalid_input', 'The path is not valid.'));
  }
  const file = resolve(join(root, relative));
  if (file !== root && !file.startsWith(root + sep)) {
    return sendJson(response, 404, failure('not_found', 'No such file.'));
  }
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch {
    return sendJson(response, 404, failure('not_found', `No file ${pathname}.`));
  }
  response.writeHead(200, {
    'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': browserModeCsp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
  });
  response.end(content);
}

function failure(code: 'invalid_input' | 'not_found' | 'internal', message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  response.end(JSON.stringify(body));
}
