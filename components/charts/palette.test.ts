// Every chart colour against the card it is drawn on, in both themes: lines, bars and markers are
// graphical objects, so WCAG 2.2 AA (1.4.11) asks for 3:1. The colours are read from app/globals.css,
// the one place that defines them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const css = fs.readFileSync(path.join(__dirname, '../../app/globals.css'), 'utf8');

/** The `--name: #hex` declarations of the first block after `selector {` (the light :root block or .dark). */
function variables(selectorPattern: RegExp): Record<string, string> {
  const start = css.search(selectorPattern);
  if (start < 0) throw new Error(`no block ${selectorPattern}`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// The chart cards: bg-white in light, bg-slate-900 in dark (Tailwind's slate-900).
const CARD = { light: '#ffffff', dark: '#0f172a' };
const NAMES = ['chart-1', 'chart-2', 'chart-3', 'chart-4', 'chart-5', 'chart-6', 'chart-incident', 'chart-restated', 'grade-a', 'grade-b', 'grade-c', 'grade-d', 'grade-ungraded'];

describe('chart palette contrast', () => {
  const themes = { light: variables(/:root\s*\{\s*--chart-1/), dark: variables(/\.dark\s*\{\s*--chart-1/) };

  for (const theme of ['light', 'dark'] as const) {
    it(`every series, marker and grade colour reaches 3:1 on the ${theme} card`, () => {
      for (const name of NAMES) {
        const colour = themes[theme][name];
        expect(colour, `--${name} in ${theme}`).toMatch(/^#[0-9a-f]{6}$/i);
        expect(contrast(colour, CARD[theme]), `--${name} ${colour} on ${CARD[theme]}`).toBeGreaterThanOrEqual(3);
      }
    });
  }

  it('the issue\'s failing colours would fail this test (A #7f1d1d on dark, D #fcd34d on light)', () => {
    expect(contrast('#7f1d1d', CARD.dark)).toBeLessThan(3);
    expect(contrast('#fcd34d', CARD.light)).toBeLessThan(3);
  });

  it('grades stay apart from each other within a theme (no two grades the same colour)', () => {
    for (const theme of ['light', 'dark'] as const) {
      const grades = ['grade-a', 'grade-b', 'grade-c', 'grade-d'].map((g) => themes[theme][g].toLowerCase());
      expect(new Set(grades).size).toBe(4);
    }
  });
});
