// Serves the built renderer over app://pledgewatch/ with a strict Content-Security-Policy on every response.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, protocol } from 'electron';
import { contentTypeFor, resolveRendererFile } from './renderer-files.ts';
import { appScheme, contentSecurityPolicy } from './security-policy.ts';

export { contentSecurityPolicy };

/** Must run before the app is ready: makes app: a standard, secure origin that can use fetch. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

function refusal(status: number): Response {
  return new Response(null, { status, headers: securityHeaders });
}

async function serve(rendererRoot: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
  const target = resolveRendererFile(rendererRoot, request.url);
  if (target.kind === 'refused') return refusal(target.status);
  try {
    const body = request.method === 'HEAD' ? null : await readFile(target.path);
    return new Response(body, {
      status: 200,
      headers: { ...securityHeaders, 'Content-Type': contentTypeFor(target.path) },
    });
  } catch {
    return refusal(404);
  }
}

/** The renderer as built by `npm run build`, inside the app folder (or app.asar once packaged). */
export function rendererFolder(): string {
  return join(app.getAppPath(), 'dist', 'renderer');
}

export function serveRenderer(): void {
  const root = rendererFolder();
  protocol.handle(appScheme, (request) => serve(root, request));
}
