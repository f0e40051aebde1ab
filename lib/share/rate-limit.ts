// An in-memory sliding window per key (the client's IP). One process serves Weekline, so memory is
// enough; a restart forgets the counts, which only ever errs towards letting a reader in.
export interface SlidingWindowLimiter {
  /** Records an attempt; false when the key has used up its window. */
  allow(key: string, now?: number): boolean;
}

export function createSlidingWindowLimiter(options: { limit: number; windowMs: number; maxKeys?: number }): SlidingWindowLimiter {
  const hits = new Map<string, number[]>();
  const maxKeys = options.maxKeys ?? 10_000;
  return {
    allow(key, now = Date.now()) {
      const since = now - options.windowMs;
      const recent = (hits.get(key) ?? []).filter((t) => t > since);
      const allowed = recent.length < options.limit;
      if (allowed) recent.push(now);
      hits.delete(key);
      hits.set(key, recent);
      // Bounded memory: forget the least recently seen clients first (Map keeps insertion order).
      while (hits.size > maxKeys) hits.delete(hits.keys().next().value as string);
      return allowed;
    },
  };
}
