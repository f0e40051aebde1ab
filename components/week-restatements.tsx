import Link from '@/components/ui/link';
import type { Restatement } from '@/db/queries/snapshots';
import type { Language } from '@/lib/constants';
import { formatMetricValue } from '@/lib/format';
import type { Translate } from '@/lib/i18n/messages';
import { dayOf, type Snapshot } from '@/lib/kpi/snapshot';
import type { TileMetric } from '@/lib/kpi/tiles';

/**
 * A published week's record (issue 14): each published version (printable as it was), and each figure
 * corrected since, "as reported X (date) → restated Y (date, who, why)".
 */
export function WeekRestatements(props: { snapshots: Snapshot[]; restatements: Restatement[]; metrics: readonly TileMetric[]; printHref: string; lang: Language; t: Translate }) {
  const { snapshots, restatements, metrics, lang, t } = props;
  if (!snapshots.length) return null;
  const byKey = new Map(metrics.map((m) => [m.key, m]));
  const value = (key: string, n: number | null) => {
    const m = byKey.get(key);
    return n === null ? '—' : m ? formatMetricValue(n, m, lang) : String(n);
  };
  const publishedOn = (version: number) => {
    const s = snapshots.find((x) => x.version === version);
    return s ? dayOf(s.publishedAt) : '—';
  };
  return (
    <section aria-labelledby="restated" className="flex flex-col gap-2">
      {restatements.length ? (
        <>
          <h2 id="restated" className="text-lg font-semibold">{t('restated.title')}</h2>
          <ul className="flex flex-col gap-1 text-sm" data-testid="restatements">
            {restatements.map((r, i) => {
              const m = byKey.get(r.metric);
              return (
                <li key={`${r.metric}-${i}`} className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 dark:border-amber-700 dark:bg-amber-950">
                  <span className="font-medium">{m ? (lang === 'zh' ? m.labelZh : m.labelEn) : r.metric}</span>
                  {lang === 'zh' ? '：' : ': '}
                  {t('restated.line', { from: value(r.metric, r.from), at: publishedOn(r.fromVersion), to: value(r.metric, r.to), when: dayOf(r.at), by: r.by ?? '—', reason: r.reason ?? t('restated.noReason') })}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      <h3 className="text-sm font-semibold text-slate-600 dark:text-slate-400">{t('restated.versions')}</h3>
      <ul className="flex flex-wrap gap-3 text-sm" data-testid="published-versions">
        {snapshots.map((s) => (
          <li key={s.version}>
            {t('restated.version', { version: s.version, at: dayOf(s.publishedAt), by: s.publishedByName ?? '—' })} ·{' '}
            <Link className="text-sky-700 underline dark:text-sky-400" href={`${props.printHref}?v=${s.version}`}>
              {t('restated.printVersion', { version: s.version })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
