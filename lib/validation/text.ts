// Free text as people type or paste it, made safe to store and render: C0 control characters (NUL, ESC,
// backspace…) and DEL never reach the database or the HTML; tab and newline stay, CRLF becomes LF.
import { z } from '@/lib/validation/zod';

const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function stripControls(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL_RE, '');
}

/** A string with control characters removed; chain `.trim()`/`.max()` after it like any z.string(). */
export function plainText(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).overwrite(stripControls);
}
