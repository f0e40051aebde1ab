// The security headers every response carries, set by proxy.ts. Pure, so the policy is unit-tested.
// Scripts: only those carrying this request's nonce (Next.js reads it from the request's CSP header and
// stamps its own scripts), plus what they load ('strict-dynamic'). Styles: stylesheets from us or with the
// nonce; inline style *attributes* are allowed because React and recharts render them (style-src-attr).

export const CSP_HEADER = 'Content-Security-Policy';

/** 128 random bits, base64: unguessable and fresh for every request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // React's development build evaluates code for its debugging tools; production never does.
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", `'nonce-${nonce}'`],
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** The headers besides the CSP; none of them depends on the request. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // Share links carry their token in the path: never send it to another site.
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

export function applySecurityHeaders(headers: Headers, csp: string, pathname = '/'): void {
  headers.set(CSP_HEADER, csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) headers.set(name, value);
  // A share page's own URL is the secret: no Referer at all, not even to ourselves (as next.config.mjs says).
  if (pathname.startsWith('/s/')) headers.set('Referrer-Policy', 'no-referrer');
}
