// Targets change over time: a target row applies from its week onward, until a later row for the same metric.
import type { WeekStart } from '../weeks';

export type TargetRow = {
  metricKey: string;
  /** Monday of the first week the target applies to. */
  effectiveFrom: WeekStart;
  target: number;
  /** Between target and warning a value is "warning"; beyond warning it is "missed". */
  warning: number | null;
};

/** The target/warning drawn for one week of a chart; nulls before the first target row. */
export type TargetStep = {
  week: WeekStart;
  target: number | null;
  warning: number | null;
};

// WeekStart is a zero-padded `yyyy-MM-dd`, so string order is date order.
function rowsFor(rows: readonly TargetRow[], metricKey: string): TargetRow[] {
  // Stable sort: for two rows with the same effectiveFrom, the later one in the input wins.
  return rows
    .filter((r) => r.metricKey === metricKey)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
}

/** The row of `metricKey` with the latest effectiveFrom <= week; null when none applies yet. */
export function targetInForce(rows: readonly TargetRow[], metricKey: string, week: WeekStart): TargetRow | null {
  let found: TargetRow | null = null;
  for (const row of rowsFor(rows, metricKey)) {
    if (row.effectiveFrom <= week) found = row;
    else break;
  }
  return found;
}

/** Per week (in the given order) the target and warning in force, for a step line in a chart. */
export function targetSteps(rows: readonly TargetRow[], metricKey: string, weeks: readonly WeekStart[]): TargetStep[] {
  const sorted = rowsFor(rows, metricKey);
  return weeks.map((week) => {
    let found: TargetRow | null = null;
    for (const row of sorted) {
      if (row.effectiveFrom <= week) found = row;
      else break;
    }
    return { week, target: found?.target ?? null, warning: found?.warning ?? null };
  });
}
