import Link from '@/components/ui/link';
import type { Translate } from '@/lib/i18n/messages';
import { RANGE_KEYS, type ResolvedRange } from '@/lib/range';

/**
 * Plain links and a GET form: the range lives in the URL, so every view is shareable and bookmarkable.
 * `extraQuery` (`&as=reported`) is what the view keeps across a range change: the links append it and the
 * form sends it as hidden fields, so a custom from/to never drops it.
 */
export function RangePicker({ range, basePath, t, fromLabel, toLabel, extraQuery = '', exportHref }: { range: ResolvedRange; basePath: string; t: Translate; fromLabel: string; toLabel: string; extraQuery?: string; exportHref?: string }) {
  return (
    <div className="no-print flex flex-wrap items-center gap-2 text-sm" data-testid="range-picker">
      <span className="text-slate-600 dark:text-slate-400">{t('dash.range')}</span>
      {RANGE_KEYS.map((key) => (
        <Link
          key={key}
          href={`${basePath}?range=${key}${extraQuery}`}
          aria-current={range.key === key ? 'page' : undefined}
          className={`rounded-md border px-2 py-1 ${range.key === key ? 'border-sky-700 bg-sky-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100'}`}
        >
          {t(`dash.range.${key}`)}
        </Link>
      ))}
      <form method="get" action={basePath} className="flex flex-wrap items-center gap-1">
        {[...new URLSearchParams(extraQuery)].map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label htmlFor="range-from" className="text-slate-600 dark:text-slate-400">{t('dash.range.from')}</label>
        <input id="range-from" name="from" defaultValue={fromLabel} className="w-24 rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900" />
        <label htmlFor="range-to" className="text-slate-600 dark:text-slate-400">{t('dash.range.to')}</label>
        <input id="range-to" name="to" defaultValue={toLabel} className="w-24 rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900" />
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900">{t('dash.range.apply')}</button>
      </form>
      {exportHref ? (
        <a href={exportHref} download className="rounded-md border border-slate-300 bg-white px-2 py-1 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900" data-testid="export-csv">
          {t('dash.export')}
        </a>
      ) : null}
    </div>
  );
}

/** Says why the range shown is not the one the URL asked for. */
export function RangeNotice({ notice }: { notice: string | null }) {
  if (!notice) return null;
  return (
    <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200" data-testid="range-notice">
      {notice}
    </p>
  );
}
