// Which file the app protocol serves for a URL: the built renderer only, never anything beside it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, isInside, resolveRendererFile } from './renderer-files.ts';

let folder: string;
let root: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'pledgewatch-renderer-test-'));
  root = join(folder, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'index-1.js'), '');
  writeFileSync(join(root, 'assets', 'two words.css'), '');
  // A secret beside the renderer folder, which no URL may reach.
  writeFileSync(join(folder, 'secret.txt'), 'secret');
  writeFileSync(join(folder, 'renderer-secret.txt'), 'secret');
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const served = (url: string) => resolveRendererFile(root, url);

describe('files of the built renderer', () => {
  it('serves index.html for the start URL and the bare origin', () => {
    expect(served('app://pledgewatch/index.html')).toEqual({ kind: 'file', path: join(root, 'index.html') });
    expect(served('app://pledgewatch/')).toEqual({ kind: 'file', path: join(root, 'index.html') });
  });

  it('serves assets, decoding the path', () => {
    expect(served('app://pledgewatch/assets/index-1.js')).toEqual({
      kind: 'file',
      path: join(root, 'assets', 'index-1.js'),
    });
    expect(served('app://pledgewatch/assets/two%20words.css?v=1#x')).toEqual({
      kind: 'file',
      path: join(root, 'assets', 'two words.css'),
    });
  });

  it('falls back to index.html for unknown paths', () => {
    expect(served('app://pledgewatch/commitments/3')).toEqual({
      kind: 'file',
      path: join(root, 'index.html'),
    });
  });

  it.each([
    'app://pledgewatch/..%2fsecret.txt',
    'app://pledgewatch/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://pledgewatch/assets/..%2f..%2frenderer-secret.txt',
    `app://pledgewatch/..${process.platform === 'win32' ? '%5c' : '%2f'}secret.txt`,
  ])('refuses the way out %s', (url) => {
    expect(served(url)).toEqual({ kind: 'refused', status: 403 });
  });

  it.each([
    'app://pledgewatch/../secret.txt',
    'app://pledgewatch/%2e%2e/secret.txt',
    'app://pledgewatch/assets/../../renderer-secret.txt',
  ])('never leaves the folder for %s (URL parsing already drops the dots)', (url) => {
    const result = served(url);
    expect(result.kind === 'refused' || isInside(root, result.path)).toBe(true);
  });

  it('refuses other hosts and schemes, bad escapes and NUL bytes', () => {
    expect(served('app://elsewhere/index.html')).toEqual({ kind: 'refused', status: 403 });
    expect(served('file:///etc/passwd')).toEqual({ kind: 'refused', status: 403 });
    expect(served('app://pledgewatch/%E0%A4%A')).toEqual({ kind: 'refused', status: 400 });
    expect(served('app://pledgewatch/index.html%00.js')).toEqual({ kind: 'refused', status: 400 });
  });

  it('says 404 when nothing has been built', () => {
    expect(resolveRendererFile(join(root, 'assets'), 'app://pledgewatch/missing')).toEqual({
      kind: 'refused',
      status: 404,
    });
  });
});

describe('isInside', () => {
  it('tells a folder’s files from its neighbours', () => {
    expect(isInside('/a/renderer', '/a/renderer/index.html')).toBe(true);
    expect(isInside('/a/renderer', '/a/renderer')).toBe(true);
    expect(isInside('/a/renderer', '/a/renderer-secret')).toBe(false);
    expect(isInside('/a/renderer', '/a/secret')).toBe(false);
    expect(isInside('/a/renderer', '/a/renderer/..foo')).toBe(true);
  });
});

describe('content types', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-1.js', 'text/javascript; charset=utf-8'],
    ['assets/a.CSS', 'text/css; charset=utf-8'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/unknown.bin', 'application/octet-stream'],
  ])('%s is %s', (file, type) => expect(contentTypeFor(file)).toBe(type));
});
