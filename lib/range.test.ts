import { describe, expect, it } from 'vitest';
import { resolveRange } from './range';

const ctx = { numbering: 'jan1' as const, latest: '2023-07-24', earliest: '2021-01-04' };

describe('resolveRange', () => {
  it('defaults to the last 26 weeks ending at the latest week', () => {
    expect(resolveRange({}, ctx)).toEqual({ key: '26w', from: '2023-01-30', to: '2023-07-24', notice: null });
  });

  it('understands the named ranges', () => {
    expect(resolveRange({ range: '13w' }, ctx).from).toBe('2023-05-01');
    expect(resolveRange({ range: 'ytd' }, ctx).from).toBe('2022-12-26');
    expect(resolveRange({ range: 'all' }, ctx).from).toBe('2021-01-04');
  });

  it('takes labels or dates for a custom range', () => {
    expect(resolveRange({ from: '2023-W01', to: '2023-W30' }, ctx)).toMatchObject({ key: 'custom', from: '2022-12-26', to: '2023-07-17' });
    expect(resolveRange({ from: '2023-03-01' }, ctx)).toMatchObject({ from: '2023-02-27', to: '2023-07-24' });
  });

  it('falls back to the default with a notice for anything unusable', () => {
    for (const params of [{ range: '5y' }, { from: 'yesterday' }, { from: '2023-W30', to: '2023-W01' }, { from: '2023-W54' }, { range: ['13w', 'x'], from: '1000-01-01' }]) {
      const r = resolveRange(params, { ...ctx, maxWeeks: 1000 });
      expect(r.key).toBe('26w');
      expect(r.notice).toMatch(/showing the last 26 weeks/);
    }
  });

  it('a week no report can be about (year 0, 9999) is not a range end: the default, with a notice', () => {
    for (const from of ['0000-01-01', '9999-12-27']) {
      const r = resolveRange({ from, to: '2023-07-24' }, ctx);
      expect(r.key).toBe('26w');
      expect(r.notice).toMatch(/is not a week/);
    }
  });
});
