// The one owner of the session: who is asking is answered here, through better-auth's own API
// (cookie signature, session row, idle expiry and its sliding refresh), plus our two rules (the row's
// current role and disabled flag, the absolute session age). Nothing else parses the session cookie or
// judges a session; the proxy only looks whether a cookie is present. Every server action and every
// reader of non-public data calls requireRole / requirePageRole itself.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { ROLES, type Role } from './constants';
import { getEnv } from './env';
import { getAuth } from '@/db/auth';
import { getUserById } from '@/db/queries/users';

export interface Principal {
  userId: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
}

export class AuthorizationError extends Error {
  override name = 'AuthorizationError';
}

/** admin ⊃ editor ⊃ viewer. */
export function hasRole(actual: Role, minimum: Role): boolean {
  return ROLES.indexOf(actual) <= ROLES.indexOf(minimum);
}

/**
 * The signed-in principal of this request, or null. Read once per request: the layout, the page and
 * its components share one answer (React `cache()` is scoped to one request and never crosses requests).
 */
export const getPrincipal = cache(readPrincipal);

async function readPrincipal(): Promise<Principal | null> {
  const requestHeaders = await headers();
  const auth = getAuth();
  const result = await auth.api.getSession({ headers: requestHeaders }).catch(() => null);
  if (!result) return null;
  // Role and status come from the row, not from anything the session carried: a demotion or a
  // disable applies on the next request.
  const current = getUserById(result.user.id);
  if (!current || current.disabled) return null;
  const maxAgeMs = getEnv().SESSION_MAX_HOURS * 3_600_000;
  if (Date.now() - new Date(result.session.createdAt).getTime() > maxAgeMs) {
    await (await auth.$context).internalAdapter.deleteSession(result.session.token);
    return null;
  }
  return {
    userId: current.id,
    email: current.email,
    name: current.name,
    role: current.role,
    sessionId: result.session.id,
  };
}

/** For server actions that answer with a result: the principal, or null when not allowed. */
export async function checkRole(minimum: Role): Promise<Principal | null> {
  const principal = await getPrincipal();
  return principal && hasRole(principal.role, minimum) ? principal : null;
}

/** For server actions and route handlers: the principal, or an AuthorizationError. */
export async function requireRole(minimum: Role): Promise<Principal> {
  const principal = await getPrincipal();
  if (!principal || !hasRole(principal.role, minimum)) throw new AuthorizationError('Not allowed.');
  return principal;
}

/** For pages: to the login page when signed out, to /forbidden when the role is too low. */
export async function requirePageRole(minimum: Role, returnTo: string): Promise<Principal> {
  const principal = await getPrincipal();
  if (!principal) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  if (!hasRole(principal.role, minimum)) redirect('/forbidden');
  return principal;
}
