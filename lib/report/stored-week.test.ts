import { describe, expect, it } from 'vitest';
import { parseReport } from './parse-report';
import { renderReportMarkdown } from './render-markdown';
import { notesToItems, storedWeekToRenderable } from './stored-week';

describe('storedWeekToRenderable', () => {
  const stored = {
    label: '2023-W29',
    reportDate: '2023-07-15',
    notes: '- 配合审计访谈\n\n2. 团建方案确定\n',
    values: {
      health_score: { value: 612, done: null, total: null },
      data_classification_progress: { value: 50, done: 90, total: 180 },
      custom_metric: { value: 3, done: null, total: null },
    },
    incidents: [
      { id: 1, startedAt: '2023-07-12T23:50', endedAt: '2023-07-13T00:20', durationMinutes: null, title: '批量延迟', grade: 'D' as const, gradeStatus: 'final' as const, cause: '锁等待', handling: '重跑' },
    ],
  };

  it('turns notes into 其他 items, one per line without list markers', () => {
    expect(notesToItems(stored.notes)).toEqual(['配合审计访谈', '团建方案确定']);
  });

  it('exports the catalogue figures, counts and events (duration from the stored end), and reads back the same', () => {
    const w = storedWeekToRenderable(stored);
    expect(w.values).toEqual({ health_score: 612, data_classification_progress: 50 });
    expect(w.counts).toEqual({ data_classification_progress: { done: 90, total: 180 } });
    expect(w.incidents[0]).toMatchObject({ startedAt: '2023-07-12T23:50', durationMinutes: 30 });
    const back = parseReport(renderReportMarkdown(w), { numbering: 'jan1' });
    expect(back.values).toEqual(w.values);
    expect(back.incidents).toEqual(w.incidents);
    expect(back.report.other).toEqual(['配合审计访谈', '团建方案确定']);
    expect(back.warnings).toEqual([]);
  });
});
