// weekEntrySchema for a catalogue, built once per catalogue: building a zod object schema and compiling it on
// first use costs milliseconds, which a CSV import or a preview would otherwise pay on every call.
import { weekEntrySchema, type EntryMetric } from '../validation/week-entry';

let cached: { signature: string; schema: ReturnType<typeof weekEntrySchema> } | null = null;

export function entrySchemaFor(metrics: readonly EntryMetric[]): ReturnType<typeof weekEntrySchema> {
  const signature = metrics.map((m) => `${m.key}:${m.kind}:${m.decimals}`).join('|');
  if (cached?.signature !== signature) cached = { signature, schema: weekEntrySchema(metrics) };
  return cached.schema;
}
