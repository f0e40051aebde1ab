import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { getDb } from '@/db/index';
import { getUserByEmail, insertUser, listUsers, setUserDisabled } from '@/db/queries/users';
import { prepareDatabase } from '@/db/setup';
import { newUserSchema } from '@/lib/validation/auth';
import { localize } from '@/lib/i18n/form-labels';
import { UsageError } from '../lib/cli';

export async function userCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const db = prepareDatabase(getDb());

  if (sub === 'create') {
    const generated = values.password ? null : randomBytes(12).toString('base64url');
    const parsed = newUserSchema.safeParse({ ...values, password: values.password ?? generated });
    if (!parsed.success) {
      // The schema's messages are catalogue keys; the command line speaks English.
      throw new UsageError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${localize(i.message, 'en')}`).join(' '));
    }
    if (getUserByEmail(parsed.data.email, db)) throw new UsageError(`a user with email ${parsed.data.email} already exists.`);
    const created = await insertUser(parsed.data, db);
    console.log(`created ${created.role} ${created.email}${generated ? ` with password ${generated} (shown only this once)` : ''}`);
    return;
  }
  if (sub === 'list') {
    const users = listUsers(db);
    if (values.json) console.log(JSON.stringify(users));
    else for (const u of users) console.log(`${u.email}\t${u.role}${u.disabled ? '\tdisabled' : ''}`);
    return;
  }
  if (sub === 'disable' || sub === 'enable') {
    const user = values.email ? getUserByEmail(values.email, db) : null;
    if (!user) throw new UsageError(`no user with email ${values.email ?? '(missing --email)'}.`);
    const outcome = setUserDisabled(user.id, sub === 'disable', null, db);
    if (outcome === 'last_admin') throw new UsageError('that is the last active admin; make another admin first.');
    console.log(`${sub}d ${user.email}`);
    return;
  }
  throw new UsageError('user takes create, list, disable or enable.');
}
