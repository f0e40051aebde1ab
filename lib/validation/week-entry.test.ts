import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from '../constants';
import { fieldErrorsOf } from './result';
import { weekEntrySchema } from './week-entry';

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
