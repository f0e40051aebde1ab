// Every table. Instants are integers (ms since epoch, UTC); weeks are their Monday `yyyy-MM-dd`.
// Enum tuples come from lib/constants so the database, validation and UI share one list.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { CHANNEL_KINDS, DIRECTIONS, GRADES, GRADE_STATUSES, METRIC_KINDS, OUTBOX_KINDS, OUTBOX_STATUSES, ROLES, WEEK_STATUSES } from '@/lib/constants';
import { FINDING_STATUSES, INITIATIVE_STATUSES, PLAN_OUTCOMES, WEEK_ITEM_SECTIONS } from '@/lib/report/model';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
const updatedAt = () =>
  integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

// ---- Accounts: the tables better-auth's Drizzle adapter manages (model names are its defaults). ----

export const user = sqliteTable('user', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: integer('email_verified', { mode: 'boolean' }).notNull().default(false),
  image: text('image'),
  role: text('role', { enum: ROLES }).notNull().default('viewer'),
  // A disabled user cannot log in and has no sessions; the row stays for the audit trail.
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const session = sqliteTable(
  'session',
  {
    id: text('id').primaryKey(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    token: text('token').notNull().unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

export const account = sqliteTable(
  'account',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: integer('access_token_expires_at', { mode: 'timestamp_ms' }),
    refreshTokenExpiresAt: integer('refresh_token_expires_at', { mode: 'timestamp_ms' }),
    scope: text('scope'),
    password: text('password'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('account_user_idx').on(t.userId)],
);

export const verification = sqliteTable('verification', {
  id: text('id').primaryKey(),
  identifier: text('identifier').notNull(),
  value: text('value').notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * Login attempt counters (db/queries/login-throttle.ts), kept in the database so a restart does not reset
 * them. One row per counter key: an account on one client, an account anywhere, one client, and the clients
 * an account has logged in from. Rows past `resetsAt` are deleted on the next attempt.
 */
export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    key: text('key').primaryKey(),
    count: integer('count').notNull(),
    resetsAt: integer('resets_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('login_attempts_resets_idx').on(t.resetsAt)],
);

// ---- The KPI model. ----

export const metrics = sqliteTable('metrics', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  key: text('key').notNull().unique(),
  labelZh: text('label_zh').notNull(),
  labelEn: text('label_en').notNull(),
  unit: text('unit').notNull().default(''),
  decimals: integer('decimals').notNull(),
  truncate: integer('truncate', { mode: 'boolean' }).notNull().default(false),
  direction: text('direction', { enum: DIRECTIONS }).notNull(),
  kind: text('kind', { enum: METRIC_KINDS }).notNull(),
  required: integer('required', { mode: 'boolean' }).notNull().default(true),
  sortOrder: integer('sort_order').notNull(),
  archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A target applies from `effectiveFrom` until the next row's week; earlier weeks keep theirs. */
export const targets = sqliteTable(
  'targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    metricId: integer('metric_id')
      .notNull()
      .references(() => metrics.id),
    effectiveFrom: text('effective_from').notNull(),
    target: real('target').notNull(),
    warning: real('warning'),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('targets_metric_week_uq').on(t.metricId, t.effectiveFrom)],
);

export const weeks = sqliteTable('weeks', {
  weekStart: text('week_start').primaryKey(),
  status: text('status', { enum: WEEK_STATUSES }).notNull().default('draft'),
  /** Shown wherever the week is shown, share links included. */
  notes: text('notes').notNull().default(''),
  /** Never leaves the signed-in app (share links omit it). */
  internalNotes: text('internal_notes').notNull().default(''),
  /** 收获与反思 (issue 13): '' when the week has none. */
  reflection: text('reflection').notNull().default(''),
  /** Bumped by every save of the week: the optimistic-concurrency check compares it. */
  version: integer('version').notNull().default(1),
  publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
  updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const metricValues = sqliteTable(
  'metric_values',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    weekStart: text('week_start')
      .notNull()
      .references(() => weeks.weekStart, { onDelete: 'cascade' }),
    metricId: integer('metric_id')
      .notNull()
      .references(() => metrics.id),
    value: real('value').notNull(),
    done: integer('done'),
    total: integer('total'),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('metric_values_week_metric_uq').on(t.weekStart, t.metricId),
    index('metric_values_metric_week_idx').on(t.metricId, t.weekStart),
  ],
);

export const incidents = sqliteTable(
  'incidents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    weekStart: text('week_start')
      .notNull()
      .references(() => weeks.weekStart, { onDelete: 'cascade' }),
    // Wall-clock times as the team writes them (`yyyy-MM-ddTHH:mm`, the centre's local time):
    // reports carry no zone, and converting would make the log disagree with the report.
    startedAt: text('started_at').notNull(),
    endedAt: text('ended_at'),
    durationMinutes: integer('duration_minutes'),
    title: text('title').notNull(),
    grade: text('grade', { enum: GRADES }),
    gradeStatus: text('grade_status', { enum: GRADE_STATUSES }),
    cause: text('cause').notNull().default(''),
    handling: text('handling').notNull().default(''),
    followUps: text('follow_ups').notNull().default(''),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('incidents_week_idx').on(t.weekStart)],
);

// ---- The whole report (issue 13): objectives, initiatives, findings and the week's sections. ----
// Weekly rows (updates, notes, items, plan checks) are written only by saveWeek, audited and merged like
// values; objectives, initiatives and findings themselves by db/queries/report-admin.ts, audited too.

/** A half-year objective ("O1 服务业务"); one code per period. */
export const objectives = sqliteTable(
  'objectives',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull().default(''),
    /** `2024H1` */
    period: text('period').notNull(),
    sort: integer('sort').notNull().default(0),
    archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('objectives_period_code_uq').on(t.period, t.code)],
);

/** Persists across weeks; `parentId` is an optional group initiative ("A. 支付账户2.0升级"). */
export const initiatives = sqliteTable(
  'initiatives',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    objectiveId: integer('objective_id')
      .notNull()
      .references(() => objectives.id),
    parentId: integer('parent_id'),
    title: text('title').notNull(),
    owner: text('owner').notNull().default(''),
    sort: integer('sort').notNull().default(0),
    archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('initiatives_objective_idx').on(t.objectiveId)],
);

export const initiativeUpdates = sqliteTable(
  'initiative_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    initiativeId: integer('initiative_id')
      .notNull()
      .references(() => initiatives.id),
    weekStart: text('week_start')
      .notNull()
      .references(() => weeks.weekStart, { onDelete: 'cascade' }),
    status: text('status', { enum: INITIATIVE_STATUSES }).notNull(),
    progress: real('progress'),
    text: text('text').notNull().default(''),
    internal: integer('internal', { mode: 'boolean' }).notNull().default(false),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('initiative_updates_initiative_week_uq').on(t.initiativeId, t.weekStart), index('initiative_updates_week_idx').on(t.weekStart)],
);

/** An audit or inspection finding; open across weeks until resolved. `status` follows its newest note. */
export const findings = sqliteTable('findings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  source: text('source').notNull().default(''),
  owner: text('owner').notNull().default(''),
  status: text('status', { enum: FINDING_STATUSES }).notNull().default('open'),
  dueDate: text('due_date'),
  openedWeek: text('opened_week').notNull(),
  resolvedWeek: text('resolved_week'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const findingNotes = sqliteTable(
  'finding_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    findingId: integer('finding_id')
      .notNull()
      .references(() => findings.id),
    weekStart: text('week_start')
      .notNull()
      .references(() => weeks.weekStart, { onDelete: 'cascade' }),
    status: text('status', { enum: FINDING_STATUSES }).notNull(),
    text: text('text').notNull().default(''),
    internal: integer('internal', { mode: 'boolean' }).notNull().default(false),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('finding_notes_finding_week_uq').on(t.findingId, t.weekStart), index('finding_notes_week_idx').on(t.weekStart)],
);

/** The week's focus, other and next-week items, in `position` order within a section. */
export const weekItems = sqliteTable(
  'week_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    weekStart: text('week_start')
      .notNull()
      .references(() => weeks.weekStart, { onDelete: 'cascade' }),
    section: text('section', { enum: WEEK_ITEM_SECTIONS }).notNull(),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    internal: integer('internal', { mode: 'boolean' }).notNull().default(false),
    /** A previous week's next_week item carried forward (unfinished). */
    carriedFrom: integer('carried_from'),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
  },
  (t) => [index('week_items_week_idx').on(t.weekStart, t.section, t.position)],
);

/** This week checking off one of the previous week's next_week items. */
export const planChecks = sqliteTable(
  'plan_checks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    weekStart: text('week_start')
      .notNull()
      .references(() => weeks.weekStart, { onDelete: 'cascade' }),
    itemId: integer('item_id').notNull(),
    outcome: text('outcome', { enum: PLAN_OUTCOMES }).notNull(),
    reason: text('reason').notNull().default(''),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('plan_checks_week_item_uq').on(t.weekStart, t.itemId)],
);

/** Append-only (triggers refuse UPDATE and DELETE): who changed what, when and why. */
export const revisions = sqliteTable(
  'revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entity: text('entity', {
      enum: ['value', 'target', 'metric', 'incident', 'week', 'user', 'share', 'api_key', 'channel', 'objective', 'initiative', 'initiative_update', 'finding', 'finding_note', 'week_item', 'plan_check'],
    }).notNull(),
    entityId: text('entity_id').notNull(),
    weekStart: text('week_start'),
    /** The week's version this change produced: a conflicting editor is shown every change after theirs. */
    weekVersion: integer('week_version'),
    metricKey: text('metric_key'),
    action: text('action', { enum: ['create', 'update', 'delete', 'publish', 'unpublish'] }).notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    reason: text('reason'),
    userId: text('user_id'),
    userEmail: text('user_email'),
    createdAt: createdAt(),
  },
  (t) => [index('revisions_week_idx').on(t.weekStart), index('revisions_entity_idx').on(t.entity, t.entityId)],
);

// ---- As reported, and restated (issue 14). ----

/**
 * Write-once (triggers refuse UPDATE and DELETE): what a week said when it was published. v1 is the first
 * publication; publishing a restated week again freezes v2, v3…. The payload keeps raw inputs (value,
 * done/total), the targets and warning levels in force and the statuses they gave, the incidents with their
 * grades, the notes and the report's sections (lib/kpi/snapshot.ts: SnapshotPayload).
 */
export const weekSnapshots = sqliteTable(
  'week_snapshots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    weekStart: text('week_start').notNull(),
    version: integer('version').notNull(),
    /** The week's row version the snapshot froze: revisions with a higher week_version depart from it. */
    weekVersion: integer('week_version').notNull(),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }).notNull(),
    publishedBy: text('published_by'),
    publishedByName: text('published_by_name'),
    payload: text('payload', { mode: 'json' }).notNull(),
  },
  (t) => [uniqueIndex('week_snapshots_week_version_uq').on(t.weekStart, t.version)],
);

// ---- Digests to the group chat (issue 17). ----

/** A group-chat robot that receives the week's digest. The URL's key and the secret are never shown back. */
export const channels = sqliteTable('channels', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: CHANNEL_KINDS }).notNull(),
  label: text('label').notNull(),
  url: text('url').notNull(),
  /** DingTalk/Feishu signing secret (needed in clear to sign); never displayed or logged. */
  secret: text('secret'),
  createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  /** Removed channels keep their row for the outbox history; nothing more is sent to them. */
  removedAt: integer('removed_at', { mode: 'timestamp_ms' }),
});

/**
 * One message to one channel. Rows are written by triggers (db/migrations/*_digest_outbox.sql) when a week
 * is published or restated, and by the reminder; workers claim them with a lease and mark them sent.
 * `seq` makes a row unique: 0 for the digest and the reminder, the week version for a restated note.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    weekStart: text('week_start').notNull(),
    channelId: integer('channel_id')
      .notNull()
      .references(() => channels.id),
    kind: text('kind', { enum: OUTBOX_KINDS }).notNull(),
    seq: integer('seq').notNull().default(0),
    /** The week's version when the row was enqueued. */
    weekVersion: integer('week_version'),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull().default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`),
    leaseOwner: text('lease_owner'),
    leaseUntil: integer('lease_until'),
    lastAttemptAt: integer('last_attempt_at'),
    lastError: text('last_error'),
    sentAt: integer('sent_at'),
    createdAt: integer('created_at').notNull().default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`),
  },
  (t) => [
    uniqueIndex('outbox_message_uq').on(t.weekStart, t.channelId, t.kind, t.seq),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_channel_attempt_idx').on(t.channelId, t.lastAttemptAt),
  ],
);

export const shareLinks = sqliteTable('share_links', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  label: text('label').notNull(),
  /** SHA-256 of the token, hex. The token itself is shown once and never stored. */
  tokenHash: text('token_hash').notNull().unique(),
  fromWeek: text('from_week'),
  toWeek: text('to_week'),
  createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
  revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
  views: integer('views').notNull().default(0),
  /** Set for the read-only link a channel's digest carries (one per channel and week). */
  channelId: integer('channel_id').references(() => channels.id),
  /** What the link shows by default: the figures as last published ('reported') or as they are now. */
  asOf: text('as_of', { enum: ['current', 'reported'] }).notNull().default('current'),
});

// ---- Ingestion API (/api/v1): keys, idempotent replays, per-key rate windows. ----

/** API keys. The key is shown once; the table keeps a lookup prefix and the SHA-256 of the whole key. */
export const apiKeys = sqliteTable('api_keys', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  label: text('label').notNull(),
  /** `wl_` and the first 8 characters of the random part: finds the row, shown in lists. */
  prefix: text('prefix').notNull(),
  /** SHA-256 of the whole key, hex. */
  keyHash: text('key_hash').notNull().unique(),
  /** Comma-separated, from API_SCOPES. */
  scopes: text('scopes').notNull(),
  createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
  revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  /** Written at most every few minutes (API_LAST_USED_EVERY_MS), not on every request. */
  lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
}, (t) => [index('api_keys_prefix_idx').on(t.prefix)]);

/** One row per (key, Idempotency-Key): the request's fingerprint and, once done, the answer to replay. */
export const apiIdempotency = sqliteTable(
  'api_idempotency',
  {
    keyId: integer('key_id').notNull().references(() => apiKeys.id, { onDelete: 'cascade' }),
    idempotencyKey: text('idempotency_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    /** Null while the first request still runs. */
    status: integer('status'),
    body: text('body'),
    etag: text('etag'),
    createdAt: createdAt(),
    /** A running row older than this is abandoned (its process died) and may be taken over. */
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.idempotencyKey] }), index('api_idempotency_created_idx').on(t.createdAt)],
);

/** Requests per key per fixed one-minute window. */
export const apiRate = sqliteTable(
  'api_rate',
  {
    keyId: integer('key_id').notNull().references(() => apiKeys.id, { onDelete: 'cascade' }),
    windowStart: integer('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.windowStart] })],
);

/**
 * Share-page attempts per client, minute and server process (db/queries/share-rate.ts), so that several
 * processes share one rate limit. Written in batches; rows live two minutes.
 */
export const shareRate = sqliteTable(
  'share_rate',
  {
    client: text('client').notNull(),
    windowStart: integer('window_start').notNull(),
    process: text('process').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.client, t.windowStart, t.process] })],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: updatedAt(),
});

export type UserRow = typeof user.$inferSelect;
export type MetricRow = typeof metrics.$inferSelect;
export type TargetRow = typeof targets.$inferSelect;
export type WeekRow = typeof weeks.$inferSelect;
export type MetricValueRow = typeof metricValues.$inferSelect;
export type IncidentRow = typeof incidents.$inferSelect;
export type RevisionRow = typeof revisions.$inferSelect;
export type ShareLinkRow = typeof shareLinks.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type ChannelRow = typeof channels.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
export type ObjectiveRow = typeof objectives.$inferSelect;
export type InitiativeRow = typeof initiatives.$inferSelect;
export type FindingRow = typeof findings.$inferSelect;
export type WeekItemRow = typeof weekItems.$inferSelect;
export type WeekSnapshotRow = typeof weekSnapshots.$inferSelect;
