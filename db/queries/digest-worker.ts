// The delivery worker inside the app process: every few seconds, one pass of deliverDue. Started from
// instrumentation.ts register() (Node runtime, not during `next build`); its timer is unref'd so it never
// keeps a process alive, and a pass never overlaps the previous one. Other processes (a second app
// instance, `notify run` from cron) may run passes at the same time: the leases keep them apart.
import { getEnv } from '@/lib/env';
import { getDb } from '../index';
import { deliverDue } from './deliver';

export const WORKER_INTERVAL_MS = 5_000;

const state = globalThis as unknown as { weeklineDigestWorker?: NodeJS.Timeout };

export function startDigestWorker(intervalMs = WORKER_INTERVAL_MS): void {
  if (state.weeklineDigestWorker) return;
  let running = false;
  const env = getEnv();
  const baseUrl = env.BASE_URL ?? `http://localhost:${env.PORT}`;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await deliverDue(getDb(), { baseUrl, allowHosts: env.WEBHOOK_ALLOW_HOSTS, log: (line) => console.warn(line) });
    } catch (error) {
      // A failed pass is logged (never with a channel's URL: errors carry codes only) and tried again next tick.
      console.error(`weekline: digest delivery pass failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  state.weeklineDigestWorker = setInterval(() => void tick(), intervalMs);
  state.weeklineDigestWorker.unref();
}
