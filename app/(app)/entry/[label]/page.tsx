import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { incidentToDraft } from '@/components/week-form/drafts';
import { WeekForm } from '@/components/week-form/week-form';
import type { FormMetric, WeekDraft } from '@/components/week-form/types';
import { getWeekNumbering } from '@/db/queries/settings';
import { routeWeek } from '@/lib/params';
import { getWeekEntryData } from '@/db/queries/week-entry';
import { getReportPrefill } from '@/db/queries/report';
import { reportToDraft } from '@/components/report-form/adapter';
import { requirePageRole } from '@/lib/auth';
import { formatMetricValue } from '@/lib/format';
import { FORM_LABELS } from '@/lib/i18n/form-labels';
import { getTranslator } from '@/lib/i18n/server';
import { addWeeks, currentWeekStart, formatWeek, weekLabel } from '@/lib/weeks';
import { pageTitle } from '@/lib/i18n/server';

type Props = { params: Promise<{ label: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await pageTitle('title.entry', { label: (await params).label }) };
}

export default async function WeekEntryPage({ params }: Props) {
  const { label } = await params;
  const principal = await requirePageRole('editor', `/entry/${label}`);
  const numbering = getWeekNumbering();
  const weekStart = routeWeek(label, numbering);
  if (!weekStart) notFound();
  const { lang, t } = await getTranslator();
  const data = getWeekEntryData(weekStart);

  const metrics: FormMetric[] = data.metrics.map((m) => {
    const target = data.targets[m.key];
    return {
      key: m.key,
      label: lang === 'zh' ? m.labelZh : m.labelEn,
      unit: m.unit,
      decimals: m.decimals,
      truncate: m.truncate,
      kind: m.kind,
      required: m.required,
      lastWeek: data.previousValues[m.key] ? formatMetricValue(data.previousValues[m.key].value, m, lang) : '',
      target: target ? `${m.direction === 'higher' ? '≥' : '≤'} ${formatMetricValue(target.target, { ...m, truncate: false }, lang)}` : '',
    };
  });
  const initial: WeekDraft = {
    values: Object.fromEntries(
      Object.entries(data.values).map(([key, v]) => [key, { value: String(v.value), done: v.done === null ? '' : String(v.done), total: v.total === null ? '' : String(v.total) }]),
    ),
    notes: data.week?.notes ?? '',
    internalNotes: data.week?.internalNotes ?? '',
    reason: '',
    incidents: data.incidents.map(incidentToDraft),
  };
  const title = formatWeek(weekStart, numbering, lang);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold">{title}</h1>
        <nav aria-label={t('a11y.weeksNav')} className="flex gap-3 text-sm">
          <Link className="text-sky-700 underline dark:text-sky-400" href={`/entry/${weekLabel(addWeeks(weekStart, -1), numbering)}`}>← {weekLabel(addWeeks(weekStart, -1), numbering)}</Link>
          <Link className="text-sky-700 underline dark:text-sky-400" href={`/entry/${weekLabel(addWeeks(weekStart, 1), numbering)}`}>{weekLabel(addWeeks(weekStart, 1), numbering)} →</Link>
          <Link className="text-sky-700 underline dark:text-sky-400" href={`/weeks/${weekLabel(weekStart, numbering)}`}>{t('dash.weekLink')}</Link>
        </nav>
      </div>
      <WeekForm
        key={weekStart}
        weekStart={weekStart}
        weekTitle={weekLabel(weekStart, numbering)}
        version={data.week?.version ?? 0}
        status={data.week?.status ?? 'draft'}
        metrics={metrics}
        initial={initial}
        labels={FORM_LABELS[lang]}
        lang={lang}
        report={{ initial: reportToDraft(getReportPrefill(weekStart), lang) }}
        canPublish={weekStart <= currentWeekStart()}
        owner={principal.userId}
      />
    </div>
  );
}
