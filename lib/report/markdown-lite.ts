// Markdown-lite: the little Markdown people type in a week's text — lists, **bold**, [links](https://…) —
// read into plain data that components render as React elements (never as HTML). Pure.
// Anything else stays text exactly as typed: `<script>` is shown, not run; a link whose address is not
// http(s) (`javascript:`, `data:`, relative) is shown as the text that was written, never as a link.

export type Inline = { kind: 'text'; text: string } | { kind: 'bold'; text: string } | { kind: 'link'; text: string; href: string };

export type Block =
  /** Consecutive lines of text; each line keeps its own break. */
  | { kind: 'paragraph'; lines: Inline[][] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] };

const BULLET = /^\s*[-*+•]\s+(.*)$/;
// "1. x", "1) x" need the space (so "99.5%" stays text); "1、x" and "（1）x" do not.
const NUMBERED = /^\s*(?:\d{1,3}[.)．]\s+|\d{1,3}、\s*|[（(]\d{1,3}[)）]\s*)(.*)$/;
const INLINE = /\*\*([^*\n]+?)\*\*|\[([^\]\n]*)\]\(([^)\s]*)\)/g;

/** Only absolute http(s) addresses become links. */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function parseInline(line: string): Inline[] {
  const out: Inline[] = [];
  const push = (text: string) => {
    if (!text) return;
    const prev = out[out.length - 1];
    if (prev?.kind === 'text') prev.text += text;
    else out.push({ kind: 'text', text });
  };
  let at = 0;
  for (const m of line.matchAll(INLINE)) {
    push(line.slice(at, m.index));
    at = m.index + m[0].length;
    if (m[1] !== undefined) {
      out.push({ kind: 'bold', text: m[1] });
      continue;
    }
    const href = safeHref(m[3]);
    if (href && m[2].trim()) out.push({ kind: 'link', text: m[2], href });
    else push(m[0]);
  }
  push(line.slice(at));
  return out;
}

export function parseMarkdownLite(source: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  const close = () => {
    if (current) blocks.push(current);
    current = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      close();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      const ordered = numbered !== null;
      if (current?.kind !== 'list' || current.ordered !== ordered) {
        close();
        current = { kind: 'list', ordered, items: [] };
      }
      current.items.push(parseInline(item[1]));
      continue;
    }
    if (current?.kind === 'list' && /^\s+/.test(raw)) {
      // An indented line continues the item above.
      const last = current.items[current.items.length - 1];
      last.push({ kind: 'text', text: ' ' }, ...parseInline(line.trim()));
      continue;
    }
    if (current?.kind !== 'paragraph') {
      close();
      current = { kind: 'paragraph', lines: [] };
    }
    current.lines.push(parseInline(line.trim()));
  }
  close();
  return blocks;
}

/** The text a reader sees, without markup: for one-line summaries (the board's latest update). */
export function plainText(source: string): string {
  return parseMarkdownLite(source)
    .flatMap((b) => (b.kind === 'paragraph' ? b.lines : b.items))
    .map((line) => line.map((i) => i.text).join(''))
    .join(' ');
}
