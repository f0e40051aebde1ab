// The stated incident counts checked against the incident log.
import { GRADES, INCIDENT_COUNT_KEYS, type Grade } from '../constants';
import type { IncidentLog } from './incidents';
import type { StatedIncidentCounts } from './metrics';
import type { MetricValues, ReportWarning } from './types';
import { key } from '@/lib/i18n/key';

/**
 * Turns the stated counts into per-grade values. A bucket ("AB级N次") is split by the graded events
 * in the log (ungraded events count toward no grade); what the log cannot account for stays absent.
 */
export function reconcileCounts(
  stated: StatedIncidentCounts,
  log: IncidentLog,
): { values: MetricValues; warnings: ReportWarning[] } {
  const values: MetricValues = {};
  const warnings: ReportWarning[] = [];
  const graded: Record<Grade, number> = { A: 0, B: 0, C: 0, D: 0 };
  for (const e of log.incidents) if (e.grade) graded[e.grade]++;

  for (const g of GRADES) {
    const n = stated.grades[g];
    if (n === undefined) continue;
    values[INCIDENT_COUNT_KEYS[g]] = n;
    if (log.present && graded[g] !== n) {
      warnings.push({
        code: 'incident_count_mismatch',
        message: key('warn.gradeCount', { grade: g, count: n, inLog: graded[g] }),
      });
    }
  }

  const bucket = (pair: readonly [Grade, Grade], n: number | undefined) => {
    const open = pair.filter((g) => stated.grades[g] === undefined);
    if (n === undefined || open.length === 0) return;
    const name = pair.join('');
    // Explicit per-grade counts inside the bucket ("AB级1次，A级0次") take their share first.
    const left = n - pair.reduce((sum, g) => sum + (stated.grades[g] ?? 0), 0);
    if (left < 0) {
      warnings.push({ code: 'incident_count_mismatch', message: key('warn.bucketBelowGrades', { bucket: name, count: n }) });
      return;
    }
    const inLog = open.reduce((sum, g) => sum + graded[g], 0);
    let split: Partial<Record<Grade, number>> | null = null;
    if (open.length === 1) split = { [open[0]]: left };
    else if (left === 0) split = { [open[0]]: 0, [open[1]]: 0 };
    else if (log.present && inLog === left) split = { [open[0]]: graded[open[0]], [open[1]]: graded[open[1]] };

    if (split) {
      for (const g of open) values[INCIDENT_COUNT_KEYS[g]] = split[g];
      if (log.present && inLog !== left) {
        warnings.push({
          code: 'incident_count_mismatch',
          message: key('warn.bucketLog', { bucket: name, count: n, inLog, grades: open.join('/') }),
        });
      }
    } else if (log.present && inLog > left) {
      warnings.push({
        code: 'incident_count_mismatch',
        message: key('warn.bucketSplitByHand', { bucket: name, count: n, inLog }),
      });
    } else {
      warnings.push({
        code: 'ungraded_bucket',
        message: key('warn.bucketCannotSplit', { bucket: name, count: n, grades: pair.join('/'), inLog }),
      });
    }
  };
  bucket(['A', 'B'], stated.ab);
  bucket(['C', 'D'], stated.cd);
  return { values, warnings };
}
