/**
 * The renderer's Content-Security-Policy, identical under Electron's app protocol and the browser host.
 * No 'unsafe-inline' and no 'unsafe-eval'; 'wasm-unsafe-eval' only lets WebAssembly (the bundled QR
 * decoder) compile, it does not allow eval of JavaScript.
 */
export function contentSecurityPolicy(options: { connectSrc?: readonly string[]; forMetaTag?: boolean } = {}): string {
  const connect = ["'self'", ...(options.connectSrc ?? [])].join(' ');
  const directives = [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ];
  // A <meta> policy may not carry frame-ancestors (browsers ignore it there, with a console error).
  return (options.forMetaTag ? directives.filter((d) => !d.startsWith('frame-ancestors')) : directives).join('; ');
}

/**
 * The same policy baked into index.html as a <meta> tag, as a second line of defence when a response
 * header is lost (and so static analysers such as electronegativity see it). The browser host's exact
 * WebSocket port is unknown at build time, so loopback WebSockets are allowed on any port here; the
 * header, which names the port, still applies on top.
 */
export const META_CONTENT_SECURITY_POLICY = contentSecurityPolicy({ connectSrc: ['ws://127.0.0.1:*', 'ws://localhost:*'], forMetaTag: true });

/** Headers sent with every renderer response, whichever host serves it. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
  };
}
