// Sending one rendered request and reading the provider's answer. All three chat providers answer HTTP 200
// when a send fails, so success is errcode == 0 (Feishu: code == 0) in the body, never the status alone.
import type { ChannelKind } from '../constants';
import type { OutgoingRequest } from './render';

export type SendOutcome =
  | { ok: true }
  /** Worth trying again later: network, timeout, 5xx, 429, a provider's rate-limit code. */
  | { ok: false; retry: true; error: string; retryAfterMs?: number }
  /** Will never work as is: bad signature, keyword, too long, bad key… */
  | { ok: false; retry: false; error: string };

/** Provider codes that mean "too fast": try again after a pause. */
export const RETRY_CODES: Record<ChannelKind, readonly number[]> = {
  wecom: [45009, -1],
  dingtalk: [130101],
  feishu: [11232, 9499],
  webhook: [],
};

export const SEND_TIMEOUT_MS = 10_000;

function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

/** The provider's answer, judged: pure so it can be tested without a network. */
export function judgeAnswer(kind: ChannelKind, status: number, text: string, retryAfterHeader: string | null = null): SendOutcome {
  if (status === 429) return { ok: false, retry: true, error: `HTTP 429`, retryAfterMs: retryAfter(retryAfterHeader) };
  if (status >= 500) return { ok: false, retry: true, error: `HTTP ${status}` };
  if (status >= 300) return { ok: false, retry: false, error: `HTTP ${status}` };
  if (kind === 'webhook') return { ok: true };
  let answer: { errcode?: unknown; code?: unknown; errmsg?: unknown; msg?: unknown; StatusCode?: unknown };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    return { ok: false, retry: true, error: `HTTP ${status}, not a JSON answer` };
  }
  const code = kind === 'feishu' ? (answer.code ?? answer.StatusCode) : answer.errcode;
  if (code === 0) return { ok: true };
  const message = String(answer.errmsg ?? answer.msg ?? '').slice(0, 200);
  const error = `${kind === 'feishu' ? 'code' : 'errcode'} ${String(code)}${message ? `: ${message}` : ''}`;
  if (typeof code !== 'number') return { ok: false, retry: true, error: `HTTP ${status}, no ${kind === 'feishu' ? 'code' : 'errcode'} in the answer` };
  return RETRY_CODES[kind].includes(code) ? { ok: false, retry: true, error } : { ok: false, retry: false, error };
}

/** Posts the request; never throws. Redirects are not followed (a channel may only reach its allowed host). */
export async function sendRequest(kind: ChannelKind, request: OutgoingRequest, timeoutMs = SEND_TIMEOUT_MS): Promise<SendOutcome> {
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return judgeAnswer(kind, response.status, text, response.headers.get('retry-after'));
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') return { ok: false, retry: true, error: `timed out after ${timeoutMs} ms` };
    // Only the error's kind and code: never the URL (it carries the robot's key).
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, retry: true, error: `network error${cause ? ` (${cause})` : ''}` };
  }
}

/** Exponential backoff with jitter: base · 2^(attempt−1), at most `max`, at least what the provider asked. */
export function backoffMs(attempt: number, options: { baseMs: number; maxMs: number; retryAfterMs?: number; random?: () => number }): number {
  const exp = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exp * (0.8 + 0.4 * (options.random ?? Math.random)());
  return Math.round(Math.max(jittered, options.retryAfterMs ?? 0));
}
