import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { MetricTile } from '@/components/metric-tile';
import { WeekHistory } from '@/components/week-history';
import { WeekRestatements } from '@/components/week-restatements';
import { listRestatements, listSnapshots } from '@/db/queries/snapshots';
import { changedValues, gradeChanges } from '@/lib/kpi/snapshot';
import { listWeekHistory } from '@/db/queries/revisions';
import { getWeekNumbering } from '@/db/queries/settings';
import { routeWeek } from '@/lib/params';
import { loadWeekEntryData } from '@/db/queries/week-entry';
import { hasRole, requirePageRole } from '@/lib/auth';
import { getTranslator } from '@/lib/i18n/server';
import { buildTiles } from '@/lib/kpi/tiles';
import { listTargets } from '@/db/queries/targets';
import { addWeeks, formatWeek, weekLabel } from '@/lib/weeks';
import { CopyMarkdown } from '@/components/report/copy-markdown';
import { ReportSections } from '@/components/report/report-sections';
import { WeekEvents } from '@/components/report/week-events';
import { getWeekHighlights, loadSignedInHighlights, loadSignedInReportView, today } from '@/db/queries/report-view';
import { overdueAsOf } from '@/lib/kpi/highlights';
import { teamTimeZone } from '@/lib/time-zone';

/** Signed-in readers see internal items too. */
const READ = { includeInternal: true };

type Props = { params: Promise<{ label: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).label };
}

export default async function WeekPage({ params }: Props) {
  const { label } = await params;
  const principal = await requirePageRole('viewer', `/weeks/${label}`);
  const numbering = getWeekNumbering();
  const weekStart = routeWeek(label, numbering);
  if (!weekStart) notFound();
  const data = loadWeekEntryData(weekStart);
  const canEdit = hasRole(principal.role, 'editor');
  // Viewers read published weeks only; editors also see drafts.
  if (!data.week || (data.week.status !== 'published' && !canEdit)) notFound();
  const { lang, t } = await getTranslator();
  // Issue 14: what the week said when first published, and what was corrected since.
  const snapshots = listSnapshots(weekStart);
  const restatements = listRestatements(weekStart, undefined, snapshots);
  const restated = new Set(snapshots.length ? changedValues(snapshots[0].payload, data.values) : []);
  const gradeText = (g: { grade: string | null; gradeStatus: string | null }) => (g.grade ? t('restated.grade', { grade: g.grade, status: t(`week.${g.gradeStatus === 'final' ? 'final' : 'estimated'}`) }) : t('dash.ungraded'));
  const gradeNotes = new Map(snapshots.length ? gradeChanges(snapshots[0].payload, data.incidents).map((g) => [g.id, t('restated.gradeChange', { from: gradeText(g.from), to: gradeText(g.to) })]) : []);
  const tiles = buildTiles({ metrics: data.metrics, targets: listTargets(), week: weekStart, current: data.values, previous: data.previousValues }).map((tile) => ({ ...tile, restated: restated.has(tile.metric.key) }));
  const historyMetrics = data.metrics.map((m) => ({ key: m.key, label: lang === 'zh' ? m.labelZh : m.labelEn, unit: m.unit, decimals: m.decimals, truncate: m.truncate }));
  const link = 'text-sky-700 underline dark:text-sky-400';
  const mdHref = `/weeks/${weekLabel(weekStart, numbering)}/report.md`;
  const report = loadSignedInReportView(weekStart, lang);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold" data-testid="week-title">
          {formatWeek(weekStart, numbering, lang)}
        </h1>
        <span className="rounded bg-slate-200 px-2 py-0.5 text-sm dark:bg-slate-800">{t(`status.${data.week.status}`)}</span>
        <nav aria-label={t('metric.week')} className="flex gap-3 text-sm">
          <Link className={link} href={`/weeks/${weekLabel(addWeeks(weekStart, -1), numbering)}`}>← {weekLabel(addWeeks(weekStart, -1), numbering)}</Link>
          <Link className={link} href={`/weeks/${weekLabel(addWeeks(weekStart, 1), numbering)}`}>{weekLabel(addWeeks(weekStart, 1), numbering)} →</Link>
          <Link className={link} href={`/weeks/${weekLabel(weekStart, numbering)}/print`}>{t('dash.print')}</Link>
          {canEdit ? <Link className={link} href={`/entry/${weekLabel(weekStart, numbering)}`}>{t('week.edit')}</Link> : null}
        </nav>
      </div>
      <p className="flex flex-wrap gap-3 text-sm" data-testid="report-export">
        <CopyMarkdown href={`${mdHref}?lang=${lang}`} labels={{ copy: t('reading.copy'), copied: t('reading.copied'), failed: t('reading.copyFailed') }} />
        <a className={link} href={`${mdHref}?lang=zh&download=1`} download>{t('reading.download', { lang: '中文' })}</a>
        <a className={link} href={`${mdHref}?lang=en&download=1`} download>{t('reading.download', { lang: 'English' })}</a>
      </p>
      <ReportSections
        report={report}
        week={weekStart}
        asOf={overdueAsOf(weekStart, today())}
        t={t}
        highlights={
          // A draft's highlights use its own unpublished values (editors only): computed for this request.
          data.week.status === 'published' ? loadSignedInHighlights(weekStart, lang) : getWeekHighlights({ weekStart, lang, report, options: READ, current: data.values })
        }
        kpis={
          <>
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
              {tiles.map((tile) => (
                <MetricTile key={tile.metric.key} tile={tile} lang={lang} t={t} href={`/metrics/${tile.metric.key}`} />
              ))}
            </div>
            <WeekRestatements snapshots={snapshots} restatements={restatements} metrics={data.metrics} printHref={`/weeks/${weekLabel(weekStart, numbering)}/print`} lang={lang} t={t} />
          </>
        }
        events={<WeekEvents events={data.incidents} lang={lang} t={t} extra={gradeNotes} />}
      />
      {data.week.notes || data.week.internalNotes ? (
        <section aria-labelledby="notes" className="flex flex-col gap-2">
          <h2 id="notes" className="text-lg font-semibold">{t('week.notes')}</h2>
          {data.week.notes ? <p className="whitespace-pre-wrap text-sm" data-content="user">{data.week.notes}</p> : null}
          {data.week.internalNotes ? <p className="whitespace-pre-wrap text-sm text-slate-600 dark:text-slate-400">{t('week.internal')}: <span data-content="user">{data.week.internalNotes}</span></p> : null}
        </section>
      ) : null}
      <section aria-labelledby="history" className="flex flex-col gap-2">
        <h2 id="history" className="text-lg font-semibold">{t('week.history')}</h2>
        {canEdit ? null : <p className="text-sm text-slate-500">{t('week.historyPublished')}</p>}
        <WeekHistory entries={listWeekHistory(weekStart, canEdit ? 'editor' : 'reader')} metrics={historyMetrics} lang={lang} timeZone={teamTimeZone()} />
      </section>
    </div>
  );
}
