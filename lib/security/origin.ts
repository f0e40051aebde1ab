// Cross-site write protection for pages and server actions, ahead of Next.js's own check (which answers a
// foreign Origin with a 500). A browser always sends Origin on a POST; when it names another site, or is
// "null" (sandboxed frames, data: URLs, some redirects), the request did not come from our own pages.
// A missing Origin is not a browser's cross-site request (scripts and the CLI), and stays allowed here.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host the browser addressed: a reverse proxy passes it as x-forwarded-host. */
function addressedHost(headers: Headers): string | null {
  return headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
}

export function isCrossSiteWrite(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get('origin');
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true; // "null" and anything else that is not a URL
  }
  return !originHost || originHost !== addressedHost(headers);
}
