import { describe, expect, it } from 'vitest';
import { gradeChanges, overlayReported, restatedKeys, type SnapshotPayload } from './snapshot';

const reported: SnapshotPayload = {
  values: { inbound_success_rate: { value: 99.95, done: null, total: null, direction: 'higher', target: 99.99, warning: 99.95, status: 'warning' } },
  incidents: [{ id: 7, startedAt: '2023-07-11T10:00', endedAt: null, durationMinutes: 12, title: 'Card channel timeouts', grade: 'C', gradeStatus: 'estimated', cause: '', handling: '' }],
  notes: '',
  internalNotes: '',
  report: null,
};

describe('snapshot readers', () => {
  it('names the incidents whose grade changed since publication (预估C级 → 定级B级)', () => {
    expect(gradeChanges(reported, [{ id: 7, title: 'Card channel timeouts', grade: 'B', gradeStatus: 'final' }])).toEqual([
      { id: 7, title: 'Card channel timeouts', from: { grade: 'C', gradeStatus: 'estimated' }, to: { grade: 'B', gradeStatus: 'final' } },
    ]);
    expect(gradeChanges(reported, [{ id: 7, title: 'Card channel timeouts', grade: 'C', gradeStatus: 'estimated' }])).toEqual([]);
  });

  it('shows snapshotted weeks as first reported and marks what was restated', () => {
    const series = { weeks: ['2023-07-03', '2023-07-10'], series: { inbound_success_rate: [99.99, 99.93] } };
    const first = new Map([['2023-07-10', { inbound_success_rate: 99.95 }]]);
    expect(overlayReported(series, first).series.inbound_success_rate).toEqual([99.99, 99.95]);
    expect(series.series.inbound_success_rate).toEqual([99.99, 99.93]); // the input is left alone
    expect(restatedKeys(series, first)).toEqual(new Map([['2023-07-10', new Set(['inbound_success_rate'])]]));
  });
});
