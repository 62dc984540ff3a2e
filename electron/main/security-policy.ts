// The desktop app's security rules as plain data and functions, kept free of 'electron' so tests can read them.

/** The renderer is served from this custom protocol, never from file:// (registered as standard and secure). */
export const appScheme = 'app';
export const appHost = 'pledgewatch';
export const appOrigin = `${appScheme}://${appHost}`;
export const startUrl = `${appOrigin}/index.html`;

/** Sent with every response of the app protocol; the renderer's own meta tag can only narrow it. */
export { contentSecurityPolicy } from '../shared/content-security-policy.ts';

/**
 * Electron's security checklist for the one window, minus the preload path (which needs the app's
 * location). Tests run these exact values; nothing loosens them for tests.
 */
export const sandboxedWebPreferences = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: true,
});

/** Permissions the renderer may be granted; none: it needs no camera, location, notifications or clipboard reads. */
export const grantedPermissions: ReadonlySet<string> = new Set();

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for URLs of the app itself. Compared by parts, not by `URL.origin`: WHATWG URL gives "null"
 * as the origin of a non-special scheme, while Chromium treats `app:` as standard.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${appScheme}:` &&
    parsed.hostname.toLowerCase() === appHost &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The window may only move within the app; everything else is refused (links open in the system browser). */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** Only web pages go to the system browser: no file:, javascript:, app: or other schemes that launch handlers. */
export function isExternalUrlAllowed(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== ''
  );
}

/** An IPC message is answered only when the frame that sent it shows the app. */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

export function isPermissionGranted(permission: string, requestingUrl: string): boolean {
  return grantedPermissions.has(permission) && isAppUrl(requestingUrl);
}
