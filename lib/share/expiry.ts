// How long a share link lives. Instants are ms since epoch (UTC), as everywhere else.
export const SHARE_EXPIRIES = ['1d', '7d', '30d', '90d', 'never'] as const;
export type ShareExpiry = (typeof SHARE_EXPIRIES)[number];

const DAY_MS = 86_400_000;
const DAYS: Record<Exclude<ShareExpiry, 'never'>, number> = { '1d': 1, '7d': 7, '30d': 30, '90d': 90 };

/** The instant the link stops working, or null for a link that never expires. */
export function expiryInstant(expiresIn: ShareExpiry, now: Date): Date | null {
  return expiresIn === 'never' ? null : new Date(now.getTime() + DAYS[expiresIn] * DAY_MS);
}
