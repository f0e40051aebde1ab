'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartRow } from '@/lib/kpi/chart-data';
import { GRADE_COLORS } from './palette';

/** Incidents per week stacked by grade A–D; ungraded events in their own bar beside the stack. The legend is legend.tsx's. */
export function IncidentChart({ rows, labels, height = 240, fontSize = 12 }: { rows: ChartRow[]; labels: Record<'A' | 'B' | 'C' | 'D' | 'ungraded', string>; height?: number | string; fontSize?: number }) {
  const tick = { fill: 'currentColor', fontSize };
  return (
    <div style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
          <XAxis dataKey="week" tick={tick} height={fontSize * 2.2} minTickGap={24} />
          <YAxis allowDecimals={false} domain={[0, 'auto']} tick={tick} width={fontSize * 3} />
          <Tooltip contentStyle={{ background: '#fff', color: '#0f172a', borderRadius: 6, fontSize }} />
          {(['A', 'B', 'C', 'D'] as const).map((g) => (
            <Bar key={g} dataKey={g} name={labels[g]} stackId="graded" fill={GRADE_COLORS[g]} isAnimationActive={false} />
          ))}
          <Bar dataKey="ungraded" name={labels.ungraded} fill={GRADE_COLORS.ungraded} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
