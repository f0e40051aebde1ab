import { Fragment } from 'react';
import type { Language } from '@/lib/constants';
import { localize } from '@/lib/i18n/form-labels';

/** Params that quote the report itself: shown as they are, marked as the report's own words. */
const QUOTED = ['text', 'first'] as const;
const MARK = (i: number) => `\u0001${i}\u0001`;

/**
 * A warning (a catalogue key with values) in the reader's language: a `metric` value that names a metric
 * (its key) becomes the metric's name, and quotes of the report stay in the report's words, marked as such.
 */
export function WarningText({ message, lang, names }: { message: string; lang: Language; names: ReadonlyMap<string, string> }) {
  const bar = message.indexOf('|');
  if (bar < 0) return <>{localize(message, lang)}</>;
  let params: Record<string, string | number>;
  try {
    params = JSON.parse(message.slice(bar + 1)) as Record<string, string | number>;
  } catch {
    return <>{message}</>;
  }
  const metric = typeof params.metric === 'string' ? names.get(params.metric) : undefined;
  const quotes: string[] = [];
  const shown: Record<string, string | number> = { ...params, ...(metric ? { metric } : {}) };
  for (const k of QUOTED) {
    if (typeof params[k] === 'string') {
      shown[k] = MARK(quotes.length);
      quotes.push(params[k] as string);
    }
  }
  const text = localize(`${message.slice(0, bar)}|${JSON.stringify(shown)}`, lang);
  const parts = text.split(/\u0001(\d+)\u0001/);
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <span key={i} data-content="user">{quotes[Number(part)]}</span> : <Fragment key={i}>{part}</Fragment>))}
    </>
  );
}
