'use client';

// recharts is the largest piece of client code (≈130 kB gzip): the dashboard's first load ships the
// server-rendered tiles and sparklines, and the chart code follows right after.
import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import type { IncidentChart as IncidentChartType } from './incident-chart';
import type { TrendChart as TrendChartType } from './trend-chart';

const ChartSkeleton = () => <div className="h-full w-full animate-pulse rounded bg-slate-100 dark:bg-slate-800" aria-hidden />;

const TrendChartLazy = dynamic(() => import('./trend-chart').then((m) => m.TrendChart), { ssr: false, loading: ChartSkeleton });
const IncidentChartLazy = dynamic(() => import('./incident-chart').then((m) => m.IncidentChart), { ssr: false, loading: ChartSkeleton });

export function TrendChart(props: ComponentProps<typeof TrendChartType>) {
  return (
    <div style={{ height: props.height ?? 260 }}>
      <TrendChartLazy {...props} />
    </div>
  );
}

export function IncidentChart(props: ComponentProps<typeof IncidentChartType>) {
  return (
    <div style={{ height: props.height ?? 240 }}>
      <IncidentChartLazy {...props} />
    </div>
  );
}
