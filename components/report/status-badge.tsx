import type { Translate } from '@/lib/i18n/messages';
import type { FindingStatus, InitiativeStatus } from '@/lib/report/view';

const INITIATIVE_TONE: Record<InitiativeStatus, string> = {
  not_started: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
  on_track: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
  at_risk: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  off_track: 'bg-rose-100 text-rose-900 dark:bg-rose-900 dark:text-rose-100',
  done: 'bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100',
  paused: 'bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300',
};

/** The strip colours of the board: one per status, readable in print too. */
export const STATUS_FILL: Record<InitiativeStatus, string> = {
  not_started: 'fill-slate-300',
  on_track: 'fill-emerald-500',
  at_risk: 'fill-amber-400',
  off_track: 'fill-rose-500',
  done: 'fill-sky-500',
  paused: 'fill-slate-400',
};

const FINDING_TONE: Record<FindingStatus, string> = {
  open: 'bg-rose-100 text-rose-900 dark:bg-rose-900 dark:text-rose-100',
  in_progress: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  resolved: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
  accepted_risk: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
};

const BADGE = 'inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium print:border print:border-slate-400 print:bg-white print:text-slate-900';

export function InitiativeBadge({ status, t }: { status: InitiativeStatus; t: Translate }) {
  return <span className={`${BADGE} ${INITIATIVE_TONE[status]}`} data-status={status}>{t(`reading.initiative.${status}`)}</span>;
}

export function FindingBadge({ status, t }: { status: FindingStatus; t: Translate }) {
  return <span className={`${BADGE} ${FINDING_TONE[status]}`} data-status={status}>{t(`reading.finding.${status}`)}</span>;
}

export function ProgressBar({ value, label }: { value: number; label: string }) {
  const pct = Math.max(0, Math.min(100, value));
  return (
    <span className="inline-flex items-center gap-2 text-xs tabular-nums">
      <span role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} aria-label={label} className="inline-block h-2 w-24 overflow-hidden rounded bg-slate-200 dark:bg-slate-700 print:border print:border-slate-400">
        <span className="block h-full bg-sky-600 print:bg-slate-700" style={{ width: `${pct}%` }} />
      </span>
      {label}
    </span>
  );
}
