// Findings of one week: overdue first, then open, then resolved this week.
import type { Translate } from '@/lib/i18n/messages';
import { groupFindings, type FindingView } from '@/lib/report/view';
import type { WeekStart } from '@/lib/weeks';
import { RichText } from './rich-text';
import { FindingBadge } from './status-badge';

function Finding({ f, t, overdue }: { f: FindingView; t: Translate; overdue: boolean }) {
  return (
    <li className="flex flex-col gap-0.5 break-inside-avoid" data-testid="finding">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium" data-content="user">{f.title}</span>
        <FindingBadge status={f.status} t={t} />
        {f.due ? <span className={`text-xs ${overdue ? 'font-semibold text-rose-700 dark:text-rose-400 print:text-slate-900' : 'text-slate-500'}`}>{t('reading.due', { date: f.due })}</span> : null}
        {f.owner ? <span className="text-xs text-slate-500" data-content="user">{t('reading.owner', { owner: f.owner })}</span> : null}
        {f.source ? <span className="text-xs text-slate-500">{t('reading.source', { source: f.source })}</span> : null}
      </div>
      {f.note ? <RichText text={f.note} className="text-sm text-slate-700 dark:text-slate-300 print:text-slate-900" /> : null}
    </li>
  );
}

export function ReportFindings({ findings, week, asOf, t }: { findings: FindingView[]; week: WeekStart; asOf: string; t: Translate }) {
  const g = groupFindings(findings, week, asOf);
  const parts = [
    { key: 'overdue' as const, items: g.overdue },
    { key: 'open' as const, items: g.open },
    { key: 'resolved' as const, items: g.resolved },
  ].filter((p) => p.items.length > 0);
  if (parts.length === 0) return <p className="text-sm text-slate-500">{t('reading.none')}</p>;
  return (
    <div className="flex flex-col gap-3" data-testid="report-findings">
      {parts.map((p) => (
        <div key={p.key} data-group={p.key}>
          <h3 className="text-sm font-semibold">{t(`reading.findings.${p.key}`)} ({p.items.length})</h3>
          <ul className="mt-1 flex flex-col gap-2">
            {p.items.map((f) => <Finding key={f.id} f={f} t={t} overdue={p.key === 'overdue'} />)}
          </ul>
        </div>
      ))}
    </div>
  );
}
