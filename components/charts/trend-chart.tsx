'use client';

import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type DotItemDotProps } from 'recharts';
import type { Language } from '@/lib/constants';
import type { LineChartModel } from '@/lib/kpi/chart-data';
import { axisTick, chartValue } from '@/lib/kpi/chart-format';
import { BAND_COLOR, INCIDENT_COLOR, RESTATED_COLOR, seriesColor } from './palette';

/**
 * A line's points: the small dot (short ranges only) and, on a figure restated since the week was first
 * published, a ring around it whatever the range (the legend names it, the tooltip says so).
 */
function pointDot(key: string, color: string, small: boolean) {
  function PointDot({ cx, cy, payload, index }: DotItemDotProps) {
    if (typeof cx !== 'number' || typeof cy !== 'number' || payload?.[key] == null) return null;
    if (payload[`${key}__restated`]) {
      // One circle per point, like the plain dots: the line's colour inside a thick ring.
      return <circle key={`restated-${index}`} className="restated-marker" data-week={payload.week} cx={cx} cy={cy} r={5} fill={color} stroke={RESTATED_COLOR} strokeWidth={3} />;
    }
    return small ? <circle key={`dot-${index}`} cx={cx} cy={cy} r={2} fill="#fff" stroke={color} strokeWidth={2} /> : null;
  }
  return PointDot;
}

/**
 * Lines for one or more metrics, each with its target as a dashed step line over the pale warning band;
 * weeks with a graded incident are red dotted verticals. The legend is drawn beside it (legend.tsx), once
 * per card, so small multiples share it. `colorOffset` keeps a metric's colour the one the legend shows.
 */
export function TrendChart({ model, lang, targetLabel, restatedLabel, height = 260, colorOffset = 0, showXAxis = true, syncId, fontSize = 12 }: { model: LineChartModel; lang: Language; /** "target" in the page's language, for the tooltip. */ targetLabel: string; /** "restated" in the page's language: the tooltip's word beside a restated figure. */ restatedLabel?: string; height?: number | string; colorOffset?: number; showXAxis?: boolean; syncId?: string; fontSize?: number }) {
  const first = model.metrics[0];
  const tick = { fill: 'currentColor', fontSize };
  const yWidth = Math.round(fontSize * (first && first.decimals > 1 ? 6.2 : 5));
  return (
    <div style={{ width: '100%', height }} data-domain={model.domain ? model.domain.join(',') : ''} data-metrics={model.metrics.map((m) => m.key).join(',')} data-restated={model.restated.join(',')}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={model.rows} margin={{ top: 6, right: 12, bottom: 0, left: 4 }} syncId={syncId}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
          <XAxis dataKey="week" tick={showXAxis ? tick : false} height={showXAxis ? fontSize * 2.2 : 4} minTickGap={24} />
          <YAxis domain={model.domain ?? ['auto', 'auto']} tick={tick} tickCount={4} ticks={first?.kind === 'progress' ? [0, 25, 50, 75, 100] : undefined} tickFormatter={(v: number) => (first ? axisTick(v, first, lang) : String(v))} width={yWidth} allowDataOverflow />
          <Tooltip
            formatter={(value, name, item) => {
              const key = String(name);
              const metric = model.metrics.find((m) => key === m.label || key.startsWith(`${m.label} ·`)) ?? first;
              const shown = metric ? chartValue(value, metric, lang) : String(value);
              const restated = restatedLabel && metric && key === metric.label && (item?.payload as Record<string, unknown> | undefined)?.[`${metric.key}__restated`];
              return [restated ? `${shown} · ${restatedLabel}` : shown, key];
            }}
            contentStyle={{ background: '#fff', color: '#0f172a', borderRadius: 6, fontSize }}
          />
          {model.markers.map((week) => (
            <ReferenceLine key={week} x={week} stroke={INCIDENT_COLOR} strokeWidth={1.5} strokeDasharray="2 3" ifOverflow="extendDomain" className="incident-marker" />
          ))}
          {model.metrics.map((m) => (
            <Area key={`${m.key}-band`} dataKey={`${m.key}__band`} type="stepAfter" stroke="none" fill={BAND_COLOR} fillOpacity={1} isAnimationActive={false} legendType="none" tooltipType="none" connectNulls className="warning-band" />
          ))}
          {model.metrics.map((m, i) => (
            <Line key={`${m.key}-target`} dataKey={`${m.key}__target`} name={`${m.label} · ${targetLabel}`} type="stepAfter" stroke={seriesColor(i + colorOffset)} strokeDasharray="6 4" strokeWidth={1.5} dot={false} isAnimationActive={false} className="target-line" />
          ))}
          {model.metrics.map((m, i) => (
            <Line key={m.key} dataKey={m.key} name={m.label} type="monotone" stroke={seriesColor(i + colorOffset)} strokeWidth={2} dot={model.restated?.length ? pointDot(m.key, seriesColor(i + colorOffset), model.rows.length <= 60) : model.rows.length <= 60 ? { r: 2 } : false} connectNulls={false} isAnimationActive={false} />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
