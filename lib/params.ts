/** Decodes a route segment; a malformed escape (`%E0%A4%A`) is "no such page", not a server error. */
export function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** URL query parameters in the shape page `searchParams` have (repeated keys become arrays). */
export function searchParamsRecord(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}
