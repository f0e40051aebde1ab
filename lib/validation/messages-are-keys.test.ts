// Issue 15: the schemas speak in catalogue keys, never in English sentences translated later. Every
// message a bad week can produce is a key with an English and a Chinese text.
import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from '@/lib/constants';
import { MESSAGES } from '@/lib/i18n/messages';
import { addWeeks, currentWeekStart } from '@/lib/weeks';
import { weekEntrySchema } from './week-entry';

const long = (n: number) => 'x'.repeat(n);
const BAD = {
  weekStart: addWeeks(currentWeekStart(), 1),
  baseVersion: 0,
  intent: 'publish',
  reason: long(501),
  notes: long(10_001),
  internalNotes: long(10_001),
  values: {
    inbound_success_rate: { value: '199.9' },
    outbound_success_rate: { value: '99.9x' },
    first_attempt_success_rate: { value: '99.123456' },
    incidents_a: { value: '1.5' },
    health_score: { value: '-1' },
    hive_migration_progress: { value: '', done: '5', total: '' },
    data_classification_progress: { value: '', done: '9', total: '0' },
    availability: { value: '', done: '1', total: '2' },
  },
  incidents: [
    { title: '', startedAt: '2026-99-99T99:99', endedAt: 'x', durationMinutes: 'y', grade: 'E', gradeStatus: 'maybe', cause: long(2001), handling: '' },
    { title: 'ok', startedAt: '2026-11-02T10:00', endedAt: '2026-11-02T09:00', durationMinutes: '5', grade: 'B', gradeStatus: '', cause: '', handling: '' },
    { title: 'ok', startedAt: '2026-11-02T10:00', endedAt: '', durationMinutes: '', grade: '', gradeStatus: 'final', cause: '', handling: '' },
  ],
  report: {
    reflection: long(10_001),
    items: [{ section: 'nowhere', text: '' }],
    updates: [{ initiativeId: 1, status: 'nope', progress: 140, text: '' }],
    findingNotes: [{ findingId: 1, status: 'nope', text: '' }],
    planChecks: [{ itemId: 1, outcome: 'partly', reason: '' }, { itemId: 1, outcome: 'done', reason: '' }],
  },
};

describe('validation messages', () => {
  it('are catalogue keys with both languages, for every problem a week can have', () => {
    const r = weekEntrySchema(DEFAULT_METRICS).safeParse(BAD);
    expect(r.success).toBe(false);
    const messages = [...new Set(r.error!.issues.map((i) => i.message))];
    expect(messages.length).toBeGreaterThan(15);
    const notKeys = messages.filter((m) => !(m in MESSAGES.en) || !(m in MESSAGES.zh));
    expect(notKeys).toEqual([]);
  });
});
