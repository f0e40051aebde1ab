// An initiative's status across the board's weeks: one cell per week, drawn on the server as SVG.
import type { Translate } from '@/lib/i18n/messages';
import type { InitiativeStatus } from '@/lib/report/view';
import { STATUS_FILL } from './status-badge';

export function StatusStrip({ statuses, weeks, label, t }: { statuses: Array<InitiativeStatus | null>; weeks: string[]; label: string; t: Translate }) {
  const cell = 10;
  const gap = 2;
  const width = statuses.length * (cell + gap) - gap;
  return (
    <svg width={width} height={cell} viewBox={`0 0 ${width} ${cell}`} role="img" aria-label={label} data-testid="status-strip">
      {statuses.map((s, i) => (
        <rect key={weeks[i] ?? i} x={i * (cell + gap)} y={0} width={cell} height={cell} rx={2} className={s ? STATUS_FILL[s] : 'fill-slate-100 dark:fill-slate-800'} data-status={s ?? 'none'}>
          <title>{`${weeks[i] ?? ''} ${s ? t(`reading.initiative.${s}`) : t('board.noUpdate')}`}</title>
        </rect>
      ))}
    </svg>
  );
}
