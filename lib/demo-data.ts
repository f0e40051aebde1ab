// Deterministic demo data: the same seed and weeks give the same numbers on every machine.
// Shaped like a real payment centre's year: rates near target with occasional dips, sparse incidents
// (graded, estimated and ungraded), a health score drifting up, progress climbing with plateaus.
import { addWeeks, listWeeks, weekDay, type WeekStart } from './weeks';
import type { DefaultMetricKey, Grade, GradeStatus } from './constants';

export interface DemoValue {
  key: DefaultMetricKey;
  value: number;
  done?: number;
  total?: number;
}

export interface DemoIncident {
  startedAt: string;
  durationMinutes: number;
  title: string;
  grade: Grade | null;
  gradeStatus: GradeStatus | null;
  cause: string;
  handling: string;
}

export interface DemoWeek {
  weekStart: WeekStart;
  values: DemoValue[];
  incidents: DemoIncident[];
  notes: string;
}

export interface DemoTargetChange {
  key: DefaultMetricKey;
  effectiveFrom: WeekStart;
  target: number;
  warning: number | null;
}

export interface DemoData {
  weeks: DemoWeek[];
  targetChanges: DemoTargetChange[];
}

/** mulberry32: tiny, fast, and good enough for demo noise. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

const EVENTS: ReadonlyArray<[title: string, cause: string, handling: string]> = [
  ['清结算批量任务延迟', '批量任务所在节点磁盘IO打满，任务排队', '迁移任务到备用节点后恢复；增加磁盘IO监控'],
  ['网关节点证书即将过期，部分请求握手失败', '证书自动续期任务失败未告警', '手工续期并补充续期失败告警'],
  ['对账文件下载超时，对账延迟', '银行侧文件服务器限流', '与银行沟通调整拉取时间窗口'],
  ['支付路由配置发布后部分渠道交易失败', '灰度发布校验遗漏渠道开关配置', '回滚配置后恢复，补充发布前配置校验'],
  ['数据库主从延迟，查询结果滞后', '大事务导致从库回放阻塞', '拆分大事务，增加主从延迟告警'],
  ['出金渠道响应超时升高', '渠道侧网络抖动', '切换备用线路，与渠道复盘'],
];

function pickGrade(r: () => number): Grade | null {
  const x = r();
  if (x < 0.02) return 'A';
  if (x < 0.1) return 'B';
  if (x < 0.35) return 'C';
  if (x < 0.8) return 'D';
  return null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function generateDemoData(options: { weeks: number; endWeek: WeekStart; seed?: number }): DemoData {
  const r = createRandom(options.seed ?? 42);
  const count = Math.max(1, Math.floor(options.weeks));
  const first = addWeeks(options.endWeek, -(count - 1));
  const all = listWeeks(first, options.endWeek);
  const midpoint = all[Math.floor(all.length / 2)];

  let health = 430 + Math.floor(r() * 40);
  let hiveOverall = 20 + r() * 10;
  const migrationTotal = 164;
  let migrated = Math.floor(migrationTotal * 0.15);
  let classTotal = 179;
  let classified = 5;
  let downtimeYear = 0;
  let currentYear = '';

  const weeks: DemoWeek[] = all.map((weekStart, index) => {
    const year = weekStart.slice(0, 4);
    if (year !== currentYear) {
      currentYear = year;
      downtimeYear = 0;
    }
    const dip = r() < 0.06;
    const incidents: DemoIncident[] = [];
    const eventCount = r() < 0.22 ? (r() < 0.2 ? 2 : 1) : 0;
    for (let i = 0; i < eventCount; i++) {
      const grade = pickGrade(r);
      const recent = index >= all.length - 3;
      const [title, cause, handling] = EVENTS[Math.floor(r() * EVENTS.length)];
      const start = `${weekDay(weekStart, Math.floor(r() * 5))}T${pad(8 + Math.floor(r() * 13))}:${pad(Math.floor(r() * 60))}`;
      const durationMinutes = grade === 'A' || grade === 'B' ? 30 + Math.floor(r() * 60) : 3 + Math.floor(r() * 40);
      // Only the severe grades take the payment system down, and rarely for the whole event.
      downtimeYear += grade === 'A' || grade === 'B' ? durationMinutes * 0.4 : grade === 'C' ? durationMinutes * 0.05 : 0;
      incidents.push({
        startedAt: start,
        durationMinutes,
        title,
        grade,
        gradeStatus: grade ? (recent || r() < 0.25 ? 'estimated' : 'final') : null,
        cause,
        handling,
      });
    }
    const hit = dip || incidents.some((e) => e.grade === 'A' || e.grade === 'B');

    health = clamp(health + (r() < 0.15 ? -Math.floor(r() * 10) : Math.floor(r() * 9)), 300, 720);
    if (r() > 0.3) hiveOverall = Math.min(100, hiveOverall + r() * 3.2);
    if (r() > 0.35) migrated = Math.min(migrationTotal, migrated + Math.floor(r() * 6));
    if (r() < 0.05) classTotal += 1 + Math.floor(r() * 2);
    if (r() > 0.25) classified = Math.min(classTotal, classified + Math.floor(r() * 7));

    const minutesIntoYear = minutesSinceNewYear(weekStart);
    const availability = round(100 * (1 - downtimeYear / Math.max(minutesIntoYear, 7 * 24 * 60)), 4);

    const counts: Record<Grade, number> = { A: 0, B: 0, C: 0, D: 0 };
    for (const e of incidents) if (e.grade) counts[e.grade] += 1;

    const values: DemoValue[] = [
      { key: 'inbound_success_rate', value: round(hit ? 99.9 + r() * 0.08 : 99.99 + r() * 0.009, 3) },
      { key: 'outbound_success_rate', value: round(hit ? 99.85 + r() * 0.08 : 99.94 + r() * 0.05, 2) },
      { key: 'first_attempt_success_rate', value: round((hit ? 99.0 : 99.2) + r() * 0.25 + index * 0.0008, 2) },
      { key: 'availability', value: Math.min(availability, 100) },
      { key: 'incidents_a', value: counts.A },
      { key: 'incidents_b', value: counts.B },
      { key: 'incidents_c', value: counts.C },
      { key: 'incidents_d', value: counts.D },
      { key: 'health_score', value: health },
      { key: 'hive_overall_progress', value: round(hiveOverall, 1) },
      {
        key: 'hive_migration_progress',
        value: round((migrated / migrationTotal) * 100, 1),
        done: migrated,
        total: migrationTotal,
      },
      {
        key: 'data_classification_progress',
        value: round((classified / classTotal) * 100, 2),
        done: classified,
        total: classTotal,
      },
    ];
    const notes = incidents.length ? `本周生产稳定性事件${incidents.length}起，已复盘。` : '';
    return { weekStart, values, incidents, notes };
  });

  const targetChanges: DemoTargetChange[] =
    all.length > 1
      ? [
          { key: 'first_attempt_success_rate', effectiveFrom: midpoint, target: 99.3, warning: 99.1 },
          { key: 'health_score', effectiveFrom: midpoint, target: 650, warning: 550 },
        ]
      : [];
  return { weeks, targetChanges };
}

function minutesSinceNewYear(weekStart: WeekStart): number {
  const [y, m, d] = weekStart.split('-').map(Number);
  const start = Date.UTC(y, 0, 1);
  const end = Date.UTC(y, m - 1, d) + 7 * 24 * 3600 * 1000;
  return Math.min((end - start) / 60000, 366 * 24 * 60);
}
