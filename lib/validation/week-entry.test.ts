import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from '../constants';
import { fieldErrorsOf } from './result';
import { weekEntrySchema } from './week-entry';
import { addWeeks, currentWeekStart } from '../weeks';

const schema = weekEntrySchema(DEFAULT_METRICS);
const base = { weekStart: '2023-07-10', baseVersion: 0, intent: 'draft' as const };
const incident = { title: '对账延迟', startedAt: '2023-07-12T21:15', endedAt: '', durationMinutes: '35', grade: 'D', gradeStatus: 'estimated', cause: '', handling: '' };

describe('weekEntrySchema', () => {
  it('accepts a typical week and keeps absent metrics absent', () => {
    const parsed = schema.parse({
      ...base,
      values: {
        inbound_success_rate: { value: '99.99' },
        incidents_d: { value: '1' },
        health_score: { value: '' },
        data_classification_progress: { value: '', done: '27', total: '179' },
        hive_migration_progress: { value: '92.7', total: '164' },
      },
      incidents: [incident],
    });
    expect(parsed.values).toEqual({
      inbound_success_rate: { value: 99.99, done: null, total: null },
      incidents_d: { value: 1, done: null, total: null },
      data_classification_progress: { value: 15.08, done: 27, total: 179 },
      hive_migration_progress: { value: 92.7, done: null, total: 164 },
    });
    expect(parsed.incidents[0]).toMatchObject({ grade: 'D', gradeStatus: 'estimated', durationMinutes: 35, endedAt: null });
  });

  it('reports every bad field at once, by its path', () => {
    const result = schema.safeParse({
      ...base,
      values: {
        inbound_success_rate: { value: '199.99' },
        outbound_success_rate: { value: '99.95abc' },
        first_attempt_success_rate: { value: '99.123456' },
        incidents_a: { value: '1.5' },
        incidents_b: { value: '-1' },
        data_classification_progress: { value: '', done: '200', total: '179' },
      },
      incidents: [{ ...incident, title: ' ', startedAt: 'yesterday', grade: 'C', gradeStatus: '' }],
    });
    expect(result.success).toBe(false);
    const errors = fieldErrorsOf(result.error!);
    expect(Object.keys(errors).sort()).toEqual(
      [
        'values.inbound_success_rate.value',
        'values.outbound_success_rate.value',
        'values.first_attempt_success_rate.value',
        'values.incidents_a.value',
        'values.incidents_b.value',
        'values.data_classification_progress.done',
        'incidents.0.title',
        'incidents.0.startedAt',
        'incidents.0.gradeStatus',
      ].sort(),
    );
  });

  it('derives the duration from start and end, and refuses ends before starts', () => {
    const ok = schema.parse({ ...base, incidents: [{ ...incident, durationMinutes: '', endedAt: '2023-07-12T21:50' }] });
    expect(ok.incidents[0].durationMinutes).toBe(35);
    const bad = schema.safeParse({ ...base, incidents: [{ ...incident, durationMinutes: '', endedAt: '2023-07-12T20:00' }] });
    expect(fieldErrorsOf(bad.error!)).toHaveProperty(['incidents.0.endedAt']);
  });

  it('asks for a grade status when a grade is given, and a grade when a status is', () => {
    const r = schema.safeParse({
      ...base,
      incidents: [
        { ...incident, grade: 'B', gradeStatus: '' },
        { ...incident, grade: '', gradeStatus: 'final' },
      ],
    });
    expect(Object.keys(fieldErrorsOf(r.error!)).sort()).toEqual(['incidents.0.gradeStatus', 'incidents.1.grade']);
  });

  it('accepts a trailing percent sign on percentages only', () => {
    expect(schema.parse({ ...base, values: { availability: { value: '99.999%' } } }).values.availability.value).toBe(99.999);
    expect(schema.safeParse({ ...base, values: { health_score: { value: '488%' } } }).success).toBe(false);
  });
});

describe('impossible weeks and times (issue 11 item 5)', () => {
  const errorsOf = (input: Record<string, unknown>) => {
    const r = schema.safeParse({ ...base, ...input });
    return r.success ? {} : fieldErrorsOf(r.error);
  };

  it('refuses weeks that are not real Mondays from 2000 to a year ahead', () => {
    for (const weekStart of ['9999-12-31', '9999-12-27', '2026-13-45', '2023-02-30', '2023-07-12', '1999-12-27', '2023-7-10', ' 2023-07-10', '']) {
      expect(errorsOf({ weekStart }), weekStart).toHaveProperty(['weekStart']);
    }
    expect(errorsOf({ weekStart: '2000-01-03' })).toEqual({});
    expect(errorsOf({ weekStart: addWeeks(currentWeekStart(), 52) })).toEqual({});
    expect(errorsOf({ weekStart: addWeeks(currentWeekStart(), 53) })).toHaveProperty(['weekStart']);
  });

  it('refuses to publish a week that has not started, but keeps it as a draft', () => {
    const next = addWeeks(currentWeekStart(), 1);
    expect(errorsOf({ weekStart: next, intent: 'publish' }).weekStart).toEqual(['error.weekNotStarted']);
    expect(errorsOf({ weekStart: next, intent: 'draft' })).toEqual({});
    expect(errorsOf({ weekStart: currentWeekStart(), intent: 'publish' })).toEqual({});
  });

  it('refuses incident times that are not real times, and derives durations from real ones', () => {
    for (const startedAt of ['2026-99-99T99:99', '2023-07-12T24:00', '2023-07-12T21:60', '2023-02-29T10:00', '2023-07-12 21:15']) {
      expect(errorsOf({ incidents: [{ ...incident, startedAt }] }), startedAt).toHaveProperty(['incidents.0.startedAt']);
    }
    expect(errorsOf({ incidents: [{ ...incident, endedAt: '2023-07-12T25:10' }] })).toHaveProperty(['incidents.0.endedAt']);
    const overnight = schema.parse({ ...base, incidents: [{ ...incident, startedAt: '2024-02-28T23:30', endedAt: '2024-02-29T00:15', durationMinutes: '' }] });
    expect(overnight.incidents[0].durationMinutes).toBe(45);
  });
});

describe('control characters (issue 11 item 9)', () => {
  it('never stores NUL or other C0 controls in free text; tabs and newlines stay', () => {
    const dirty = 'a\u0000b\u0007c\u001bd\u007f\te\r\nf';
    const parsed = schema.parse({
      ...base,
      notes: dirty,
      internalNotes: dirty,
      reason: dirty,
      incidents: [{ ...incident, title: `\u0000${dirty}`, cause: dirty, handling: dirty }],
    });
    const clean = 'abcd\te\nf';
    expect([parsed.notes, parsed.internalNotes, parsed.reason]).toEqual([clean, clean, clean]);
    expect([parsed.incidents[0].title, parsed.incidents[0].cause, parsed.incidents[0].handling]).toEqual([clean, clean, clean]);
    expect(schema.safeParse({ ...base, incidents: [{ ...incident, title: '\u0000\u0001' }] }).success).toBe(false);
  });
});
