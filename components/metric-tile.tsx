import Link from '@/components/ui/link';
import type { Language } from '@/lib/constants';
import { formatDelta, formatMetricValue } from '@/lib/format';
import type { Translate } from '@/lib/i18n/messages';
import type { Tile } from '@/lib/kpi/tiles';
import { Sparkline } from './sparkline';

const STATUS_STYLE = {
  met: 'bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200',
  warning: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  missed: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
  none: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
} as const;

const TONE_STYLE = {
  good: 'text-green-700 dark:text-green-400',
  bad: 'text-red-700 dark:text-red-400',
  flat: 'text-slate-500 dark:text-slate-400',
} as const;

export function MetricTile({ tile, lang, t, spark, href }: { tile: Tile; lang: Language; t: Translate; spark?: Array<number | null>; href?: string }) {
  const { metric } = tile;
  const label = lang === 'zh' ? metric.labelZh : metric.labelEn;
  return (
    <article
      data-testid={`tile-${metric.key}`}
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h3 className="text-sm font-medium text-slate-600 dark:text-slate-400">
        {href ? (
          <Link href={href} className="hover:underline">
            {label}
          </Link>
        ) : (
          label
        )}
      </h3>
      <p className="text-3xl font-semibold tabular-nums" data-testid="tile-value">
        {tile.value === null ? <span className="text-base text-slate-500 dark:text-slate-400">{t('overview.noValue')}</span> : formatMetricValue(tile.value, metric, lang)}
      </p>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className={`rounded px-2 py-0.5 font-medium ${STATUS_STYLE[tile.status]}`} data-testid="tile-status">
          {t(`status.${tile.status}`)}
        </span>
        {tile.restated ? (
          <span className="rounded border border-amber-400 px-1.5 py-0.5 text-xs text-amber-800 dark:border-amber-600 dark:text-amber-300" data-testid="tile-restated">
            {t('tile.restated')}
          </span>
        ) : null}
        {tile.delta ? <span className={`tabular-nums ${TONE_STYLE[tile.delta.tone]}`}>{formatDelta(tile.delta, metric, lang)}</span> : null}
      </div>
      {spark ? <Sparkline values={spark} target={tile.target?.target ?? null} label={`${label}: 13 weeks`} /> : null}
      <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="tile-target">
        {tile.target
          ? `${t('overview.target')} ${metric.direction === 'higher' ? '≥' : '≤'} ${formatMetricValue(tile.target.target, { ...metric, truncate: false }, lang)}`
          : t('overview.noTarget')}
      </p>
    </article>
  );
}
