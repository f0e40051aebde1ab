// Early redirect only: a request without a session cookie never needs to render a protected page.
// Every page, action and reader still checks the session and role itself (lib/auth.ts).
// Also the one place that sets the security headers (lib/security/headers.ts) on every response it sees.
import { NextResponse, type NextRequest } from 'next/server';
import { applySecurityHeaders, contentSecurityPolicy, CSP_HEADER, newNonce } from '@/lib/security/headers';
import { ACTION_BODY_LIMIT, actionRootProblem, declaredLength } from '@/lib/security/action-body';
import { isCrossSiteWrite } from '@/lib/security/origin';
import { decodeSegment, isImpossibleWeekPath } from '@/lib/params';

const PUBLIC_PREFIXES = ['/login', '/s/', '/api/health', '/_next', '/favicon'];

function plain(message: string, status: number, csp: string, pathname: string): NextResponse {
  const res = new NextResponse(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  applySecurityHeaders(res.headers, csp, pathname);
  return res;
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const csp = contentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === 'development' });
  const { pathname } = request.nextUrl;
  // Next.js decodes route parameters before any page runs, and a malformed escape (`/weeks/%E0%A4%A`) throws there.
  if (decodeSegment(pathname) === null) return plain('Not found.', 404, csp, pathname);
  // /api/v1 takes a Bearer key only, never a cookie: no login redirect and no same-origin check (CSRF needs a
  // cookie to ride on). Its route handlers authenticate every request and answer refusals as problem+json.
  if (pathname === '/api/v1' || pathname.startsWith('/api/v1/')) {
    const api = NextResponse.next();
    applySecurityHeaders(api.headers, csp, pathname);
    return api;
  }
  if (isCrossSiteWrite(request.method, request.headers)) return plain('Cross-site request refused.', 403, csp, pathname);
  if (request.method === 'POST' && request.headers.has('next-action')) return checkActionBody(request, csp);
  return route(request, csp);
}

/** A server-action body Next.js would fail to decode (too large, or naming parts it does not carry) gets a 4xx, never a 500. */
async function checkActionBody(request: NextRequest, csp: string): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  const tooLarge = () => plain(`Request too large: the limit is ${ACTION_BODY_LIMIT} bytes.`, 413, csp, pathname);
  const declared = declaredLength(request.headers);
  if (declared !== null && declared > ACTION_BODY_LIMIT) return tooLarge();
  const contentType = request.headers.get('content-type') ?? '';
  const multipart = contentType.toLowerCase().startsWith('multipart/form-data');
  let root: string | null = null;
  try {
    // Next buffers the body for the proxy and hands the same bytes on to the action (proxyClientMaxBodySize).
    const body = await request.arrayBuffer();
    if (body.byteLength > ACTION_BODY_LIMIT) return tooLarge();
    if (multipart) {
      const part = (await new Response(body, { headers: { 'content-type': contentType } }).formData()).get('0');
      root = typeof part === 'string' ? part : null;
    } else {
      root = new TextDecoder('utf-8', { fatal: true }).decode(body);
    }
  } catch {
    root = null;
  }
  if (root === null || actionRootProblem(root, { multipart }) !== null) return plain('Malformed request.', 400, csp, pathname);
  return route(request, csp);
}

function route(request: NextRequest, csp: string): NextResponse {
  const { pathname, search } = request.nextUrl;
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
  // A week page for a week that cannot exist: Next's not-found page, with a real 404 status.
  const response = (request.method === 'GET' || request.method === 'HEAD') && isImpossibleWeekPath(pathname)
    ? NextResponse.rewrite(new URL('/no-such-week', request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  applySecurityHeaders(response.headers, csp, pathname);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
