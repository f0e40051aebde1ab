// The whole report in the team's order: highlights, focus, KPIs, objectives → initiatives, production events,
// findings, other, reflection, next week, last week's plan checked off. The page supplies the KPI and event
// parts (they differ between the week page, print and share); everything else comes from the report view.
import type { ReactNode } from 'react';
import type { Highlight } from '@/lib/kpi/highlights';
import type { Translate } from '@/lib/i18n/messages';
import type { ReportView } from '@/lib/report/view';
import type { WeekStart } from '@/lib/weeks';
import { ReportFindings } from './report-findings';
import { ReportObjectives } from './report-objectives';
import { ReportPlan } from './report-plan';
import { RichText } from './rich-text';

export function Section({ id, title, children, print = false }: { id: string; title: string; children: ReactNode; print?: boolean }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2" data-section={id}>
      <h2 id={id} className={print ? 'mt-4 border-b border-slate-300 text-base font-semibold' : 'text-lg font-semibold'}>{title}</h2>
      {children}
    </section>
  );
}

export function Highlights({ items, t, print = false }: { items: Highlight[]; t: Translate; print?: boolean }) {
  if (items.length === 0) return null;
  return (
    <Section id="highlights" title={t('reading.highlights')} print={print}>
      <ul className={`flex flex-col gap-1 text-sm ${print ? 'list-disc pl-6' : ''}`} data-testid="highlights">
        {items.map((h, i) => (
          <li key={i} data-kind={h.kind} className={print ? '' : `rounded border-l-4 bg-white px-3 py-1.5 dark:bg-slate-900 ${h.kind === 'all_met' ? 'border-emerald-500' : 'border-amber-500'}`}>
            {h.text}
          </li>
        ))}
      </ul>
    </Section>
  );
}

const list = (items: string[], ordered = true) => {
  const cls = `${ordered ? 'list-decimal' : 'list-disc'} flex flex-col gap-1 pl-6 text-sm`;
  const lis = items.map((x, i) => <li key={i}><RichText text={x} /></li>);
  return ordered ? <ol className={cls}>{lis}</ol> : <ul className={cls}>{lis}</ul>;
};

export function ReportSections(props: {
  report: ReportView;
  week: WeekStart;
  /** The day findings count as overdue by. */
  asOf: string;
  t: Translate;
  highlights: Highlight[];
  kpis: ReactNode;
  events: ReactNode;
  print?: boolean;
}) {
  const { report: r, t, print = false } = props;
  const none = <p className="text-sm text-slate-500">{t('reading.none')}</p>;
  return (
    <div className={`flex flex-col ${print ? 'gap-1' : 'gap-6'}`} data-testid="week-report">
      <Highlights items={props.highlights} t={t} print={print} />
      {r.focus.length ? <Section id="focus" title={t('reading.focus')} print={print}>{list(r.focus)}</Section> : null}
      <Section id="kpis" title={t('reading.kpis')} print={print}>{props.kpis}</Section>
      {r.objectives.length ? (
        <Section id="objectives" title={t('reading.objectives')} print={print}>
          <ReportObjectives objectives={r.objectives} t={t} />
        </Section>
      ) : null}
      <Section id="events" title={t('week.events')} print={print}>{props.events}</Section>
      {r.findings.length ? (
        <Section id="findings" title={t('reading.findings')} print={print}>
          <ReportFindings findings={r.findings} week={props.week} asOf={props.asOf} t={t} />
        </Section>
      ) : null}
      {r.other.length ? <Section id="other" title={t('reading.other')} print={print}>{list(r.other)}</Section> : null}
      <Section id="reflection" title={t('reading.reflection')} print={print}>
        {r.reflection ? <RichText text={r.reflection} className="text-sm" /> : none}
      </Section>
      {r.nextWeek.length ? <Section id="next-week" title={t('reading.nextWeek')} print={print}>{list(r.nextWeek)}</Section> : null}
      {r.lastWeekPlan.length ? (
        <Section id="last-week-plan" title={t('reading.lastWeekPlan')} print={print}>
          <ReportPlan items={r.lastWeekPlan} t={t} />
        </Section>
      ) : null}
    </div>
  );
}
