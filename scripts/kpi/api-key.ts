// `npm run kpi -- api-key create|list|revoke`: the keys of the ingestion API (/api/v1), as on /admin/api-keys.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { getDb } from '@/db/index';
import { createApiKey, listApiKeys, revokeApiKey } from '@/db/queries/api-keys';
import { prepareDatabase } from '@/db/setup';
import { apiKeyIdSchema, newApiKeySchema } from '@/lib/api/scopes';
import { localize } from '@/lib/i18n/form-labels';
import { UsageError } from '../lib/cli';

const SUBCOMMANDS = 'api-key takes create --label L --scopes kpi:write[,kpi:read][,report:publish] [--expires 90d|never], list [--json] or revoke <id>.';

function issues(error: z.ZodError, flags: Record<string, string>): string {
  // The schema's messages are catalogue keys; the command line speaks English.
  return error.issues.map((i) => `${flags[String(i.path[0])] ?? String(i.path[0])}: ${localize(i.message, 'en')}`).join(' ');
}

export function apiKeyCommand(args: string[]): void {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { label: { type: 'string' }, scopes: { type: 'string' }, expires: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const db = prepareDatabase(getDb());

  if (sub === 'create') {
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}". ${SUBCOMMANDS}`);
    const now = new Date();
    const parsed = newApiKeySchema(now).safeParse({ label: values.label ?? '', scopes: (values.scopes ?? '').split(','), expiresIn: values.expires ?? '90d' });
    if (!parsed.success) throw new UsageError(issues(parsed.error, { label: '--label', scopes: '--scopes', expiresIn: '--expires' }));
    // The key on stdout alone (for scripts); where it stops working on stderr.
    console.log(createApiKey(parsed.data, null, db, now).key);
    console.error(`shown once; expires ${parsed.data.expiresAt?.toISOString() ?? 'never'}`);
    return;
  }
  if (sub === 'list') {
    const now = new Date();
    const state = (k: ReturnType<typeof listApiKeys>[number]) => (k.revokedAt ? 'revoked' : k.expiresAt && k.expiresAt <= now ? 'expired' : 'active');
    const keys = listApiKeys(db);
    if (values.json) {
      const rows = keys.map((k) => ({ id: k.id, label: k.label, prefix: k.prefix, scopes: k.scopes, createdAt: k.createdAt.toISOString(), expiresAt: k.expiresAt?.toISOString() ?? null, lastUsedAt: k.lastUsedAt?.toISOString() ?? null, state: state(k) }));
      console.log(JSON.stringify(rows));
    } else {
      for (const k of keys) console.log(`${k.id}\t${k.label}\t${k.prefix}…\t${k.scopes.join(',')}\t${state(k)}\texpires ${k.expiresAt?.toISOString() ?? 'never'}\tlast used ${k.lastUsedAt?.toISOString() ?? 'never'}`);
    }
    return;
  }
  if (sub === 'revoke') {
    const id = apiKeyIdSchema.safeParse(positionals[0]);
    if (positionals.length !== 1 || !id.success) throw new UsageError('give the key id from `api-key list`, e.g. api-key revoke 3.');
    const outcome = revokeApiKey(id.data, null, db);
    if (outcome === 'not_found') throw new UsageError(`no API key with id ${id.data}.`);
    console.log(outcome === 'ok' ? `revoked API key ${id.data}` : `API key ${id.data} was already revoked`);
    return;
  }
  throw new UsageError(SUBCOMMANDS);
}
