'use client';

import { useState } from 'react';
import { secondaryButtonClass } from '../ui/field';

/** The freshly issued link, shown this once, with a copy button. */
export function ShareUrl({ url, id, l }: { url: string; id: string; l: Record<string, string> }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="sr-only">{l['shares.link']}</label>
      <input id={id} readOnly value={url} data-testid="share-url" onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-950" />
      <button type="button" onClick={copy} className={secondaryButtonClass}>{copied ? l['shares.copied'] : l['shares.copy']}</button>
    </div>
  );
}
