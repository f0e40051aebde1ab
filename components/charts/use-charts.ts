'use client';

// The dashboard's chart series come from their own request (/api/charts, /s/<token>/charts) rather than
// inside the page: they are most of the page's data, below the first screen, and would otherwise travel
// twice in the document (as HTML-less props in the inline RSC payload). The URL carries the data version,
// so one URL always means the same data, and the five charts of a page share one request.
import { useEffect, useState } from 'react';
import type { DashboardModel } from '@/lib/kpi/dashboard-model';

export type DashboardCharts = DashboardModel['charts'];

const requests = new Map<string, Promise<DashboardCharts>>();

function load(src: string): Promise<DashboardCharts> {
  let pending = requests.get(src);
  if (!pending) {
    pending = fetch(src, { credentials: 'same-origin' }).then((res) => {
      if (!res.ok) throw new Error(`charts: ${res.status}`);
      return res.json() as Promise<DashboardCharts>;
    });
    requests.set(src, pending);
    pending.catch(() => requests.delete(src));
    // A handful of recent views is plenty: older URLs name older data versions.
    while (requests.size > 8) requests.delete(requests.keys().next().value!);
  }
  return pending;
}

/** The chart series behind `src`; null until they arrive (or when the request failed). */
export function useCharts(src: string): DashboardCharts | null {
  const [loaded, setLoaded] = useState<{ src: string; charts: DashboardCharts } | null>(null);
  useEffect(() => {
    let live = true;
    load(src).then(
      (charts) => live && setLoaded({ src, charts }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [src]);
  return loaded?.src === src ? loaded.charts : null;
}
