// Bad input at the HTTP bridge: random methods, paths, headers and bodies, and raw bytes that are not
// HTTP at all, against a real browser-mode server on 127.0.0.1. Every request gets a clear answer
// (never a 500), the server keeps serving, and a request that failed leaves the database as it was.
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, temporaryDatabase, temporaryFolder } from '../../db/testing.ts';
import { callOperation } from '../api/dispatch.ts';
import { operationNames } from '../api/operation-names.ts';
import { startWebServer, type WebServer } from './server.ts';
import { rawRequest } from './testing.ts';

interface Reply {
  status: number;
  type: string;
  body: string;
}

let server: WebServer;
let db: Database;

beforeAll(async () => {
  db = temporaryDatabase().db;
  expect(callOperation(db, 'loadSample', {})).toMatchObject({ ok: true });
  const rendererDir = join(temporaryFolder(), 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Pledgewatch</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startWebServer({ db, rendererDir });
});
afterAll(() => server?.close());

async function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | Buffer,
): Promise<Reply> {
  const reply = await rawRequest(server.port, { path, method, headers, setHost: false, agent: false }, body);
  return { status: reply.status, type: String(reply.headers['content-type'] ?? ''), body: reply.body };
}

/** Sends bytes that may not be HTTP at all; resolves with whatever came back before the server closed. */
function sendRaw(bytes: Buffer): Promise<string> {
  return new Promise((done) => {
    const socket = connect(server.port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('error', () => done(answer));
    socket.on('close', () => done(answer));
    socket.setTimeout(2_000, () => socket.destroy());
    socket.end(bytes);
  });
}

const percentJunk = fc
  .uint8Array({ maxLength: 12 })
  .map((bytes) => [...bytes].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''));
const pathPart = fc.oneof(
  fc.constantFrom(...operationNames),
  fc.constantFrom(
    '..',
    '%2e%2e',
    '%2f',
    '%E0%A4%A',
    '%',
    '%00',
    'index.html',
    'assets',
    '__proto__',
    'constructor',
  ),
  fc.stringMatching(/^[\w.~!$&'()*+,;=:@-]{0,16}$/),
  percentJunk,
);
const path = fc
  .tuple(
    fc.constantFrom('/', '/api/', '/assets/', '//', '/api//'),
    fc.array(pathPart, { maxLength: 3 }),
    fc.constantFrom('', '?token=x', '?a=%zz', '#frag'),
  )
  .map(([start, parts, query]) => `${start}${parts.join('/')}${query}`);

const method = fc.oneof(
  fc.constantFrom('GET', 'POST', 'POST', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE'),
  fc.stringMatching(/^[A-Z]{1,8}$/),
);

/** Headers: the right ones mostly, so requests get past the guards; wrong ones often enough. */
function headers(): fc.Arbitrary<Record<string, string>> {
  const host = `127.0.0.1:${server.port}`;
  return fc
    .record(
      {
        host: fc.constantFrom(
          host,
          host,
          host,
          `localhost:${server.port}`,
          'evil.example',
          `127.0.0.1.evil.example:${server.port}`,
          '',
        ),
        'x-pledgewatch-token': fc.constantFrom(
          server.token,
          server.token,
          server.token,
          '',
          'x'.repeat(32),
          `${server.token} `,
        ),
        'content-type': fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'text/plain',
          'application/x-www-form-urlencoded',
          '',
        ),
        origin: fc.constantFrom(
          `http://${host}`,
          'null',
          'https://evil.example',
          `http://${host}.evil.example`,
        ),
      },
      { requiredKeys: ['host'] },
    )
    .map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== '')));
}

const jsonish = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify({ input: value })),
  fc.constantFrom(
    '{"__proto__": {"polluted": true}}',
    '{"id": 1e400}',
    '{"id": -0}',
    '[]',
    'null',
    '"text"',
    '{"name": "\\ud800"}',
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('{"name": ', '{"id": 1,', '\u0000\u0001', ''),
);
const body = fc.oneof(
  jsonish,
  jsonish,
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
);

/** Method, path, headers, body. */
type Request = [string, string, Record<string, string>, string | Buffer];

const allowedStatuses = [200, 400, 401, 403, 404, 405, 409, 413, 415];

describe('the browser-mode server, given random requests', () => {
  it('answers every one clearly, keeps serving, and a failed one writes nothing', async () => {
    let known = fingerprint(db);
    const changes = () => db.prepare('SELECT total_changes()').pluck().get() as number;
    let counted = changes();
    const host = `127.0.0.1:${server.port}`;
    const api = { host, 'x-pledgewatch-token': server.token, 'content-type': 'application/json' };
    // The paths most likely to trip URL parsing and decoding, always tried first.
    const awkward = [
      '//',
      '//evil.example/api/listReference',
      '/api/%E0%A4%A',
      '/api/%',
      '/api/%00',
      '/api/__proto__',
      '/api/',
      '/%2e%2e/%2e%2e/etc/passwd',
      '*',
    ];
    const request: fc.Arbitrary<Request> = fc.tuple(method, path, headers(), body);
    await fc.assert(
      fc.asyncProperty(request, async ([verb, target, sent, content]) => {
        const reply = await send(verb, target, sent, verb === 'GET' || verb === 'HEAD' ? '' : content);
        const shown = `${verb} ${target} ${JSON.stringify(sent)} → ${reply.status} ${reply.body.slice(0, 200)}`;
        expect(allowedStatuses, shown).toContain(reply.status);
        if (reply.type.startsWith('application/json') && verb !== 'HEAD') {
          const answer = JSON.parse(reply.body) as { ok: boolean; error?: { message: string } };
          expect(answer.ok, shown).toBe(reply.status === 200);
          if (!answer.ok) expect(answer.error?.message, shown).toMatch(/\S/);
        }
        if (changes() !== counted) {
          const now = fingerprint(db);
          if (reply.status !== 200) expect(now, `${shown}: failed and wrote`).toBe(known);
          known = now;
          counted = changes();
        }
      }),
      { numRuns: 300, examples: awkward.map((target): [Request] => [['POST', target, api, '{}']]) },
    );
    expect(fingerprint(db)).toBe(known);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 60_000);

  it('survives bytes that are not HTTP, and a body past the limit, then serves the next request', async () => {
    const garbage = fc
      .sample(fc.uint8Array({ minLength: 1, maxLength: 400 }), 40)
      .map((bytes) => Buffer.from(bytes));
    const malformed = [
      'GET / HTTP/1.1\r\n\r\n',
      'GET /../../etc/passwd HTTP/1.0\r\n\r\n',
      `POST /api/listReference HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Length: -5\r\n\r\n`,
      `POST /api/listReference HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX: ${'a'.repeat(20_000)}\r\n\r\n`,
      'NOT-HTTP\u0000\u0001\u0002',
    ].map((text) => Buffer.from(text));
    for (const bytes of [...garbage, ...malformed]) {
      const answer = await sendRaw(bytes);
      expect(answer).not.toMatch(/^HTTP\/1\.1 (200|5\d\d)/);
    }
    const tooLarge = await send(
      'POST',
      '/api/createDossier',
      {
        host: `127.0.0.1:${server.port}`,
        'x-pledgewatch-token': server.token,
        'content-type': 'application/json',
      },
      JSON.stringify({ name: 'x', description: 'y'.repeat(6 * 1024 * 1024) }),
    );
    expect(tooLarge.status).toBe(413);
    const after = await send(
      'POST',
      '/api/listReference',
      {
        host: `127.0.0.1:${server.port}`,
        'x-pledgewatch-token': server.token,
        'content-type': 'application/json',
      },
      '{}',
    );
    expect(after.status).toBe(200);
  }, 60_000);
});
