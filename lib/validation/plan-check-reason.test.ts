// "Planned last week" (issue 13): partly done or not done needs a reason; every error at once.
import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from './result';
import { reportEntrySchema } from './report-entry';

describe('plan checks need a reason when unfinished', () => {
  it('asks for the reason of each partly / not done item, all at once', () => {
    const r = reportEntrySchema.safeParse({
      planChecks: [
        { itemId: 1, outcome: 'not_done', reason: '  ' },
        { itemId: 2, outcome: 'done', reason: '' },
        { itemId: 3, outcome: 'partly' },
      ],
    });
    expect(r.success).toBe(false);
    expect(fieldErrorsOf(r.error!)).toEqual({
      'planChecks.0.reason': ['error.report.sayWhyItWasNot'],
      'planChecks.2.reason': ['error.report.sayWhyItWasNot'],
    });
  });
  it('accepts done without a reason, unfinished with one, and unchecked', () => {
    const r = reportEntrySchema.safeParse({
      planChecks: [
        { itemId: 1, outcome: 'done', reason: '' },
        { itemId: 2, outcome: 'not_done', reason: '排期冲突' },
        { itemId: 3, outcome: null, reason: '' },
      ],
    });
    expect(r.success).toBe(true);
  });
});
