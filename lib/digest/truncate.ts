// Cutting text to a byte budget (the providers count UTF-8 bytes), never inside a character: whole grapheme
// clusters only, so neither a CJK character nor an emoji (with its modifiers and joiners) is ever split.
const encoder = new TextEncoder();
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** The longest prefix of `text` made of whole graphemes that fits in `maxBytes` UTF-8 bytes. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (maxBytes <= 0) return '';
  if (utf8Bytes(text) <= maxBytes) return text;
  let used = 0;
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    const size = utf8Bytes(segment);
    if (used + size > maxBytes) break;
    used += size;
    out += segment;
  }
  return out;
}

export const ELLIPSIS_LINE = '\n…';

/**
 * `body` then `tail` (the link) within `maxBytes`: when the whole does not fit, the body is cut at a line
 * end where possible, marked with "…", and the tail is always kept whole.
 */
export function fitWithTail(body: string, tail: string, maxBytes: number): string {
  if (utf8Bytes(body) + utf8Bytes(tail) <= maxBytes) return body + tail;
  const budget = maxBytes - utf8Bytes(tail) - utf8Bytes(ELLIPSIS_LINE);
  let cut = truncateUtf8(body, budget);
  const lineEnd = cut.lastIndexOf('\n');
  if (lineEnd > cut.length / 2) cut = cut.slice(0, lineEnd);
  return cut + ELLIPSIS_LINE + tail;
}
