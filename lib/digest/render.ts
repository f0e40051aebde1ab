// One chat message as each provider wants it, within its byte limit, signed where the provider signs.
// The body is cut by UTF-8 bytes at whole characters; the link is never cut.
import type { ChannelKind } from '../constants';
import type { ChatMessage } from './compose';
import { dingtalkSign, feishuSign } from './sign';
import { fitWithTail, utf8Bytes } from './truncate';

/** WeCom markdown.content; DingTalk's markdown text (kept well under its 20,000-byte body); Feishu's whole body. */
export const LIMITS = { wecom: 4096, dingtalk: 18_000, feishu: 20 * 1024, webhook: 64 * 1024 } as const;

export interface OutgoingRequest {
  url: string;
  body: string;
}

const linkLine = (m: ChatMessage) => (m.link ? `\n\n[${m.linkText}](${m.link})` : '');

function wecom(m: ChatMessage, url: string): OutgoingRequest {
  const content = fitWithTail(`## ${m.title}\n${m.body}`, linkLine(m), LIMITS.wecom);
  return { url, body: JSON.stringify({ msgtype: 'markdown', markdown: { content } }) };
}

function dingtalk(m: ChatMessage, url: string, secret: string | null, now: number): OutgoingRequest {
  const text = fitWithTail(`## ${m.title}\n\n${m.body.replace(/\n/g, '\n\n')}`, linkLine(m), LIMITS.dingtalk);
  const target = new URL(url);
  if (secret) {
    // The signature is already URL-encoded (the provider's recipe), so it is appended as is.
    target.searchParams.set('timestamp', String(now));
    return { url: `${target.toString()}&sign=${dingtalkSign(secret, now)}`, body: JSON.stringify({ msgtype: 'markdown', markdown: { title: m.title, text } }) };
  }
  return { url: target.toString(), body: JSON.stringify({ msgtype: 'markdown', markdown: { title: m.title, text } }) };
}

function feishu(m: ChatMessage, url: string, secret: string | null, now: number): OutgoingRequest {
  const timestamp = Math.floor(now / 1000);
  const envelope = (content: string) => ({
    ...(secret ? { timestamp: String(timestamp), sign: feishuSign(secret, timestamp) } : {}),
    msg_type: 'interactive',
    card: {
      header: { title: { tag: 'plain_text', content: m.title }, template: m.event === 'restated' || m.event === 'reminder' ? 'orange' : 'blue' },
      elements: [
        { tag: 'markdown', content },
        ...(m.link ? [{ tag: 'action', actions: [{ tag: 'button', text: { tag: 'plain_text', content: m.linkText }, type: 'primary', url: m.link }] }] : []),
      ],
    },
  });
  // JSON escaping makes the body longer than the text: shrink the budget until the whole body fits.
  let budget = LIMITS.feishu - utf8Bytes(JSON.stringify(envelope('')));
  for (;;) {
    const body = JSON.stringify(envelope(fitWithTail(m.body, linkLine(m), budget)));
    const over = utf8Bytes(body) - LIMITS.feishu;
    if (over <= 0) return { url, body };
    budget -= over;
  }
}

function webhook(m: ChatMessage, url: string): OutgoingRequest {
  const text = fitWithTail(m.body, linkLine(m), LIMITS.webhook / 2);
  return { url, body: JSON.stringify({ event: m.event, lang: m.lang, title: m.title, text, link: m.link, ...m.data }) };
}

export function renderRequest(kind: ChannelKind, m: ChatMessage, channel: { url: string; secret: string | null }, now: number = Date.now()): OutgoingRequest {
  switch (kind) {
    case 'wecom':
      return wecom(m, channel.url);
    case 'dingtalk':
      return dingtalk(m, channel.url, channel.secret, now);
    case 'feishu':
      return feishu(m, channel.url, channel.secret, now);
    case 'webhook':
      return webhook(m, channel.url);
  }
}
