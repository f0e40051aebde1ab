import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { MetricTile } from '@/components/metric-tile';
import { ReportSections } from '@/components/report/report-sections';
import { WeekEvents } from '@/components/report/week-events';
import { getReportView, getWeekHighlights, today } from '@/db/queries/report-view';
import { toReportView } from '@/lib/report/view';
import { overdueAsOf } from '@/lib/kpi/highlights';
import { getSharedWeekView } from '@/db/queries/share-week-view';
import { AsOfSwitch } from '@/components/dashboard/as-of-switch';
import { parseAsOf } from '@/lib/kpi/snapshot';
import { getWeekNumbering } from '@/db/queries/settings';
import { getTranslator } from '@/lib/i18n/server';
import { buildTiles } from '@/lib/kpi/tiles';
import { requireShareScope } from '@/lib/share/request';
import { routeWeek } from '@/lib/params';
import { formatWeek, weekLabel } from '@/lib/weeks';
import { pageTitle } from '@/lib/i18n/server';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle('title.sharedWeek') };
}

type Props = { params: Promise<{ token: string; label: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Share links read nothing marked internal. */
const PUBLIC = { includeInternal: false };

/**
 * A published week inside the link's range: the whole report without internal notes or anything internal.
 * Its figures as the link's creator chose (current or as first published), switchable with `?as=` like the
 * link's dashboard; the choice travels with the links between the link's pages.
 */
export default async function SharedWeekPage({ params, searchParams }: Props) {
  const { token, label } = await params;
  const scope = await requireShareScope(token);
  const numbering = getWeekNumbering();
  const weekStart = routeWeek(label, numbering);
  const asOf = parseAsOf((await searchParams).as, scope.asOf);
  const data = weekStart ? getSharedWeekView(weekStart, scope, asOf) : null;
  if (!weekStart || !data) notFound();
  const { lang, t } = await getTranslator();
  const basePath = `/s/${token}`;
  const keep = asOf === scope.asOf ? '' : `?as=${asOf}`;
  const weekHref = (w: string) => `${basePath}/weeks/${weekLabel(w, numbering)}${keep}`;
  const tiles = buildTiles({ metrics: data.metrics, targets: data.targets, week: weekStart, current: data.values, previous: data.previousValues }).map((tile) => ({ ...tile, restated: data.restated.has(tile.metric.key) }));
  const link = 'text-sky-700 underline dark:text-sky-400';
  const report = data.report ? toReportView(data.report, lang) : getReportView(weekStart, lang, PUBLIC);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold" data-testid="week-title">
          {formatWeek(weekStart, numbering, lang)}
        </h1>
        <nav aria-label={t('share.weeks')} className="flex gap-3 text-sm">
          <Link className={link} href={`${basePath}${keep}`}>{t('share.dashboard')}</Link>
          {data.previousWeek ? <Link className={link} href={weekHref(data.previousWeek)} data-testid="previous-week">← {weekLabel(data.previousWeek, numbering)}</Link> : null}
          {data.nextWeek ? <Link className={link} href={weekHref(data.nextWeek)} data-testid="next-week">{weekLabel(data.nextWeek, numbering)} →</Link> : null}
        </nav>
      </div>
      <AsOfSwitch asOf={asOf} t={t} href={(v) => `${basePath}/weeks/${weekLabel(weekStart, numbering)}?as=${v}`} />
      <ReportSections
        report={report}
        week={weekStart}
        asOf={overdueAsOf(weekStart, today())}
        t={t}
        highlights={getWeekHighlights({ weekStart, lang, report, options: PUBLIC, current: data.asOf === 'reported' ? data.values : undefined })}
        kpis={
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="tiles">
            {tiles.map((tile) => (
              <MetricTile key={tile.metric.key} tile={tile} lang={lang} t={t} />
            ))}
          </div>
        }
        events={<WeekEvents events={data.incidents} lang={lang} t={t} />}
      />
      {data.notes ? (
        <section aria-labelledby="notes" className="flex flex-col gap-2">
          <h2 id="notes" className="text-lg font-semibold">{t('share.notes')}</h2>
          <p className="whitespace-pre-wrap text-sm" data-testid="week-notes" data-content="user">{data.notes}</p>
        </section>
      ) : null}
    </div>
  );
}
