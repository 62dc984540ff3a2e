import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fingerprint, temporaryDatabase, temporaryFolder } from '../../db/testing.ts';
import { startWebServer, type WebServer } from './server.ts';
import { rawRequest, type RawReply } from './testing.ts';

/** A raw HTTP request, so Host and Origin can be set as an attacker would. */
function send(
  server: WebServer,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawReply> {
  return rawRequest(
    server.port,
    { path, method: options.method ?? 'GET', headers: options.headers },
    options.body,
  );
}

let server: WebServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setUp() {
  const { db } = temporaryDatabase();
  const folder = temporaryFolder();
  const rendererDir = join(folder, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Pledgewatch</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(folder, 'secret.txt'), 'TOP-SECRET-CONTENT');
  server = await startWebServer({ db, rendererDir });
  const api = (name: string, body: string, headers: Record<string, string> = {}) =>
    send(server!, `/api/${name}`, {
      method: 'POST',
      body,
      headers: {
        host: `127.0.0.1:${server!.port}`,
        'content-type': 'application/json',
        'x-pledgewatch-token': server!.token,
        ...headers,
      },
    });
  return { db, server, api };
}

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 with a random token in the printed URL', async () => {
    const { server } = await setUp();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    const other = await startWebServer({ db: temporaryDatabase().db, rendererDir: temporaryFolder() });
    expect(other.token).not.toBe(server.token);
    await other.close();
  });

  it('answers the API with the right token', async () => {
    const { api } = await setUp();
    const reply = await api('listReference', '{}');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: true,
      value: { dossiers: [], statuses: expect.any(Array) },
    });
  });

  it('refuses a missing or wrong token', async () => {
    const { api } = await setUp();
    for (const token of ['', 'wrong', 'x'.repeat(32)]) {
      const reply = await api('listReference', '{}', { 'x-pledgewatch-token': token });
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body).error.message).toMatch(/access token/);
    }
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const { api, server } = await setUp();
    const badHost = await api('listReference', '{}', { host: `evil.example:${server.port}` });
    expect(badHost.status).toBe(403);
    expect(JSON.parse(badHost.body).error.message).toMatch(/Host "evil.example/);
    const badOrigin = await api('listReference', '{}', { origin: 'https://evil.example' });
    expect(badOrigin.status).toBe(403);
    expect(JSON.parse(badOrigin.body).error.message).toMatch(/Origin/);
    const page = await send(server, '/', { headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
    const sameOrigin = await api('listReference', '{}', { origin: `http://127.0.0.1:${server.port}` });
    expect(sameOrigin.status).toBe(200);
  });

  it('gives a clear error for bad JSON, a wrong content type and invalid input, and writes nothing', async () => {
    const { api, db } = await setUp();
    const before = fingerprint(db);
    const badJson = await api('createDossier', '{"name": ');
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body).error.message).toMatch(/not valid JSON/);
    const wrongType = await api('createDossier', 'name=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(wrongType.status).toBe(415);
    const invalid = await api('createDossier', '{"name": ""}');
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).error.issues).toEqual([{ path: 'name', message: 'must not be empty' }]);
    const unknown = await api('nothingHere', '{}');
    expect(unknown.status).toBe(404);
    expect(fingerprint(db)).toBe(before);
  });

  it('takes a spreadsheet to import of more than the 5 MB other requests may carry', async () => {
    const { api, db } = await setUp();
    const before = fingerprint(db);
    const csv = `title,dossier,kind,summary\nA pledge,A dossier,pledge,${'x'.repeat(5_000_000)}\n`;
    const file = JSON.stringify({ name: 'big.csv', contentBase64: Buffer.from(csv).toString('base64') });
    const planned = await api('planImportFile', file);
    expect(planned.status).toBe(200);
    expect(JSON.parse(planned.body).value).toMatchObject({ ok: true, counts: { newCommitments: 1 } });
    const other = await api('createDossier', JSON.stringify({ name: 'x', description: 'y'.repeat(6e6) }));
    expect(other.status).toBe(413);
    expect(fingerprint(db)).toBe(before);
  });

  it('serves the UI with a strict CSP and never a file outside it', async () => {
    const { server } = await setUp();
    const host = { host: `127.0.0.1:${server.port}` };
    const index = await send(server, '/', { headers: host });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Pledgewatch</title>');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await send(server, '/assets/app.js', { headers: host })).headers['content-type']).toMatch(
      /javascript/,
    );
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/%E0%A4%A']) {
      const reply = await send(server, path, { headers: host });
      expect([400, 404]).toContain(reply.status);
      expect(reply.body).not.toContain('TOP-SECRET-CONTENT');
    }
  });
});
