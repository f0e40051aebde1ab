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

/** `kiosk`: the wall screen's larger type, tighter box. */
export function MetricTile({ tile, lang, t, spark, href, size = 'normal' }: { tile: Tile; lang: Language; t: Translate; spark?: Array<number | null>; href?: string; size?: 'normal' | 'kiosk' }) {
  const { metric } = tile;
  const label = lang === 'zh' ? metric.labelZh : metric.labelEn;
  const kiosk = size === 'kiosk';
  return (
    <article
      data-testid={`tile-${metric.key}`}
      className={`flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900 ${kiosk ? 'gap-1 p-3' : 'gap-1.5 p-3 sm:gap-2 sm:p-4'}`}
    >
      <h3 className={`font-medium text-slate-600 dark:text-slate-400 ${kiosk ? 'truncate text-base' : 'text-xs leading-snug sm:text-sm'}`}>
        {href ? (
          <Link href={href} className="hover:underline">
            {label}
          </Link>
        ) : (
          label
        )}
      </h3>
      <p className={`font-semibold tabular-nums ${kiosk ? 'text-4xl' : 'text-2xl sm:text-3xl'}`} data-testid="tile-value">
        {tile.value === null ? <span className="text-base text-slate-500 dark:text-slate-400">{t('overview.noValue')}</span> : formatMetricValue(tile.value, metric, lang)}
      </p>
      <div className={`flex flex-wrap items-center gap-2 ${kiosk ? 'text-base' : 'text-sm'}`}>
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
      {spark ? <Sparkline values={spark} target={tile.target?.target ?? null} label={t('chart.spark', { label })} height={kiosk ? 28 : 32} className={kiosk ? undefined : 'h-6 sm:h-8'} /> : null}
      <p className={`text-slate-500 dark:text-slate-400 ${kiosk ? 'text-sm' : 'text-xs'}`} data-testid="tile-target">
        {tile.target
          ? `${t('overview.target')} ${metric.direction === 'higher' ? '≥' : '≤'} ${formatMetricValue(tile.target.target, { ...metric, truncate: false }, lang)}`
          : t('overview.noTarget')}
      </p>
    </article>
  );
}
