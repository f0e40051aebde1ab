import { parseArgs } from 'node:util';
import { z } from 'zod';
import { getDb } from '@/db/index';
import { getWeekNumbering } from '@/db/queries/settings';
import { createShareLink, listShareLinks, revokeShareLink, rotateShareLink } from '@/db/queries/share-links';
import { prepareDatabase } from '@/db/setup';
import { getEnv } from '@/lib/env';
import { shareUrl } from '@/lib/share/url';
import { newShareLinkSchema, shareLinkIdSchema } from '@/lib/share/validation';
import { localize } from '@/lib/i18n/form-labels';
import { UsageError } from '../lib/cli';

const SUBCOMMANDS = 'share takes create --label L [--expires 1d|7d|30d|90d|never] [--from W --to W] [--as reported|current], list [--json], revoke <id> or rotate <id>.';

function baseUrl(): string {
  const env = getEnv();
  return env.BASE_URL ?? `http://localhost:${env.PORT}`;
}

function issues(error: z.ZodError, flags: Record<string, string>): string {
  // The schema's messages are catalogue keys; the command line speaks English.
  return error.issues.map((i) => `${flags[String(i.path[0])] ?? String(i.path[0])}: ${localize(i.message, 'en')}`).join(' ');
}

function parseId(positionals: string[]): number {
  const id = shareLinkIdSchema.safeParse(positionals[0]);
  if (positionals.length !== 1 || !id.success) throw new UsageError('give the link id from `share list`, e.g. share revoke 3.');
  return id.data;
}

export function shareCommand(args: string[]): void {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { label: { type: 'string' }, expires: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, as: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const db = prepareDatabase(getDb());

  if (sub === 'create') {
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}". ${SUBCOMMANDS}`);
    const parsed = newShareLinkSchema(getWeekNumbering(db)).safeParse({ label: values.label ?? '', expiresIn: values.expires ?? '30d', fromWeek: values.from, toWeek: values.to, asOf: values.as });
    if (!parsed.success) throw new UsageError(issues(parsed.error, { label: '--label', expiresIn: '--expires', fromWeek: '--from', toWeek: '--to', asOf: '--as' }));
    const issued = createShareLink(parsed.data, null, db);
    console.log(shareUrl(issued.path, baseUrl()));
    return;
  }
  if (sub === 'list') {
    const links = listShareLinks(db);
    if (values.json) {
      const rows = links.map((l) => ({ id: l.id, label: l.label, createdAt: l.createdAt.toISOString(), expiresAt: l.expiresAt?.toISOString() ?? null, lastUsedAt: l.lastUsedAt?.toISOString() ?? null, views: l.views, revoked: l.revokedAt !== null }));
      console.log(JSON.stringify(rows));
    } else {
      for (const l of links) {
        const state = l.revokedAt ? 'revoked' : l.expiresAt && l.expiresAt <= new Date() ? 'expired' : 'active';
        console.log(`${l.id}\t${l.label}\t${state}\texpires ${l.expiresAt?.toISOString() ?? 'never'}\t${l.views} views`);
      }
    }
    return;
  }
  if (sub === 'revoke') {
    const id = parseId(positionals);
    const outcome = revokeShareLink(id, null, db);
    if (outcome === 'not_found') throw new UsageError(`no share link with id ${id}.`);
    console.log(outcome === 'ok' ? `revoked share link ${id}` : `share link ${id} was already revoked`);
    return;
  }
  if (sub === 'rotate') {
    const id = parseId(positionals);
    const issued = rotateShareLink(id, null, db);
    if (issued === 'not_found') throw new UsageError(`no share link with id ${id}.`);
    if (issued === 'revoked') throw new UsageError(`share link ${id} is revoked; create a new one.`);
    console.log(shareUrl(issued.path, baseUrl()));
    return;
  }
  throw new UsageError(SUBCOMMANDS);
}
