/** Decodes a route segment; a malformed escape (`%E0%A4%A`) is "no such page", not a server error. */
export function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
