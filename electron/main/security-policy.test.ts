// The window's security settings, the CSP and the URL policies, as the desktop app runs them.
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  isAllowedNavigation,
  isExternalUrlAllowed,
  isPermissionGranted,
  isTrustedSender,
  sandboxedWebPreferences,
  startUrl,
} from './security-policy.ts';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('web preferences of the window', () => {
  it('isolate and sandbox the renderer with no Node', () => {
    expect(sandboxedWebPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: true,
    });
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(sandboxedWebPreferences)).toBe(true);
  });
});

describe('Content-Security-Policy', () => {
  const policy = directives(contentSecurityPolicy);

  it('runs only the app’s own scripts, never eval or inline script', () => {
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('closes plugins, base rewriting, framing and form posts', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('talks to nothing but the app', () => {
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    for (const values of policy.values()) {
      expect(values.some((value) => /^(https?:|\*|wss?:)/.test(value))).toBe(false);
    }
  });
});

describe('links opened in the system browser', () => {
  it.each(['https://x', 'https://www.gob.mx/presidencia/prensa', 'http://example.org/a?b=c#d'])(
    'allows %s',
    (url) => expect(isExternalUrlAllowed(url)).toBe(true),
  );

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://pledgewatch/index.html',
    'smb://host/share',
    'ms-msdt:/id PCWDiagnostic',
    'vscode://file/etc',
    'data:text/html,<script>1</script>',
    'mailto:someone@example.org',
    'not a url',
    '',
  ])('refuses %s', (url) => expect(isExternalUrlAllowed(url)).toBe(false));
});

describe('navigation of the window', () => {
  it('stays on the app', () => {
    expect(isAllowedNavigation(startUrl)).toBe(true);
    expect(isAllowedNavigation('app://pledgewatch/index.html#/commitments/3')).toBe(true);
  });

  it.each([
    'https://example.org/',
    'file:///work/main/dist/renderer/index.html',
    'app://evil/index.html',
    'app://pledgewatch.evil/index.html',
    'app://user@pledgewatch/index.html',
    'app://pledgewatch:8080/index.html',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
  ])('refuses %s', (url) => expect(isAllowedNavigation(url)).toBe(false));
});

describe('IPC senders', () => {
  it('trusts only frames showing the app', () => {
    expect(isTrustedSender('app://pledgewatch/index.html#/new')).toBe(true);
    expect(isTrustedSender('https://pledgewatch/index.html')).toBe(false);
    expect(isTrustedSender('app://other/index.html')).toBe(false);
    expect(isTrustedSender('')).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'unknown'])(
    'denies %s, even to the app',
    (permission) => expect(isPermissionGranted(permission, 'app://pledgewatch')).toBe(false),
  );
});
