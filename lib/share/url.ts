// The absolute address of a share link: BASE_URL when configured, else the address the admin used.
export function shareUrl(path: string, base: string): string {
  return new URL(path, base.endsWith('/') ? base : `${base}/`).toString();
}

export function requestOrigin(requestHeaders: Headers, fallback: string): string {
  const host = requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host');
  if (!host) return fallback;
  const proto = requestHeaders.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http';
  return `${proto}://${host}`;
}
