// Enumerations and the default metric catalogue. db/schema.ts takes its enum tuples from here so
// the database, the validation schemas and the UI agree on one list.

export const ROLES = ['admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const METRIC_KINDS = ['rate', 'count', 'score', 'progress'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const WEEK_STATUSES = ['draft', 'published'] as const;
export type WeekStatus = (typeof WEEK_STATUSES)[number];

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_STATUSES = ['estimated', 'final'] as const;
export type GradeStatus = (typeof GRADE_STATUSES)[number];

// Digests to the group chat (issue 17).
export const CHANNEL_KINDS = ['wecom', 'dingtalk', 'feishu', 'webhook'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export const OUTBOX_KINDS = ['digest', 'restated', 'reminder'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'cancelled'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const METRIC_KEYS = [
  'inbound_success_rate',
  'outbound_success_rate',
  'first_attempt_success_rate',
  'availability',
  'incidents_a',
  'incidents_b',
  'incidents_c',
  'incidents_d',
  'health_score',
  'hive_overall_progress',
  'hive_migration_progress',
  'data_classification_progress',
] as const;
export type DefaultMetricKey = (typeof METRIC_KEYS)[number];

export const INCIDENT_COUNT_KEYS: Record<Grade, DefaultMetricKey> = {
  A: 'incidents_a',
  B: 'incidents_b',
  C: 'incidents_c',
  D: 'incidents_d',
};

export interface MetricDefinition {
  key: string;
  labelZh: string;
  labelEn: string;
  /** Shown after the value: '%', 'pts' or '' for plain counts. */
  unit: string;
  decimals: number;
  /** Truncate instead of rounding when shown (availability: 99.9995 must never read 100.000). */
  truncate: boolean;
  direction: Direction;
  kind: MetricKind;
  /** Whether publishing a week without this metric needs an explicit confirmation. */
  required: boolean;
  sortOrder: number;
}

export interface DefaultTarget {
  key: DefaultMetricKey;
  target: number;
  /** Between target and warning the status is "warning"; beyond it "missed". */
  warning: number | null;
}

const m = (
  key: DefaultMetricKey,
  labelZh: string,
  labelEn: string,
  unit: string,
  decimals: number,
  direction: Direction,
  kind: MetricKind,
  extra: Partial<MetricDefinition> = {},
): MetricDefinition => ({
  key,
  labelZh,
  labelEn,
  unit,
  decimals,
  truncate: false,
  direction,
  kind,
  required: true,
  sortOrder: (METRIC_KEYS.indexOf(key) + 1) * 10,
  ...extra,
});

export const DEFAULT_METRICS: readonly MetricDefinition[] = [
  m('inbound_success_rate', '入金有效成功率', 'Pay-in effective success rate', '%', 2, 'higher', 'rate'),
  m('outbound_success_rate', '出金有效成功率', 'Payout effective success rate', '%', 2, 'higher', 'rate'),
  m('first_attempt_success_rate', '一次支付成功率', 'First-attempt payment success rate', '%', 2, 'higher', 'rate'),
  m('availability', '支付系统年度可用性', 'Payment system availability (year to date)', '%', 3, 'higher', 'rate', {
    truncate: true,
  }),
  m('incidents_a', 'A级事故数', 'Grade A incidents', '', 0, 'lower', 'count'),
  m('incidents_b', 'B级事故数', 'Grade B incidents', '', 0, 'lower', 'count'),
  m('incidents_c', 'C级事故数', 'Grade C incidents', '', 0, 'lower', 'count'),
  m('incidents_d', 'D级事故数', 'Grade D incidents', '', 0, 'lower', 'count'),
  m('health_score', '健康分', 'System health score', 'pts', 0, 'higher', 'score'),
  m('hive_overall_progress', 'Hive数仓建设总进度', 'Hive warehouse build-out', '%', 1, 'higher', 'progress', {
    required: false,
  }),
  m('hive_migration_progress', 'Hive迁移进度', 'Hive report migration', '%', 1, 'higher', 'progress', {
    required: false,
  }),
  m('data_classification_progress', '数据分类分级打标完成率', 'Data classification tagging', '%', 2, 'higher', 'progress', {
    required: false,
  }),
];

export const DEFAULT_TARGETS: readonly DefaultTarget[] = [
  { key: 'inbound_success_rate', target: 99.99, warning: 99.95 },
  { key: 'outbound_success_rate', target: 99.95, warning: 99.9 },
  { key: 'first_attempt_success_rate', target: 99.2, warning: 99.0 },
  { key: 'availability', target: 99.99, warning: 99.95 },
  { key: 'incidents_a', target: 0, warning: null },
  { key: 'incidents_b', target: 0, warning: null },
  { key: 'health_score', target: 600, warning: 500 },
  { key: 'hive_overall_progress', target: 100, warning: null },
  { key: 'hive_migration_progress', target: 100, warning: null },
  { key: 'data_classification_progress', target: 100, warning: null },
];
