// Title similarity for the paste import: a report's item is matched to an existing initiative (or finding)
// when their normalised titles' bigram Dice coefficient is at least 0.6. Pure.

/** Lower case, full-width folded, group letters ("A. ") and punctuation/spaces dropped. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^[a-z][.、]\s*/, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

function bigrams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i] + c);
}

/** Sørensen–Dice over character bigrams (multiset), 0–1; identical normalised titles score 1. */
export function dice(a: string, b: string): number {
  const x = normaliseTitle(a);
  const y = normaliseTitle(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const left = bigrams(x);
  const right = new Map<string, number>();
  for (const g of bigrams(y)) right.set(g, (right.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of left) {
    const n = right.get(g) ?? 0;
    if (n > 0) {
      shared += 1;
      right.set(g, n - 1);
    }
  }
  return (2 * shared) / (left.length + bigrams(y).length);
}

export const MATCH_THRESHOLD = 0.6;

export interface TitleMatch {
  id: number;
  title: string;
  score: number;
}

/**
 * The best candidate at or above the threshold, or null. `taken` ids (already matched to an earlier item)
 * are skipped, so two report items never land on one initiative.
 */
export function bestMatch(title: string, candidates: readonly { id: number; title: string }[], taken: ReadonlySet<number> = new Set(), threshold = MATCH_THRESHOLD): TitleMatch | null {
  let best: TitleMatch | null = null;
  for (const c of candidates) {
    if (taken.has(c.id)) continue;
    const score = dice(title, c.title);
    if (score >= threshold && (!best || score > best.score)) best = { id: c.id, title: c.title, score };
  }
  return best;
}
