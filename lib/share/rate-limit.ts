// A sliding window per key (the client's address): this process's own attempts are counted exactly in
// memory; `shared` adds what other processes over the same database counted for the key and hears about
// this one's (db/queries/share-rate.ts), so several processes share one limit without a write per request.
// A restart forgets this process's counts, which only ever errs towards letting a reader in.
export interface SlidingWindowLimiter {
  /** Records an attempt; false when the key has used up its window. */
  allow(key: string, now?: number): boolean;
}

/** Other processes' attempts, as far as they have reported them, and the reporting of this one's. */
export interface SharedAttempts {
  /** Attempts other processes counted for `key` within the window ending at `now`. */
  others(key: string, now: number): number;
  /** This process allowed an attempt for `key` at `now`. */
  record(key: string, now: number): void;
}

export function createSlidingWindowLimiter(options: { limit: number; windowMs: number; maxKeys?: number; shared?: SharedAttempts }): SlidingWindowLimiter {
  const hits = new Map<string, number[]>();
  const maxKeys = options.maxKeys ?? 10_000;
  return {
    allow(key, now = Date.now()) {
      const since = now - options.windowMs;
      const recent = (hits.get(key) ?? []).filter((t) => t > since);
      const allowed = recent.length < options.limit && recent.length + (options.shared?.others(key, now) ?? 0) < options.limit;
      if (allowed) {
        recent.push(now);
        options.shared?.record(key, now);
      }
      hits.delete(key);
      hits.set(key, recent);
      // Bounded memory: forget the least recently seen clients first (Map keeps insertion order).
      while (hits.size > maxKeys) hits.delete(hits.keys().next().value as string);
      return allowed;
    },
  };
}
