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

/** Progress over the board's weeks on a fixed 0–100 scale, so a rise from 35% to 55% reads as one. */
export function ProgressSpark({ values, label, width = 104, height = 24 }: { values: Array<number | null>; label: string; width?: number; height?: number }) {
  const step = width / Math.max(1, values.length);
  const x = (i: number) => i * step + step / 2;
  const y = (v: number) => height - 2 - (Math.max(0, Math.min(100, v)) / 100) * (height - 4);
  const points = values.map((v, i) => (v === null ? null : ([x(i), y(v)] as const)));
  const path = points.reduce((d, p, i) => (p ? `${d}${d && points[i - 1] ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}` : d), '');
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="text-sky-700 dark:text-sky-400">
      <line x1={0} x2={width} y1={y(100)} y2={y(100)} stroke="currentColor" strokeOpacity={0.25} strokeDasharray="2 3" />
      <line x1={0} x2={width} y1={y(0)} y2={y(0)} stroke="currentColor" strokeOpacity={0.25} />
      {path ? <path d={path} fill="none" stroke="currentColor" strokeWidth={1.5} /> : null}
      {points.map((p, i) => (p ? <circle key={i} cx={p[0]} cy={p[1]} r={1.8} fill="currentColor" /> : null))}
    </svg>
  );
}
