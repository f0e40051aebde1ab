// The server half of `npm start`: Next's own production server (`next start`), once per core.
//
// Next renders on one thread, so one process uses about one core however many the machine has. With
// WEB_CONCURRENCY above 1 (by default: the cores, at most 4) Node's cluster module runs that many `next start`
// processes on one port; the operating system hands each connection to one of them. No request passes through
// code of ours: every worker is the unchanged `next start`. Everything the app keeps between requests is
// correct across processes (docs/ARCHITECTURE.md, "Serving and caching"). WEB_CONCURRENCY=1 runs `next start`
// in this process, exactly as the e2e tests do.
//
// Plain JavaScript, no tsx: nothing of the build tool chain is needed to serve.
import cluster from 'node:cluster';
import { createRequire } from 'node:module';
import os from 'node:os';

const require = createRequire(import.meta.url);
const nextBin = require.resolve('next/dist/bin/next');
const args = ['start', ...process.argv.slice(2)];

/** WEB_CONCURRENCY when it is a whole number from 1 to 64, else the cores (at most 4). */
function workerCount() {
  const asked = Number(process.env.WEB_CONCURRENCY);
  if (Number.isInteger(asked) && asked >= 1 && asked <= 64) return asked;
  return Math.max(1, Math.min(os.availableParallelism(), 4));
}

function runInThisProcess() {
  process.argv = [process.argv[0], nextBin, ...args];
  require(nextBin);
}

function runWorkers(count) {
  cluster.setupPrimary({ exec: nextBin, args });
  let stopping = false;
  // A worker that dies soon after it started (a port in use, a broken build) would die again: give up then.
  const quickDeaths = [];
  const started = new Map();

  const fork = () => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
  };
  for (let i = 0; i < count; i++) fork();
  console.log(`weekline: ${count} server processes (WEB_CONCURRENCY=${count}; 1 runs a single one)`);

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    if (stopping) {
      if (!started.size) process.exit(process.exitCode ?? 0);
      return;
    }
    if (lived < 10_000) quickDeaths.push(Date.now());
    while (quickDeaths.length && quickDeaths[0] < Date.now() - 60_000) quickDeaths.shift();
    if (quickDeaths.length >= 3) {
      console.error(`weekline: server processes keep exiting right after they start (last: ${signal ?? `code ${code}`}); see the output above.`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      process.exitCode = typeof code === 'number' && code !== 0 ? code : 1;
      if (!started.size) process.exit(process.exitCode);
      return;
    }
    console.error(`weekline: a server process exited (${signal ?? `code ${code}`}); starting another.`);
    fork();
  });

  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
    // Next finishes what it is answering; whatever still runs after 10 s is ended.
    setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
      process.exit(process.exitCode ?? 0);
    }, 10_000).unref();
    if (!started.size) process.exit(process.exitCode ?? 0);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

const count = workerCount();
if (count === 1) runInThisProcess();
else runWorkers(count);
