'use client';

// "Planned last week": each item of last week's plan, checked off as done / partly / not done (a reason
// required for the last two), and unfinished ones carried forward into this week's plan.
import type { Translate } from '@/lib/i18n/messages';
import { inputClass, secondaryButtonClass } from '../ui/field';
import { reportErrorKey } from './adapter';
import { canCarry, carryForward, isCarried, setPlanCheck } from './state';
import { PLAN_OUTCOMES, type ReportDraft } from './types';

export function PlanCheckSection(props: {
  draft: ReportDraft;
  update: (fn: (d: ReportDraft) => ReportDraft) => void;
  errors: Record<string, string[]>;
  newKey: () => string;
  t: Translate;
}) {
  const { draft, update, errors, t } = props;
  if (draft.planChecks.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t('rf.plannedEmpty')}</p>;
  return (
    <ol className="flex flex-col gap-3" data-testid="rf-planned">
      {draft.planChecks.map((c, i) => {
        const outcomeErr = errors[reportErrorKey.plan(c.itemId, 'outcome')];
        const reasonErr = errors[reportErrorKey.plan(c.itemId, 'reason')];
        const reasonId = `rf-plan-${i}-reason`;
        const carried = isCarried(draft, c.itemId);
        return (
          <li key={c.itemId} className="grid gap-2 rounded-md border border-slate-200 p-3 dark:border-slate-700" data-testid={`rf-plan-${i}`}>
            <fieldset aria-describedby={outcomeErr ? `rf-plan-${i}-outcome-error` : undefined} aria-invalid={Boolean(outcomeErr)}>
              <legend className="font-medium break-words">{i + 1}. <span data-content="user">{c.text}</span></legend>
              <div className="mt-1 flex flex-wrap gap-4 text-sm">
                {PLAN_OUTCOMES.map((o) => (
                  <label key={o} className="flex items-center gap-1">
                    <input type="radio" name={`rf-plan-${i}-outcome`} value={o} checked={c.outcome === o} onChange={() => update((d) => setPlanCheck(d, c.itemId, { outcome: o }))} />
                    {t(`rf.outcome.${o}`)}
                  </label>
                ))}
              </div>
              {outcomeErr ? <p id={`rf-plan-${i}-outcome-error`} role="alert" className="text-sm text-bad dark:text-red-400">{outcomeErr.join(' ')}</p> : null}
            </fieldset>
            {c.outcome === 'partly' || c.outcome === 'not_done' || c.reason || reasonErr ? (
              <div className="flex flex-col gap-1">
                <label htmlFor={reasonId} className="text-sm font-medium">{t('rf.reason')} <span className="text-xs font-normal text-slate-500">{t('rf.reasonHint')}</span></label>
                <input
                  id={reasonId}
                  value={c.reason}
                  onChange={(e) => update((d) => setPlanCheck(d, c.itemId, { reason: e.target.value }))}
                  aria-invalid={Boolean(reasonErr)}
                  aria-describedby={reasonErr ? `${reasonId}-error` : undefined}
                  className={inputClass}
                />
                {reasonErr ? <p id={`${reasonId}-error`} role="alert" className="text-sm text-bad dark:text-red-400">{reasonErr.join(' ')}</p> : null}
              </div>
            ) : null}
            {canCarry(c) ? (
              <div>
                {carried ? (
                  <span className="text-sm text-green-800 dark:text-green-300" data-testid={`rf-plan-${i}-carried`}>✓ {t('rf.carried')}</span>
                ) : (
                  <button type="button" className={`${secondaryButtonClass} px-2 py-1 text-sm`} onClick={() => update((d) => carryForward(d, c.itemId, props.newKey()))}>
                    {t('rf.carry')}
                  </button>
                )}
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
