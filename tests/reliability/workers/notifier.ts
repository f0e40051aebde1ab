// A delivery worker process for the outbox kill test: runs the product's deliverDue in a loop (as the in-app
// worker and `notify run` do) against a real database file, until it is killed.
//   notifier <db> <leaseMs>
import fs from 'node:fs';
import { openDatabase } from '@/db/index';
import { deliverDue } from '@/db/queries/deliver';

const [file, leaseMs] = process.argv.slice(2);
const db = openDatabase(file);
const say = (line: string) => fs.writeSync(1, `${line}\n`);
const unlimited = { wecom: 100_000, dingtalk: 100_000, feishu: 100_000, feishuPerSecond: 100_000, webhook: 100_000 };

async function main(): Promise<never> {
  say('ready');
  for (;;) {
    const r = await deliverDue(db, { baseUrl: 'http://localhost:3999', allowHosts: ['127.0.0.1'], leaseMs: Number(leaseMs), timeoutMs: 800, backoffBaseMs: 50, backoffMaxMs: 300, maxAttempts: 50, rateLimits: unlimited, log: say });
    if (r.sent || r.retried || r.lostLease) say(`round sent=${r.sent} retried=${r.retried} lost=${r.lostLease}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

void main();
