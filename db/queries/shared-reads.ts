// Results every reader shares (the dashboard model of a range, in a language and numbering, for a scope),
// kept per process and keyed by the database's data version, never by who asks. Each call reads the data
// version (one indexed lookup), so a write from any process — another server instance, the CLI import, a
// restore — makes the next request recompute: correctness never depends on this process's memory, which
// is only a shortcut. Access checks happen before, in the caller, on every request.
import { getDb, type Db } from '../index';
import { getDataVersion } from './data-version';

const MAX_ENTRIES = 200;

interface Entry {
  version: string;
  value: unknown;
}

// Per connection, so two databases in one process (tests, the CLI) never see each other's results.
const globalForReads = globalThis as unknown as { weeklineSharedReads?: WeakMap<object, Map<string, Entry>> };
const byConnection = (globalForReads.weeklineSharedReads ??= new WeakMap());

/** `compute()`'s result for `key` at the current data version; computed once per version and process. */
export function sharedRead<T>(key: string, compute: () => T, db: Db = getDb()): T {
  const version = getDataVersion(db);
  let entries = byConnection.get(db.$client);
  if (!entries) byConnection.set(db.$client, (entries = new Map<string, Entry>()));
  const entryKey = key;
  const hit = entries.get(entryKey);
  if (hit && hit.version === version) {
    // Map order is insertion order: re-inserting marks the entry most recently used.
    entries.delete(entryKey);
    entries.set(entryKey, hit);
    return hit.value as T;
  }
  const value = compute();
  // One object serves many requests, so no reader may change it: outside production it is frozen, and a
  // reader that writes to it fails its tests instead of corrupting what the next reader sees.
  if (process.env.NODE_ENV !== 'production') deepFreeze(value);
  entries.set(entryKey, { version, value });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
