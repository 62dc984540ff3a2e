// Maps app://pledgewatch/... URLs to files of the built renderer, refusing anything outside its folder.
import { statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isAppUrl } from './security-policy.ts';

export type RendererFile = { kind: 'file'; path: string } | { kind: 'refused'; status: 400 | 403 | 404 };

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** True when `file` is `folder` itself or lies below it, after resolving every `..`. */
export function isInside(folder: string, file: string): boolean {
  const path = relative(folder, file);
  return path === '' || (!path.startsWith(`..${sep}`) && path !== '..' && !isAbsolute(path));
}

/**
 * The file to serve for a request. Unknown paths get index.html (routing is by hash, so this is rare);
 * paths that escape the folder, after decoding, are refused rather than fallen back.
 */
export function resolveRendererFile(rendererRoot: string, requestUrl: string): RendererFile {
  if (!isAppUrl(requestUrl)) return { kind: 'refused', status: 403 };
  const root = resolve(rendererRoot);
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (pathname.includes('\0')) return { kind: 'refused', status: 400 };
  const wanted = pathname === '/' || pathname === '' ? 'index.html' : pathname;
  const file = resolve(join(root, wanted));
  if (!isInside(root, file)) return { kind: 'refused', status: 403 };
  if (isFile(file)) return { kind: 'file', path: file };
  const index = join(root, 'index.html');
  return isFile(index) ? { kind: 'file', path: index } : { kind: 'refused', status: 404 };
}
