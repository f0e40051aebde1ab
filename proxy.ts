// Early redirect only: a request without a session cookie never needs to render a protected page.
// Every page, action and reader still checks the session and role itself (lib/auth.ts).
// Also the one place that sets the security headers (lib/security/headers.ts) on every response it sees.
import { NextResponse, type NextRequest } from 'next/server';
import { applySecurityHeaders, contentSecurityPolicy, CSP_HEADER, newNonce } from '@/lib/security/headers';
import { isCrossSiteWrite } from '@/lib/security/origin';

const PUBLIC_PREFIXES = ['/login', '/s/', '/api/health', '/_next', '/favicon'];

export function proxy(request: NextRequest) {
  const csp = contentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === 'development' });
  const { pathname, search } = request.nextUrl;
  // /api/v1 takes a Bearer key only, never a cookie: no login redirect and no same-origin check (CSRF needs a
  // cookie to ride on). Its route handlers authenticate every request and answer refusals as problem+json.
  if (pathname === '/api/v1' || pathname.startsWith('/api/v1/')) {
    const api = NextResponse.next();
    applySecurityHeaders(api.headers, csp, pathname);
    return api;
  }
  if (isCrossSiteWrite(request.method, request.headers)) {
    const refused = new NextResponse('Cross-site request refused.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    applySecurityHeaders(refused.headers, csp, pathname);
    return refused;
  }
  const isPublic = PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(p));
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith('weekline.session'));
  if (!isPublic && !hasSession && (request.method === 'GET' || request.method === 'HEAD')) {
    const login = new URL('/login', request.url);
    login.searchParams.set('next', `${pathname}${search}`);
    const redirect = NextResponse.redirect(login);
    applySecurityHeaders(redirect.headers, csp, pathname);
    return redirect;
  }
  // Next.js takes the nonce for its own scripts from the CSP header of the request it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(CSP_HEADER, csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  applySecurityHeaders(response.headers, csp, pathname);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
