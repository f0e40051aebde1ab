// A text-safe preview of Markdown-lite: text nodes and <strong>, lists; never raw HTML, never a live link.
import { parseMarkdownLite, type Inline } from './markdown-lite';

function Line({ inline }: { inline: Inline[] }) {
  return (
    <>
      {inline.map((p, i) => (p.kind === 'bold' ? <strong key={i} data-content="user">{p.text}</strong> : <span key={i} data-content="user">{p.text}</span>))}
    </>
  );
}

export function MarkdownPreview({ source, id }: { source: string; id?: string }) {
  const blocks = parseMarkdownLite(source);
  if (!blocks.length) return null;
  return (
    <div id={id} className="flex flex-col gap-1 rounded-md bg-slate-100 p-2 text-sm break-words dark:bg-slate-800" data-testid="md-preview">
      {blocks.map((b, i) =>
        b.kind === 'paragraph' ? (
          <p key={i}><Line inline={b.inline} /></p>
        ) : b.ordered ? (
          <ol key={i} className="list-decimal pl-5">{b.items.map((it, j) => <li key={j}><Line inline={it} /></li>)}</ol>
        ) : (
          <ul key={i} className="list-disc pl-5">{b.items.map((it, j) => <li key={j}><Line inline={it} /></li>)}</ul>
        ),
      )}
    </div>
  );
}
