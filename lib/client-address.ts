// Who the client is, for rate limits (share pages, share export, login). The one place that decides.
// The address comes from the TCP socket; X-Forwarded-For is believed only for the proxy hops TRUST_PROXY
// declares, because without a proxy a client writes that header itself. server/client-address.ts computes
// this for every request and stores it in CLIENT_HEADER, overwriting whatever the client sent.
import { isIP } from 'node:net';

/** Set by the server on every request; never taken from the client. */
export const CLIENT_HEADER = 'x-weekline-client';

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) is 127.0.0.1. */
function normalise(address: string): string {
  const trimmed = address.trim();
  return trimmed.toLowerCase().startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

/**
 * The client's address: the socket's when no proxy is trusted; with `trustProxy` hops, the address that many
 * entries from the right of the chain "X-Forwarded-For entries, then the socket" (each trusted proxy appends
 * the address it saw). A chain shorter than that gives its leftmost entry; an entry that is not an IP
 * address (a trusted proxy would never write one) gives the socket's.
 */
export function clientAddress(input: { socket: string | undefined; forwardedFor: string | string[] | undefined; trustProxy: number }): string {
  const socket = input.socket ? normalise(input.socket) : 'unknown';
  if (input.trustProxy <= 0) return socket;
  const forwarded = [input.forwardedFor ?? []].flat().join(',').split(',').map(normalise).filter(Boolean);
  const chain = [...forwarded, socket];
  const picked = chain[Math.max(0, chain.length - 1 - input.trustProxy)];
  return isIP(picked) ? picked : socket;
}

/** The address the server stored for this request (see CLIENT_HEADER). */
export function clientOf(requestHeaders: Headers): string {
  return requestHeaders.get(CLIENT_HEADER) || 'unknown';
}
