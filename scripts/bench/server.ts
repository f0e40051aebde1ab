// Child processes of the benchmark: the real server (`next start`, as `npm start` runs it) and the floor
// server. Each is started, waited for, and stopped by its own pid.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface RunningServer {
  url: string;
  child: ChildProcess;
  log: string[];
  /** CPU time (user + system, ms) used so far by the server's process tree; null where /proc is missing. */
  cpuMs(): number | null;
  stop(): Promise<void>;
}

const CLOCK_TICKS_PER_S = 100; // USER_HZ: 100 on every Linux the benchmark runs on

/** pid → [ppid, utime + stime in ticks] for every process, from /proc/<pid>/stat. */
function processTable(): Map<number, [number, number]> | null {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return null;
  }
  const table = new Map<number, [number, number]>();
  for (const pid of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses: the fields after it follow the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(pid), [Number(fields[1]), Number(fields[11]) + Number(fields[12])]);
    } catch {
      // the process ended meanwhile
    }
  }
  return table;
}

/** CPU ms used by a process and all its descendants. */
export function treeCpuMs(rootPid: number): number | null {
  const table = processTable();
  if (!table || !table.has(rootPid)) return null;
  let ticks = 0;
  const queue = [rootPid];
  const seen = new Set<number>();
  while (queue.length) {
    const pid = queue.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    ticks += table.get(pid)?.[1] ?? 0;
    for (const [child, [ppid]] of table) if (ppid === pid) queue.push(child);
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_S;
}

const TSX = path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');

async function waitFor(url: string, child: ChildProcess, log: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode} before it answered:\n${log.join('').slice(-2000)}`);
    try {
      const res = await fetch(url, { redirect: 'manual' });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs / 1000} s:\n${log.join('').slice(-2000)}`);
}

function startChild(args: string[], env: NodeJS.ProcessEnv, url: string, readyPath: string): Promise<RunningServer> {
  const log: string[] = [];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => {
    log.push(chunk.toString());
    if (log.length > 200) log.splice(0, log.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  return waitFor(url + readyPath, child, log, 60_000).then(
    () => ({ url, child, log, stop, cpuMs: () => (child.pid ? treeCpuMs(child.pid) : null) }),
    async (error: unknown) => {
      await stop();
      throw error;
    },
  );
}

/** What `npm start` serves with (scripts/start-server.mjs: `next start` once per core), on this run's database, port and build. */
export function startAppServer(options: { port: number; databasePath: string; distDir: string; authSecret: string }): Promise<RunningServer> {
  const url = `http://localhost:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(options.port),
    DATABASE_PATH: options.databasePath,
    BASE_URL: url,
    AUTH_SECRET: options.authSecret,
    NEXT_DIST_DIR: options.distDir,
    DEMO_DATA: '0',
    NEXT_TELEMETRY_DISABLED: '1',
    // The load generator plays many readers by sending X-Forwarded-For, as one proxy in front would.
    TRUST_PROXY: '1',
  };
  return startChild([path.join(process.cwd(), 'scripts', 'start-server.mjs'), '--port', String(options.port)], env, url, '/api/health');
}

/** The floor: plain node:http answering every request with the bytes of one file (scripts/bench/floor-server.ts). */
export function startFloorServer(options: { port: number; file: string }): Promise<RunningServer> {
  const url = `http://localhost:${options.port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(options.port), FLOOR_FILE: options.file };
  return startChild([TSX, path.join('scripts', 'bench', 'floor-server.ts')], env, url, '/');
}
