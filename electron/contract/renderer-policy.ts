/**
 * The Content Security Policy every face serves the renderer with (the Electron session as a
 * response header, the headless host on every response); `renderer/index.html` carries the same
 * policy as a meta tag, minus `frame-ancestors`, which only a header can set.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
