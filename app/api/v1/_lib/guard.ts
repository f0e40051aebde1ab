// Who is calling /api/v1 and may they: the Bearer key only (cookies are never read here, so CSRF does not
// apply), then the scope, then the per-key rate limit. Every refusal is a problem+json answer.
import { authenticateApiKey, type ApiPrincipal } from '@/db/queries/api-keys';
import { hitApiRate } from '@/db/queries/api-rate';
import { problem, problemResponse } from '@/lib/api/problem';
import type { ApiScope } from '@/lib/api/scopes';

/** One body for a missing, malformed, unknown, expired or revoked key: the answer says nothing about which. */
export const UNAUTHORIZED = problem(401, 'unauthorized', 'Send a valid API key as "Authorization: Bearer wl_…".');

export function authorize(request: Request, scope: ApiScope): ApiPrincipal | Response {
  const principal = authenticateApiKey(request.headers.get('authorization'));
  if (!principal) return problemResponse(UNAUTHORIZED, { 'WWW-Authenticate': 'Bearer realm="weekline"' });
  const rate = hitApiRate(principal.keyId);
  if (!rate.ok) {
    return problemResponse(problem(429, 'rate-limited', `Too many requests with this key; retry in ${rate.retryAfterSeconds} s.`), { 'Retry-After': String(rate.retryAfterSeconds) });
  }
  if (!principal.scopes.includes(scope)) {
    return problemResponse(problem(403, 'missing-scope', `This key lacks the "${scope}" scope.`));
  }
  return principal;
}

/** Any failure we did not foresee is a problem+json 500 too, never an HTML page. */
export async function guarded(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    console.error('api/v1:', error);
    return problemResponse(problem(500, 'internal', 'Something went wrong on our side; nothing was written unless the answer said so. Retry later.'));
  }
}
