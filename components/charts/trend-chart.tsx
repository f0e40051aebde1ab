'use client';

import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LineChartModel } from '@/lib/kpi/chart-data';
import { SERIES_COLORS } from './palette';

export interface TrendChartLabels {
  target: string;
  warningBand: string;
  incident: string;
}

function formatValue(value: unknown, decimals: number, unit: string): string {
  if (typeof value !== 'number') return '—';
  return `${value.toFixed(decimals)}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;
}

/** Lines for one or more metrics, each with its target as a step line and its warning band. */
export function TrendChart({ model, labels, height = 260 }: { model: LineChartModel; labels: TrendChartLabels; height?: number }) {
  const decimals = model.metrics[0]?.decimals ?? 2;
  const unit = model.metrics[0]?.unit ?? '';
  return (
    <div style={{ width: '100%', height }} className="text-xs">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={model.rows} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
          <XAxis dataKey="week" tick={{ fill: 'currentColor' }} minTickGap={24} />
          <YAxis domain={model.domain ?? ['auto', 'auto']} tick={{ fill: 'currentColor' }} tickFormatter={(v: number) => v.toFixed(decimals)} width={decimals > 1 ? 64 : 48} allowDataOverflow />
          <Tooltip
            formatter={(value, name) => {
              const key = String(name);
              const metric = model.metrics.find((m) => key === m.label || key.startsWith(m.label));
              return [formatValue(value, metric?.decimals ?? decimals, metric?.unit ?? unit), key];
            }}
            contentStyle={{ background: 'var(--tooltip-bg, #fff)', color: '#0f172a', borderRadius: 6 }}
          />
          <Legend />
          {model.markers.map((week) => (
            <ReferenceLine key={week} x={week} stroke="#dc2626" strokeOpacity={0.45} strokeDasharray="2 3" ifOverflow="extendDomain" />
          ))}
          {model.metrics.map((m, i) => (
            <Area key={`${m.key}-band`} dataKey={`${m.key}__band`} name={`${m.label} · ${labels.warningBand}`} type="stepAfter" stroke="none" fill={SERIES_COLORS[i % SERIES_COLORS.length]} fillOpacity={0.08} isAnimationActive={false} legendType="none" tooltipType="none" connectNulls />
          ))}
          {model.metrics.map((m, i) => (
            <Line key={`${m.key}-target`} dataKey={`${m.key}__target`} name={`${m.label} · ${labels.target}`} type="stepAfter" stroke={SERIES_COLORS[i % SERIES_COLORS.length]} strokeDasharray="6 4" strokeOpacity={0.7} dot={false} isAnimationActive={false} legendType="plainline" />
          ))}
          {model.metrics.map((m, i) => (
            <Line key={m.key} dataKey={m.key} name={m.label} type="monotone" stroke={SERIES_COLORS[i % SERIES_COLORS.length]} strokeWidth={2} dot={model.rows.length <= 60 ? { r: 2 } : false} connectNulls={false} isAnimationActive={false} />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
