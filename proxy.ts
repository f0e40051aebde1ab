// Early redirect only: a request without a session cookie never needs to render a protected page.
// Every page, action and reader still checks the session and role itself (lib/auth.ts).
import { NextResponse, type NextRequest } from 'next/server';

const PUBLIC_PREFIXES = ['/login', '/s/', '/api/health', '/_next', '/favicon'];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(p))) return NextResponse.next();
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith('weekline.session'));
  if (hasSession) return NextResponse.next();
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
  const login = new URL('/login', request.url);
  login.searchParams.set('next', `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
