// Last week's plan as checked off this week: done / partly / not done, with the reason.
import type { Translate } from '@/lib/i18n/messages';
import type { PlanItemView } from '@/lib/report/view';

const MARK = { done: '☑', partly: '◐', not_done: '☒' } as const;

export function ReportPlan({ items, t }: { items: PlanItemView[]; t: Translate }) {
  return (
    <ul className="flex flex-col gap-1 text-sm" data-testid="last-week-plan">
      {items.map((p, i) => (
        <li key={i} className="flex flex-wrap gap-2" data-outcome={p.outcome ?? 'unchecked'}>
          <span aria-hidden>{p.outcome ? MARK[p.outcome] : '☐'}</span>
          <span data-content="user">{p.text}</span>
          <span className="text-slate-500">— {p.outcome ? t(`reading.plan.${p.outcome}`) : t('reading.notChecked')}</span>
          {p.reason ? <span className="text-slate-600 dark:text-slate-400 print:text-slate-900">{t('reading.reason', { reason: p.reason })}</span> : null}
        </li>
      ))}
    </ul>
  );
}
