// A week's text as Markdown-lite, rendered as React elements only (never HTML from user text).
import { parseMarkdownLite, type Inline } from '@/lib/report/markdown-lite';

function Line({ inline }: { inline: Inline[] }) {
  return inline.map((part, i) =>
    part.kind === 'bold' ? (
      <strong key={i}>{part.text}</strong>
    ) : part.kind === 'link' ? (
      <a key={i} href={part.href} rel="noopener noreferrer nofollow" target="_blank" className="text-sky-700 underline dark:text-sky-400 print:text-slate-900">
        {part.text}
      </a>
    ) : (
      <span key={i}>{part.text}</span>
    ),
  );
}

export function RichText({ text, className = '' }: { text: string; className?: string }) {
  const blocks = parseMarkdownLite(text);
  if (blocks.length === 0) return null;
  return (
    <div className={`flex flex-col gap-1 break-words ${className}`} data-rich-text data-content="user">
      {blocks.map((b, i) =>
        b.kind === 'paragraph' ? (
          <p key={i}>
            {b.lines.map((line, j) => (
              <span key={j}>
                {j > 0 ? <br /> : null}
                <Line inline={line} />
              </span>
            ))}
          </p>
        ) : b.ordered ? (
          <ol key={i} className="list-decimal pl-6">
            {b.items.map((item, j) => <li key={j}><Line inline={item} /></li>)}
          </ol>
        ) : (
          <ul key={i} className="list-disc pl-6">
            {b.items.map((item, j) => <li key={j}><Line inline={item} /></li>)}
          </ul>
        ),
      )}
    </div>
  );
}
