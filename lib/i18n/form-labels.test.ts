import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from '../constants';
import { fieldErrorsOf } from '../validation/result';
import { weekEntrySchema } from '../validation/week-entry';
import { localize, localizeErrors, messageKey } from './form-labels';

describe('localize', () => {
  it('translates every message the weekly form can show into Chinese', () => {
    const bad = weekEntrySchema(DEFAULT_METRICS).safeParse({
      weekStart: '2023-07-10',
      baseVersion: 0,
      intent: 'draft',
      values: {
        inbound_success_rate: { value: '199' },
        outbound_success_rate: { value: 'x' },
        first_attempt_success_rate: { value: '99.123456' },
        incidents_a: { value: '1.5' },
        health_score: { value: '-3' },
        data_classification_progress: { done: '5', total: '0' },
        hive_migration_progress: { done: '9', total: '' },
        availability: { value: '99.9', done: '1', total: '2' },
      },
      incidents: [
        { title: '', startedAt: 'x', endedAt: 'y', durationMinutes: '', grade: 'E', gradeStatus: 'maybe', cause: '', handling: '' },
        { title: 'a', startedAt: '2023-07-10T10:00', endedAt: '2023-07-10T09:00', durationMinutes: '5', grade: 'B', gradeStatus: '', cause: '', handling: '' },
        { title: 'b', startedAt: '2023-07-10T10:00', endedAt: '', durationMinutes: '', grade: '', gradeStatus: 'final', cause: '', handling: '' },
      ],
    });
    const errors = localizeErrors(fieldErrorsOf(bad.error!), 'zh');
    const untranslated = Object.values(errors).flat().filter((m) => /[a-z]{3}/i.test(m));
    expect(untranslated).toEqual([]);
    expect(Object.keys(errors).length).toBeGreaterThan(10);
  });

  it('renders keys with values in either language, and counts fields in Chinese', () => {
    expect(localize('error.draftSaved', 'en')).toBe('Draft saved.');
    // Not a key: shown as it is, never matched to a key by its English wording.
    expect(localize('Draft saved.', 'zh')).toBe('Draft saved.');
    expect(localize(messageKey('error.fieldsNeedFixing', { count: 5 }), 'zh')).toBe('未保存：有 5 处需要修改。');
    expect(localize(messageKey('error.fieldsNeedFixing', { count: 1 }), 'en')).toBe('Nothing was saved: 1 field needs fixing.');
  });
});
