import { MetricTile } from '@/components/metric-tile';
import { listMetrics } from '@/db/queries/catalogue';
import { getWeekNumbering } from '@/db/queries/settings';
import { listTargets } from '@/db/queries/targets';
import { getWeekValues } from '@/db/queries/values';
import { getLatestPublishedWeek, getPreviousPublishedWeek } from '@/db/queries/weeks';
import { requirePageRole } from '@/lib/auth';
import { getTranslator } from '@/lib/i18n/server';
import { buildTiles } from '@/lib/kpi/tiles';
import { formatWeekEn, formatWeekZh, weekLabel } from '@/lib/weeks';

export default async function OverviewPage() {
  await requirePageRole('viewer', '/');
  const { lang, t } = await getTranslator();
  const week = getLatestPublishedWeek();
  if (!week) {
    return <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600">{t('overview.empty')}</p>;
  }
  const numbering = getWeekNumbering();
  const previous = getPreviousPublishedWeek(week.weekStart);
  const tiles = buildTiles({
    metrics: listMetrics(),
    targets: listTargets(),
    week: week.weekStart,
    current: getWeekValues(week.weekStart),
    previous: previous ? getWeekValues(previous.weekStart) : null,
  });
  return (
    <section aria-labelledby="latest-week" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 id="latest-week" className="text-2xl font-semibold">
          {t('overview.title')}
        </h1>
        <p className="text-slate-600 dark:text-slate-400" data-testid="week-label" data-week={weekLabel(week.weekStart, numbering)}>
          {lang === 'zh' ? formatWeekZh(week.weekStart, numbering) : formatWeekEn(week.weekStart, numbering)}
        </p>
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {tiles.map((tile) => (
          <MetricTile key={tile.metric.key} tile={tile} lang={lang} t={t} />
        ))}
      </div>
    </section>
  );
}
