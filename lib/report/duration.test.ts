import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration';

describe('formatDuration', () => {
  it('reads in hours and minutes, zh and en', () => {
    expect(formatDuration(125, 'zh')).toBe('2小时5分钟');
    expect(formatDuration(125, 'en')).toBe('2 h 5 min');
    expect(formatDuration(25, 'zh')).toBe('25分钟');
    expect(formatDuration(120, 'en')).toBe('2 h');
    expect(formatDuration(0, 'en')).toBe('0 min');
  });
});
