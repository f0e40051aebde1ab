// Where a channel may point. By default only the three providers' robot endpoints, over https;
// WEBHOOK_ALLOW_HOSTS adds hosts (any scheme of http/https, any path) — the tests use it for 127.0.0.1.
import type { ChannelKind } from '../constants';

export const PROVIDER_HOSTS: Record<Exclude<ChannelKind, 'webhook'>, readonly string[]> = {
  wecom: ['qyapi.weixin.qq.com'],
  dingtalk: ['oapi.dingtalk.com'],
  feishu: ['open.feishu.cn', 'open.larksuite.com'],
};

const PROVIDER_PATHS: Record<Exclude<ChannelKind, 'webhook'>, (u: URL) => boolean> = {
  wecom: (u) => u.pathname === '/cgi-bin/webhook/send' && !!u.searchParams.get('key'),
  dingtalk: (u) => u.pathname === '/robot/send' && !!u.searchParams.get('access_token'),
  feishu: (u) => /^\/open-apis\/bot\/v2\/hook\/[A-Za-z0-9_-]+$/.test(u.pathname),
};

/** A host name or IPv4 address as WEBHOOK_ALLOW_HOSTS lists them (no scheme, port or path). */
export const HOST_RE = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: 'invalid' | 'scheme' | 'host' | 'path' | 'credentials' };

export function checkWebhookUrl(kind: ChannelKind, raw: string, extraHosts: readonly string[]): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.username || url.password) return { ok: false, reason: 'credentials' };
  const host = url.hostname.toLowerCase();
  if (extraHosts.includes(host)) {
    return url.protocol === 'https:' || url.protocol === 'http:' ? { ok: true, url } : { ok: false, reason: 'scheme' };
  }
  if (kind === 'webhook' || !PROVIDER_HOSTS[kind].includes(host)) return { ok: false, reason: 'host' };
  if (url.protocol !== 'https:' || (url.port && url.port !== '443')) return { ok: false, reason: 'scheme' };
  return PROVIDER_PATHS[kind](url) ? { ok: true, url } : { ok: false, reason: 'path' };
}

/** What is ever shown of a channel's URL: the host and the last 4 characters of its key or token. */
export function maskUrl(raw: string): string {
  try {
    const url = new URL(raw);
    const secretPart = url.searchParams.get('key') ?? url.searchParams.get('access_token') ?? (url.pathname + url.search);
    return `${url.protocol}//${url.host}/…${lastFour(secretPart)}`;
  } catch {
    return `…${lastFour(raw)}`;
  }
}

export function lastFour(secret: string | null | undefined): string {
  if (!secret) return '';
  return secret.length <= 4 ? '****' : `****${secret.slice(-4)}`;
}
