// The renderer's Content-Security-Policy, one definition for the desktop app's protocol and browser mode.
// (renderer/index.html repeats it as a meta tag, which can only narrow it.)

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
