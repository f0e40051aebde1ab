import { describe, expect, it } from 'vitest';
import { localize } from '../i18n/form-labels';
import { incidentCountWarnings, outlierWarnings } from './entry-warnings';

describe('incidentCountWarnings', () => {
  it('is quiet when the counts match the graded events, ungraded events counting toward none', () => {
    const values = { incidents_a: { value: 0 }, incidents_b: { value: 0 }, incidents_c: { value: 0 }, incidents_d: { value: 1 } };
    expect(incidentCountWarnings(values, [{ grade: 'D' }, { grade: null }])).toEqual([]);
  });

  it('names the grade whose count disagrees with the log, including an empty count', () => {
    const warnings = incidentCountWarnings({ incidents_a: { value: 0 }, incidents_b: { value: 1 }, incidents_c: { value: 0 } }, [{ grade: 'D' }]);
    expect(warnings.map((w) => w.field)).toEqual(['values.incidents_b.value', 'values.incidents_d.value']);
    expect(localize(warnings[1].message, 'en')).toBe('Grade D: the count is — but the incident log has 1 event of that grade.');
    expect(localize(warnings[1].message, 'zh')).toBe('D级：次数为 —，但事件记录中有 1 个D级事件。');
  });
});

describe('outlierWarnings', () => {
  const metrics = [
    { key: 'inbound_success_rate', kind: 'rate' as const },
    { key: 'health_score', kind: 'score' as const },
  ];
  const recent = { inbound_success_rate: [99.99, 99.98, 99.99, 99.97], health_score: [471, 488, 512] };

  it('flags 9.99 typed for 99.99', () => {
    const w = outlierWarnings({ inbound_success_rate: { value: 9.99 } }, metrics, recent);
    expect(w).toHaveLength(1);
    expect(w[0].field).toBe('values.inbound_success_rate.value');
  });

  it('lets ordinary movement and real dips pass', () => {
    expect(outlierWarnings({ inbound_success_rate: { value: 99.9 }, health_score: { value: 530 } }, metrics, recent)).toEqual([]);
  });

  it('needs some history before judging', () => {
    expect(outlierWarnings({ health_score: { value: 5 } }, metrics, { health_score: [500, 510] })).toEqual([]);
  });
});
