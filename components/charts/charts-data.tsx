'use client';

// The dashboard's chart series travel inside the page, once, as the JSON text the server keeps per data
// version (db/queries/dashboard-load.ts): one string prop is the cheapest thing the RSC payload can carry
// (no object walk on the server), and the five charts of a page read it from here. A separate request for
// them cost a whole trip through the server (~8 ms of CPU, more than the series themselves: docs/BENCHMARKS.md).
import { createContext, useContext, useMemo } from 'react';
import type { DashboardModel } from '@/lib/kpi/dashboard-model';

export type DashboardCharts = DashboardModel['charts'];

const ChartsContext = createContext<DashboardCharts | null>(null);

// The server renders the same series for many readers: the last text parsed is kept (read-only).
let last: { json: string; charts: DashboardCharts } | null = null;

function parse(json: string): DashboardCharts {
  if (last?.json !== json) last = { json, charts: JSON.parse(json) as DashboardCharts };
  return last.charts;
}

export function ChartsData({ json, children }: { json: string; children: React.ReactNode }) {
  const charts = useMemo(() => parse(json), [json]);
  return <ChartsContext.Provider value={charts}>{children}</ChartsContext.Provider>;
}

/** The page's chart series (null outside ChartsData). */
export function useCharts(): DashboardCharts | null {
  return useContext(ChartsContext);
}
