import { describe, expect, it } from 'vitest';
import { metricStatus } from './status';

const rate = { target: 99.99, warning: 99.95 };

describe('metricStatus, higher is better', () => {
  it('is met at or above target, exactly on target included', () => {
    expect(metricStatus(99.99, 'higher', rate)).toBe('met');
    expect(metricStatus(100, 'higher', rate)).toBe('met');
  });

  it('is warning between warning and target, missed below warning', () => {
    expect(metricStatus(99.98, 'higher', rate)).toBe('warning');
    expect(metricStatus(99.95, 'higher', rate)).toBe('warning');
    expect(metricStatus(99.94, 'higher', rate)).toBe('missed');
  });

  it('goes straight to missed when there is no warning level', () => {
    expect(metricStatus(99.98, 'higher', { target: 99.99, warning: null })).toBe('missed');
    expect(metricStatus(99.98, 'higher', { target: 99.99 })).toBe('missed');
  });

  it('does not let float artefacts flip the status', () => {
    expect(metricStatus(99.98999999999999, 'higher', rate)).toBe('met');
    expect(metricStatus(99.99000000001, 'higher', rate)).toBe('met');
    expect(metricStatus((1 - 11 / 100000) * 100, 'higher', { target: 99.989, warning: null })).toBe('met');
    // A real shortfall in the last shown digit is still a shortfall.
    expect(metricStatus(99.989, 'higher', rate)).toBe('warning');
  });
});

describe('metricStatus, lower is better', () => {
  it('treats zero-incident targets: 0 met, 1 missed', () => {
    expect(metricStatus(0, 'lower', { target: 0, warning: null })).toBe('met');
    expect(metricStatus(1, 'lower', { target: 0, warning: null })).toBe('missed');
  });

  it('mirrors the warning band', () => {
    const t = { target: 2, warning: 4 };
    expect(metricStatus(2, 'lower', t)).toBe('met');
    expect(metricStatus(3, 'lower', t)).toBe('warning');
    expect(metricStatus(4, 'lower', t)).toBe('warning');
    expect(metricStatus(5, 'lower', t)).toBe('missed');
    expect(metricStatus(0.1 + 0.2, 'lower', { target: 0.3, warning: null })).toBe('met');
  });
});

describe('metricStatus, nothing to judge', () => {
  it('is none without a value or a target', () => {
    expect(metricStatus(null, 'higher', rate)).toBe('none');
    expect(metricStatus(undefined, 'lower', rate)).toBe('none');
    expect(metricStatus(Number.NaN, 'higher', rate)).toBe('none');
    expect(metricStatus(99.99, 'higher', null)).toBe('none');
  });
});
