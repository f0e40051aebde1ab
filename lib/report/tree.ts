// The report's outline, built once from its lines: headings nest by level, list items by indentation
// (numbering kept), and indented paragraphs belong to the item above them. Every extractor reads this.
import { headingLevel, type ReportLine } from './text';

export type NodeKind = 'heading' | 'item' | 'text';

export interface ReportNode {
  kind: NodeKind;
  /** Index into the report's lines. */
  line: number;
  /** Heading level 1–6; 0 for items and text. */
  level: number;
  indent: number;
  /** "-", "1." … for items; '' otherwise. */
  marker: string;
  ordered: boolean;
  /** The content without heading hashes or list marker, trimmed; `norm` is its width-folded twin. */
  raw: string;
  norm: string;
  children: ReportNode[];
}

export interface ReportTree {
  lines: ReportLine[];
  /** Top-level nodes: headings (with everything under them) and whatever precedes the first heading. */
  roots: ReportNode[];
}

const ITEM = /^([-*+•]|\d{1,3}[.、)）])\s{1,8}/;

function indentOf(s: string): number {
  let n = 0;
  for (const ch of s) {
    if (ch === ' ') n++;
    else if (ch === '\t') n += 4;
    else if (ch === '\u3000') n += 2;
    else break;
  }
  return n;
}

const endsWithColon = (norm: string) => /:\s{0,3}$/.test(norm);

function makeNode(line: ReportLine, index: number): ReportNode | null {
  const { raw, norm } = line;
  if (!norm.trim()) return null;
  const level = headingLevel(norm);
  const lead = norm.length - norm.trimStart().length;
  if (level) {
    const start = norm.indexOf('#') + level;
    return node('heading', index, level, 0, '', raw.slice(start), norm.slice(start));
  }
  const indent = indentOf(norm);
  const body = norm.slice(lead);
  const m = ITEM.exec(body);
  if (m) {
    const at = lead + m[0].length;
    return { ...node('item', index, 0, indent, m[1], raw.slice(at), norm.slice(at)), ordered: /\d/.test(m[1]) };
  }
  return node('text', index, 0, indent, '', raw, norm);
}

function node(kind: NodeKind, line: number, level: number, indent: number, marker: string, raw: string, norm: string): ReportNode {
  // raw and norm keep equal lengths, so the same trim offsets apply to both.
  const lead = norm.length - norm.trimStart().length;
  const tail = norm.trimEnd().length;
  return { kind, line, level, indent, marker, ordered: false, raw: raw.slice(lead, tail), norm: norm.slice(lead, tail), children: [] };
}

/**
 * A dash list right under a numbered item that ends with a colon ("3. 生产稳定性事件：" then "- 7/05 …") is
 * that item's content even at the same indentation: that is how the team's editor exports it.
 */
const adopts = (parent: ReportNode, child: ReportNode) =>
  parent.indent === child.indent && parent.ordered && !child.ordered && endsWithColon(parent.norm);

export function buildTree(lines: ReportLine[]): ReportTree {
  const roots: ReportNode[] = [];
  const headings: ReportNode[] = [];
  let items: ReportNode[] = [];
  const container = () => (headings.length ? headings[headings.length - 1].children : roots);

  lines.forEach((line, index) => {
    const n = makeNode(line, index);
    if (!n) return;
    if (n.kind === 'heading') {
      items = [];
      while (headings.length && headings[headings.length - 1].level >= n.level) headings.pop();
      container().push(n);
      headings.push(n);
      return;
    }
    if (n.kind === 'item') {
      while (items.length) {
        const top = items[items.length - 1];
        if (top.indent < n.indent || adopts(top, n)) break;
        items.pop();
      }
      (items.length ? items[items.length - 1].children : container()).push(n);
      items.push(n);
      return;
    }
    // Text: an indented line continues the deepest item it sits under; a flush one ends the list.
    while (items.length && items[items.length - 1].indent >= n.indent && n.indent > 0) {
      if (items.length === 1) break;
      items.pop();
    }
    if (n.indent > 0 && items.length) {
      items[items.length - 1].children.push(n);
      return;
    }
    items = [];
    container().push(n);
  });
  return { lines, roots };
}

/** Every node under `n` (not `n` itself), in document order. */
export function descendants(n: ReportNode): ReportNode[] {
  const out: ReportNode[] = [];
  const walk = (m: ReportNode) => {
    for (const c of m.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(n);
  return out;
}
