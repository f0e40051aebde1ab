'use client';
// Copy the week's Markdown report to the clipboard; the download links need no JavaScript.
import { useState } from 'react';

export function CopyMarkdown({ href, labels }: { href: string; labels: { copy: string; copied: string; failed: string } }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      const res = await fetch(href, { credentials: 'same-origin' });
      if (!res.ok) throw new Error(String(res.status));
      await navigator.clipboard.writeText(await res.text());
      setState('copied');
    } catch {
      setState('failed');
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={copy} className="text-sky-700 underline dark:text-sky-400" data-testid="copy-markdown">
        {labels.copy}
      </button>
      <span role="status" className="text-xs text-slate-500">
        {state === 'copied' ? labels.copied : state === 'failed' ? labels.failed : ''}
      </span>
    </span>
  );
}
