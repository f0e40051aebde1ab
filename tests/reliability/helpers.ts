// Shared by the reliability tests: a real database file in a temp folder, and writer processes.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, type Db } from '@/db/index';
import { prepareDatabase } from '@/db/setup';
import { user } from '@/db/schema';

export const WRITER = path.join(process.cwd(), 'tests', 'reliability', 'workers', 'writer.ts');

/** A migrated database file with the writer's user, in a fresh temp folder. */
export function createFileDatabase(name: string): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `weekline-rel-${name}-`));
  const file = path.join(dir, 'weekline.db');
  const db = prepareDatabase(openDatabase(file));
  db.insert(user).values({ id: 'u-writer', email: 'writer@reliability.test', name: 'Writer', role: 'editor' }).run();
  db.$client.close();
  return { dir, file };
}

export function openFile(file: string): Db {
  return openDatabase(file);
}

export function integrityCheck(file: string): string {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    sqlite.close();
  }
}

export interface Proc {
  child: ChildProcess;
  lines: string[];
  stderr: string[];
  ready: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A TypeScript script run with tsx in its own process; stdout lines are collected as they arrive. */
export function spawnTs(script: string, args: string[], env: Record<string, string> = {}): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const stderr: string[] = [];
  let buffer = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const line of parts) {
      if (line === 'ready') onReady();
      else lines.push(line);
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      onReady();
      resolve({ code, signal });
    }),
  );
  return { child, lines, stderr, ready, exited };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Appends one figure line to the run's figures file, read by docs/RELIABILITY.md's update. */
export function recordFigure(name: string, figures: Record<string, unknown>): void {
  const out = path.join(process.cwd(), process.env.RELIABILITY_OUTPUT ?? 'test-results', 'reliability-figures.jsonl');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.appendFileSync(out, `${JSON.stringify({ name, at: new Date().toISOString(), ...figures })}\n`);
  console.log(`[reliability] ${name}: ${JSON.stringify(figures)}`);
}
