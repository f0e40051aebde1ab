// A metric value against the target in force: met, warning, missed, or none (no value / no target).
import type { Direction } from '../constants';

export type MetricStatus = 'met' | 'warning' | 'missed' | 'none';

export type TargetLevels = { target: number; warning?: number | null };

/** Comparisons allow this much (scaled by the target's size) so 99.99000000001 still meets 99.99. */
export const STATUS_EPSILON = 1e-9;

function atLeast(value: number, bound: number): boolean {
  return value >= bound - STATUS_EPSILON * Math.max(1, Math.abs(bound));
}

function atMost(value: number, bound: number): boolean {
  return value <= bound + STATUS_EPSILON * Math.max(1, Math.abs(bound));
}

/**
 * higher is better: value >= target → met; else value >= warning (when set) → warning; else missed.
 * lower is better: mirrored (value <= target → met; <= warning → warning). Exactly on target is met.
 */
export function metricStatus(
  value: number | null | undefined,
  direction: Direction,
  target: TargetLevels | null | undefined,
): MetricStatus {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'none';
  if (!target || !Number.isFinite(target.target)) return 'none';
  const ok = direction === 'higher' ? atLeast : atMost;
  if (ok(value, target.target)) return 'met';
  const warning = target.warning;
  if (warning !== null && warning !== undefined && Number.isFinite(warning) && ok(value, warning)) return 'warning';
  return 'missed';
}
