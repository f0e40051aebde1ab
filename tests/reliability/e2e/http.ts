// Raw HTTP for the security specs: log in, call server actions by id and classify page responses, the way
// an attacker with curl would — no browser, no UI, no help from the client code.
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import type { Role } from '@/lib/constants';
import { E2E_BASE_URL, E2E_USERS } from '@/e2e/fixtures/config';

export const SESSION_COOKIE = '__Host-weekline.session';

/** Action ids of the build under test, from Next's manifest: every server action, not only those a UI journey reaches. */
export function actionIds(): Map<string, string> {
  const dist = process.env.NEXT_DIST_DIR || '.next';
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), dist, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename && entry.exportedName) ids.set(`${entry.filename}#${entry.exportedName}`, id);
  }
  return ids;
}

export type ActionArgs = { form: Record<string, string>; prev?: boolean } | { json: unknown[] };

/** The body React sends for a server action: multipart with a FormData argument, JSON otherwise. */
export function encodeAction(args: ActionArgs): { contentType: string; body: Buffer } {
  if ('json' in args) return { contentType: 'text/plain;charset=UTF-8', body: Buffer.from(JSON.stringify(args.json)) };
  const boundary = `----weekline${Math.random().toString(16).slice(2)}`;
  const fields: [string, string][] = [...Object.entries(args.form).map(([k, v]) => [`_1_${k}`, v] as [string, string]), ['0', JSON.stringify(args.prev === false ? ['$K1'] : [null, '$K1'])]];
  const body = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('') + `--${boundary}--\r\n`;
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.from(body) };
}

export async function callAction(
  request: APIRequestContext,
  opts: { id: string; path: string; args: ActionArgs; cookie?: string; headers?: Record<string, string> },
): Promise<APIResponse> {
  const { contentType, body } = encodeAction(opts.args);
  return request.post(opts.path, {
    headers: {
      'next-action': opts.id,
      accept: 'text/x-component',
      'content-type': contentType,
      origin: E2E_BASE_URL,
      ...(opts.cookie ? { cookie: `${SESSION_COOKIE}=${opts.cookie}` } : {}),
      ...opts.headers,
    },
    data: body,
    maxRedirects: 0,
  });
}

/** Logs in through the real login action and returns the session cookie's value (or null when refused). */
export async function loginToken(request: APIRequestContext, email: string, password: string, cookie?: string): Promise<{ token: string | null; text: string }> {
  const id = actionIds().get('app/login/actions.ts#loginAction')!;
  const res = await callAction(request, { id, path: '/login', args: { form: { email, password, next: '/' } }, cookie });
  const issued = res.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith(`${SESSION_COOKIE}=`));
  const token = issued ? decodeURIComponent(issued.value.slice(SESSION_COOKIE.length + 1).split(';')[0]) : null;
  return { token: token || null, text: await res.text() };
}

export async function loginAs(request: APIRequestContext, role: Role): Promise<string> {
  const { token, text } = await loginToken(request, E2E_USERS[role].email, E2E_USERS[role].password);
  if (!token) throw new Error(`could not log in as ${role}: ${text.slice(0, 300)}`);
  return token;
}

/**
 * GET that follows same-site redirects itself, sending the same headers (cookie, RSC) on every hop, as a
 * browser's router does. Playwright's own redirect handling drops a hand-set Cookie header.
 */
export async function getFollowing(request: APIRequestContext, url: string, headers: Record<string, string>, hops = 5): Promise<APIResponse> {
  let res = await request.get(url, { headers, maxRedirects: 0 });
  for (let i = 0; i < hops && res.status() >= 300 && res.status() < 400; i++) {
    const next = new URL(res.headers()['location'], res.url());
    if (next.origin !== new URL(res.url()).origin) break;
    res = await request.get(`${next.pathname}${next.search}`, { headers, maxRedirects: 0 });
  }
  return res;
}

export type PageOutcome = 'allow' | 'login' | 'forbidden' | 'notfound' | 'unauthorized' | 'error';

/** What a response amounts to for the person asking: the page, or one of the ways of being turned away. */
export async function classify(res: APIResponse): Promise<PageOutcome> {
  const status = res.status();
  const finalPath = new URL(res.url()).pathname;
  const location = status >= 300 && status < 400 ? new URL(res.headers()['location'] ?? '/', res.url()).pathname : null;
  if (location === '/login') return 'login';
  if (location === '/forbidden') return 'forbidden';
  const body = status === 204 ? '' : await res.text();
  if (finalPath === '/login') return 'login';
  if (finalPath === '/forbidden') return 'forbidden';
  if (/NEXT_REDIRECT;\w+;\/login/.test(body)) return 'login';
  if (/NEXT_REDIRECT;\w+;\/forbidden/.test(body)) return 'forbidden';
  if (status === 404 || /NEXT_HTTP_ERROR_FALLBACK;404/.test(body)) return 'notfound';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status >= 400) return 'error';
  return 'allow';
}
