// What the import and export commands share: reading and writing the files they are given, and week arguments.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseWeek, type WeekNumbering, type WeekStart } from '@/lib/weeks';
import { UsageError } from '../lib/cli';

export function readInput(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file} (${error instanceof Error ? error.message : String(error)}).`);
  }
}

export function writeOutput(file: string, text: string): void {
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, text, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot write ${file} (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** A failure that is not a usage mistake: said on stderr, exit code 1. */
export function fail(message: string): void {
  console.error(`weekline: ${message}`);
  process.exitCode = 1;
}

/** `--from` / `--to`: a week label under the configured numbering, or any date in the week. */
export function weekOption(name: string, numbering: WeekNumbering) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): WeekStart | undefined => {
      if (raw === undefined) return undefined;
      const week = parseWeek(raw, numbering);
      if (!week) ctx.addIssue({ code: 'custom', message: `--${name}: "${raw}" is not a week label (2023-W29) or a date.` });
      return week ?? undefined;
    });
}

export function usageErrorOf(error: z.ZodError): UsageError {
  return new UsageError(error.issues.map((i) => i.message).join(' '));
}
