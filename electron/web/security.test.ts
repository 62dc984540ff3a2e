// Browser mode's guards against what server.test.ts does not try: DNS-rebinding Host names that begin
// like ours, a missing Host, the opaque "null" Origin of sandboxed frames and file: pages, look-alike
// Origins, and the token anywhere but its header.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, temporaryDatabase, temporaryFolder } from '../../db/testing.ts';
import { commandLineOperationNames } from '../api/operation-names.ts';
import { startWebServer, type WebServer } from './server.ts';

let server: WebServer;
const { db } = temporaryDatabase();

beforeAll(async () => {
  const rendererDir = join(temporaryFolder(), 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Pledgewatch</title>');
  server = await startWebServer({ db, rendererDir });
});
afterAll(() => server?.close());

/** A raw request, byte for byte: headers exactly as an attacker's page or tool would send them. */
function raw(lines: string[], body = ''): Promise<{ status: number; text: string }> {
  return new Promise((done, fail) => {
    const socket = connect(server.port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('error', fail);
    socket.on('close', () => done({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0), text }));
    socket.end(
      `${[...lines, `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close'].join('\r\n')}\r\n\r\n${body}`,
    );
  });
}

function callApi(headers: Record<string, string | null>, path = '/api/createDossier') {
  const base: Record<string, string | null> = {
    Host: `127.0.0.1:${server.port}`,
    'Content-Type': 'application/json',
    'X-Pledgewatch-Token': server.token,
  };
  const merged = { ...base, ...headers };
  const lines = Object.entries(merged)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => `${name}: ${value}`);
  return raw([`POST ${path} HTTP/1.1`, ...lines], JSON.stringify({ name: 'Written by an attacker' }));
}

describe('browser mode refuses', () => {
  it('Host names that only begin like 127.0.0.1 or localhost (DNS rebinding), and a missing Host', async () => {
    const before = fingerprint(db);
    const port = server.port;
    for (const host of [
      `127.0.0.1.evil.example:${port}`,
      `localhost.evil.example:${port}`,
      `127.0.0.1:${port}.evil.example`,
      `127.0.0.1:${port}@evil.example`,
      `evil.example:${port}`,
      '127.0.0.1',
      `127.0.0.1:${port + 1}`,
      `[::1]:${port}`,
      `0.0.0.0:${port}`,
      `2130706433:${port}`,
    ]) {
      const reply = await callApi({ Host: host });
      expect(reply.status, host).toBe(403);
      expect(reply.text).toMatch(/is not allowed: Pledgewatch serves 127\.0\.0\.1 only/);
    }
    const noHost = await raw(['GET / HTTP/1.0']);
    expect(noHost.status).toBe(403);
    expect(fingerprint(db)).toBe(before);
  });

  it('the opaque Origin "null" and look-alike Origins, even with the right token', async () => {
    const before = fingerprint(db);
    const port = server.port;
    for (const origin of [
      'null',
      `http://127.0.0.1:${port}.evil.example`,
      `https://127.0.0.1:${port}`,
      `http://127.0.0.1:${port}/`,
      `http://localhost.evil.example:${port}`,
      `http://127.0.0.1:${port + 1}`,
    ]) {
      const reply = await callApi({ Origin: origin });
      expect(reply.status, origin).toBe(403);
      expect(reply.text).toMatch(/Origin .* is not allowed/);
    }
    expect(fingerprint(db)).toBe(before);
  });

  it('the token in the query string, a cookie or the wrong header, and a token of the wrong case', async () => {
    const before = fingerprint(db);
    for (const [headers, path] of [
      [{ 'X-Pledgewatch-Token': null }, `/api/createDossier?token=${server.token}`],
      [{ 'X-Pledgewatch-Token': null, Cookie: `token=${server.token}` }, '/api/createDossier'],
      [{ 'X-Pledgewatch-Token': null, Authorization: `Bearer ${server.token}` }, '/api/createDossier'],
      [{ 'X-Pledgewatch-Token': server.token.toUpperCase() }, '/api/createDossier'],
      [{ 'X-Pledgewatch-Token': `${server.token}x` }, '/api/createDossier'],
    ] as const) {
      const reply = await callApi(headers, path);
      expect(reply.status, JSON.stringify(headers)).toBe(401);
    }
    expect(fingerprint(db)).toBe(before);
    // The same request with the token in its header is the one that works.
    expect((await callApi({})).status).toBe(200);
  });

  it('the command line’s own operations, which name files on this machine, even with the right token', async () => {
    const before = fingerprint(db);
    const folder = temporaryFolder();
    const body = JSON.stringify({ out: join(folder, 'copy.sqlite'), backup: join(folder, 'copy.sqlite') });
    for (const name of commandLineOperationNames) {
      const reply = await raw(
        [
          `POST /api/${name} HTTP/1.1`,
          `Host: 127.0.0.1:${server.port}`,
          'Content-Type: application/json',
          `X-Pledgewatch-Token: ${server.token}`,
        ],
        body,
      );
      expect(reply.status, name).toBe(404);
      expect(reply.text).toContain('unknown_operation');
    }
    expect(readdirSync(folder)).toEqual([]);
    expect(fingerprint(db)).toBe(before);
  });
});
