import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../setup';
import { revisions, session, user } from '../schema';
import { listMetrics } from './catalogue';
import { insertMetric, updateMetric } from './catalogue-admin';
import { listTargets, setTarget } from './targets';
import { insertUser, setUserDisabled, updateUserRole } from './users';
import { targetInForce } from '@/lib/kpi/targets';

const actor = { userId: 'admin-1', email: 'admin@example.com' };

describe('targets', () => {
  it('apply from their week on, earlier weeks keeping the old one, and are audited', () => {
    const db = openTestDatabase();
    db.insert(user).values({ id: actor.userId, email: actor.email, name: 'Admin', role: 'admin' }).run();
    expect(setTarget({ metricKey: 'health_score', effectiveFrom: '2024-07-01', target: 700, warning: 650 }, actor, db)).toBe('ok');
    const rows = listTargets(db);
    expect(targetInForce(rows, 'health_score', '2024-06-24')?.target).toBe(600);
    expect(targetInForce(rows, 'health_score', '2024-07-01')?.target).toBe(700);
    expect(db.select().from(revisions).all()).toEqual([
      expect.objectContaining({ entity: 'target', action: 'create', metricKey: 'health_score', userEmail: 'admin@example.com' }),
    ]);
    expect(setTarget({ metricKey: 'nope', effectiveFrom: '2024-07-01', target: 1, warning: null }, actor, db)).toBe('unknown_metric');
  });
});

describe('catalogue', () => {
  const base = { labelZh: '退款成功率', labelEn: 'Refund success rate', unit: '%', decimals: 2, direction: 'higher' as const, sortOrder: 5, required: false };

  it('adds, renames, re-orders and archives metrics, refusing stale edits', () => {
    const db = openTestDatabase();
    expect(insertMetric({ ...base, key: 'refund_success_rate', kind: 'rate' }, actor, db)).toBe('ok');
    expect(insertMetric({ ...base, key: 'refund_success_rate', kind: 'rate' }, actor, db)).toBe('duplicate_key');
    expect(listMetrics({}, db)[0].key).toBe('refund_success_rate');
    expect(updateMetric({ ...base, key: 'refund_success_rate', version: 1, labelEn: 'Refunds', archived: true }, actor, db)).toBe('ok');
    expect(updateMetric({ ...base, key: 'refund_success_rate', version: 1, archived: false }, actor, db)).toBe('conflict');
    expect(listMetrics({}, db).map((m) => m.key)).not.toContain('refund_success_rate');
    expect(listMetrics({ includeArchived: true }, db).find((m) => m.key === 'refund_success_rate')).toMatchObject({ labelEn: 'Refunds', archived: true, version: 2 });
  });
});

describe('users', () => {
  it('disabling ends every session and never leaves Weekline without an admin', async () => {
    const db = openTestDatabase();
    const admin = await insertUser({ email: 'a@example.com', role: 'admin', password: 'long-enough-password' }, db);
    const editor = await insertUser({ email: 'e@example.com', role: 'editor', password: 'long-enough-password' }, db);
    db.insert(session).values({ id: 's1', token: 't1', userId: editor.id, expiresAt: new Date(Date.now() + 60_000) }).run();
    expect(setUserDisabled(editor.id, true, actor, db)).toBe('ok');
    expect(db.select().from(session).all()).toEqual([]);
    expect(updateUserRole(admin.id, 'viewer', actor, db)).toBe('last_admin');
    expect(setUserDisabled(admin.id, true, actor, db)).toBe('last_admin');
    expect(updateUserRole(editor.id, 'admin', actor, db)).toBe('ok');
  });
});
