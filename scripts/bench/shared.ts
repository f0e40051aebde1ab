// What the benchmark's processes share: the prepared database's description and pure cookie parsing.

export interface PreparedDatabase {
  weeks: number;
  latestWeek: string;
  viewerCookie: string;
  /** One session cookie per distinct viewer (BENCH_VIEWERS of them). */
  viewerCookies: string[];
  editorCookie: string;
  editor: { email: string; password: string };
  /** null when share links are not available in this checkout (see shareNote). */
  sharePath: string | null;
  shareNote: string;
}

export const PREPARED_PREFIX = 'BENCH_PREPARED ';
export const BENCH_PASSWORD = 'bench-password-0123456789';

/** `name=value` of the session cookie out of a Set-Cookie header (better-auth may set several cookies). */
export function sessionCookieOf(setCookie: string | null, name: string): string | null {
  if (!setCookie) return null;
  for (const part of setCookie.split(/,(?=\s*[^;=\s]+=)/)) {
    const pair = part.trim().split(';')[0];
    if (pair.startsWith(`${name}=`)) return pair;
  }
  return null;
}

