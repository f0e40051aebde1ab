// Markdown-lite as the report writes it: "- " / "* " / "1. " / "2、" list lines, **bold**, [label](url). Parsed into
// plain data so a preview renders text nodes only (never HTML): a link shows as "label (url)", not a link.
export type Inline = { kind: 'text' | 'bold'; text: string };
export type Block = { kind: 'paragraph'; inline: Inline[] } | { kind: 'list'; ordered: boolean; items: Inline[][] };

const LIST_RE = /^\s*(?:([-*•])\s+|(\d+)(?:[.)]\s+|[、．]\s*))(.*)$/;

export function parseInline(line: string): Inline[] {
  const out: Inline[] = [];
  const withLinks = line.replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, (_, label: string, url: string) => (label ? `${label} (${url})` : url));
  const parts = withLinks.split(/\*\*(.+?)\*\*/g);
  parts.forEach((text, i) => {
    if (text) out.push({ kind: i % 2 === 1 ? 'bold' : 'text', text });
  });
  return out;
}

export function parseMarkdownLite(source: string): Block[] {
  const blocks: Block[] = [];
  for (const line of source.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const m = LIST_RE.exec(line);
    const last = blocks.at(-1);
    if (m) {
      const ordered = m[2] !== undefined;
      if (last?.kind === 'list' && last.ordered === ordered) last.items.push(parseInline(m[3]));
      else blocks.push({ kind: 'list', ordered, items: [parseInline(m[3])] });
    } else {
      blocks.push({ kind: 'paragraph', inline: parseInline(line.trim()) });
    }
  }
  return blocks;
}
