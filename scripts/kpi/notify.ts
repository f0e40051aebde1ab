// npm run kpi -- notify …: the group-chat channels, a test message, and one delivery pass for cron.
import { parseArgs } from 'node:util';
import { getDb } from '@/db/index';
import { addChannel, listChannels, removeChannel } from '@/db/queries/channels';
import { deliverDue, sendTestMessage } from '@/db/queries/deliver';
import { countPending } from '@/db/queries/outbox';
import { prepareDatabase } from '@/db/setup';
import { getEnv } from '@/lib/env';
import { channelIdSchema, newChannelSchema } from '@/lib/digest/channel-input';
import { localize } from '@/lib/i18n/form-labels';
import { UsageError } from '../lib/cli';
import { fail } from './io';

const SUBCOMMANDS = 'notify takes add --kind wecom|dingtalk|feishu|webhook --url URL [--secret S] --label L, list [--json], test <id>, remove <id> or run.';

function parseId(positionals: string[], sub: string): number {
  const id = channelIdSchema.safeParse(positionals[0]);
  if (positionals.length !== 1 || !id.success) throw new UsageError(`give the channel id from \`notify list\`, e.g. notify ${sub} 3.`);
  return id.data;
}

function baseUrl(): string {
  const env = getEnv();
  return env.BASE_URL ?? `http://localhost:${env.PORT}`;
}

export async function notifyCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { kind: { type: 'string' }, url: { type: 'string' }, secret: { type: 'string' }, label: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const env = getEnv();
  if (sub === 'add') {
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}". ${SUBCOMMANDS}`);
    const parsed = newChannelSchema(env.WEBHOOK_ALLOW_HOSTS).safeParse({ kind: values.kind ?? '', url: values.url ?? '', secret: values.secret, label: values.label ?? '' });
    // The schema's messages are catalogue keys; the command line speaks English.
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${localize(i.message, 'en')}`).join(' '));
    const id = addChannel(parsed.data, null, prepareDatabase(getDb()));
    console.log(`added channel ${id} (${parsed.data.kind}, ${parsed.data.label})`);
    return;
  }
  if (sub === 'list') {
    const channels = listChannels(prepareDatabase(getDb()));
    if (values.json) {
      console.log(JSON.stringify(channels.map((c) => ({ id: c.id, kind: c.kind, label: c.label, url: c.maskedUrl, secret: c.secretHint || null, createdAt: c.createdAt.toISOString() }))));
    } else {
      for (const c of channels) console.log(`${c.id}\t${c.kind}\t${c.label}\t${c.maskedUrl}${c.secretHint ? `\tsecret ${c.secretHint}` : ''}`);
    }
    return;
  }
  if (sub === 'remove') {
    const id = parseId(positionals, 'remove');
    if (removeChannel(id, null, prepareDatabase(getDb())) === 'not_found') throw new UsageError(`no channel with id ${id}.`);
    console.log(`removed channel ${id}`);
    return;
  }
  if (sub === 'test') {
    const id = parseId(positionals, 'test');
    const outcome = await sendTestMessage(prepareDatabase(getDb()), id, env.WEBHOOK_ALLOW_HOSTS);
    if (outcome === 'not_found') throw new UsageError(`no channel with id ${id}.`);
    if (outcome.ok) console.log(`sent a test message to channel ${id}`);
    else fail(`the test message to channel ${id} failed: ${outcome.error}`);
    return;
  }
  if (sub === 'run') {
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}". ${SUBCOMMANDS}`);
    const db = prepareDatabase(getDb());
    const report = await deliverDue(db, { baseUrl: baseUrl(), allowHosts: env.WEBHOOK_ALLOW_HOSTS, maxMessages: 500, log: (l) => console.error(l) });
    console.log(`sent ${report.sent}, will retry ${report.retried}, failed ${report.failed}, cancelled ${report.cancelled}; ${countPending(db)} waiting`);
    if (report.failed) process.exitCode = 1;
    return;
  }
  throw new UsageError(SUBCOMMANDS);
}
