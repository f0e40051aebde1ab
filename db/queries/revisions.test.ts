// Promise: a viewer reads a week's history only from its first publication on, and never a draft value
// (neither as the "before" of the publishing save nor while the week was taken back to draft); editors see all.
import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from '@/lib/constants';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { openTestDatabase } from '../setup';
import { user } from '../schema';
import { listWeekHistory } from './revisions';
import { saveWeek } from './save-week';

const schema = weekEntrySchema(DEFAULT_METRICS);
const alice = { userId: 'u-alice', email: 'alice@example.com' };
const WEEK = '2023-07-10';
const FULL = Object.fromEntries(
  DEFAULT_METRICS.filter((m) => m.required).map((m) => [m.key, { value: m.kind === 'count' ? '0' : m.kind === 'score' ? '500' : '99.99' }]),
);

/** Every value a history shows, before and after. */
const valuesIn = (entries: ReturnType<typeof listWeekHistory>) =>
  entries.flatMap((e) => [e.before, e.after]).flatMap((v) => (v && typeof v === 'object' && 'value' in v ? [Number((v as { value: unknown }).value)] : []));

describe('week history by audience', () => {
  it('hides every draft-time change from readers, shows them all to editors', () => {
    const db = openTestDatabase();
    db.insert(user).values({ id: alice.userId, email: alice.email, name: 'Alice', role: 'editor' }).run();
    let version = 0;
    const save = (intent: 'draft' | 'publish' | 'save', health: string, reason = '') => {
      const result = saveWeek(
        schema.parse({ weekStart: WEEK, baseVersion: version, intent, values: { ...FULL, health_score: { value: health } }, reason, confirmMissing: true }),
        alice,
        db,
      );
      if (!result.ok) throw new Error(JSON.stringify(result));
      version = result.version;
    };
    save('draft', '401'); // draft values: never for readers
    save('draft', '402');
    save('publish', '410'); // the publishing save: its "before" is the draft 402
    save('save', '420', 'corrected'); // while published: shown
    save('draft', '403', 'taken back'); // unpublished, with a draft value
    save('draft', '404');
    save('publish', '430'); // republished: "before" is the draft 404
    save('save', '440', 'final'); // shown

    const reader = listWeekHistory(WEEK, 'reader', db);
    const DRAFTS = [401, 402, 403, 404];
    expect(valuesIn(reader).filter((v) => DRAFTS.includes(v))).toEqual([]);
    const health = reader.filter((e) => e.metricKey === 'health_score').map((e) => [(e.before as { value: number }).value, (e.after as { value: number }).value]);
    expect(health).toEqual([
      [430, 440],
      [410, 420],
    ]);
    expect(reader.filter((e) => e.entity === 'week').map((e) => e.action)).toEqual(['publish', 'unpublish', 'publish']);

    const editor = listWeekHistory(WEEK, 'editor', db);
    expect(DRAFTS.filter((v) => !valuesIn(editor).includes(v))).toEqual([]);
    expect(editor.length).toBeGreaterThan(reader.length);
    // Newest first for both.
    expect(editor.map((e) => e.id)).toEqual([...editor.map((e) => e.id)].sort((a, b) => b - a));
    expect(reader.map((e) => e.id)).toEqual([...reader.map((e) => e.id)].sort((a, b) => b - a));
  });

  it('a week never published has no history for readers', () => {
    const db = openTestDatabase();
    db.insert(user).values({ id: alice.userId, email: alice.email, name: 'Alice', role: 'editor' }).run();
    saveWeek(schema.parse({ weekStart: WEEK, baseVersion: 0, intent: 'draft', values: { health_score: { value: '499' } } }), alice, db);
    expect(listWeekHistory(WEEK, 'reader', db)).toEqual([]);
    expect(listWeekHistory(WEEK, 'editor', db).length).toBeGreaterThan(0);
  });
});

describe('week history names its authors', () => {
  it('gives the author’s name next to the email, so the history reads "Alice", not only an address', () => {
    const db = openTestDatabase();
    db.insert(user).values({ id: alice.userId, email: alice.email, name: 'Alice', role: 'editor' }).run();
    const result = saveWeek(schema.parse({ weekStart: WEEK, baseVersion: 0, intent: 'draft', values: { health_score: { value: '600' } }, notes: '备注一' }), alice, db);
    expect(result.ok).toBe(true);
    const entries = listWeekHistory(WEEK, 'editor', db);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(e).toMatchObject({ userName: 'Alice', userEmail: alice.email });
  });
});
