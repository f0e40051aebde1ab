// The one gate every share page passes through, on every request: rate limit per client, then the
// token is looked up again (nothing about a link's validity is cached). Every refusal is the same
// notFound(), so a caller cannot tell a malformed token from an unknown, revoked or expired one.
// The view is counted after the response is sent (`after()`), in batches (db/queries/share-views.ts).
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { after } from 'next/server';
import { resolveShareToken, type ShareScope } from '@/db/queries/share-links';
import { sharedShareAttempts } from '@/db/queries/share-rate';
import { queueShareView } from '@/db/queries/share-views';
import { clientOf } from '@/lib/client-address';
import { createSlidingWindowLimiter } from './rate-limit';

// Generous for a person clicking through weeks and ranges, far too slow for guessing 256-bit tokens; one
// limit for every process serving over this database (db/queries/share-rate.ts).
const WINDOW_MS = 60_000;
const limiter = createSlidingWindowLimiter({ limit: 120, windowMs: WINDOW_MS, shared: sharedShareAttempts({ windowMs: WINDOW_MS }) });

/** The socket address, or the one TRUST_PROXY's proxies report: never a header the client chose (lib/client-address.ts). */
export function clientKey(requestHeaders: Headers): string {
  return clientOf(requestHeaders);
}

/** The link's scope for this request, counted as a view (after the response); notFound() otherwise. */
export async function requireShareScope(token: string): Promise<ShareScope> {
  if (!limiter.allow(clientKey(await headers()))) notFound();
  const scope = resolveShareToken(token);
  if (!scope) notFound();
  after(() => queueShareView(scope.id));
  return scope;
}
