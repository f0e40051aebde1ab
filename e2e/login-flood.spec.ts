// Login guessing against the real server: 30 wrong passwords at once from one client get at most 5 checked;
// after that even the right password is refused on that client until the window ends, while the same
// account can still log in from another client (another source address, not a header).
import { expect, test } from '@playwright/test';
import { like } from 'drizzle-orm';
import { loginAttempts } from '@/db/schema';
import { insertUser } from '@/db/queries/users';
import { openE2eDb } from './fixtures/helpers';
import { loginFrom } from './fixtures/from-address';

const PASSWORD = 'flood-password-123';

test('30 parallel wrong passwords: at most 5 evaluated, the right one refused after, another client still gets in', async () => {
  const db = openE2eDb();
  const { email } = await insertUser({ email: `flood-${Date.now().toString(36)}@flood.test`, role: 'admin', password: PASSWORD }, db);
  db.$client.close();

  const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => loginFrom('127.0.0.1', email, `wrong-guess-${i}-xyz`)));
  const tally = { wrong: 0, locked: 0, other: 0, 'signed-in': 0 };
  for (const r of burst) tally[r.outcome]++;
  // "Wrong email or password" means the password was checked; "too many attempts" means it was not.
  expect(tally).toEqual({ wrong: 5, locked: 25, other: 0, 'signed-in': 0 });

  // The right password, after the lock, from the same client: refused without a session.
  expect((await loginFrom('127.0.0.1', email, PASSWORD)).outcome).toBe('locked');

  // The same account from a second client (another source address) logs in.
  expect((await loginFrom('127.0.0.2', email, PASSWORD)).outcome).toBe('signed-in');
  expect((await loginFrom('127.0.0.1', email, PASSWORD)).outcome).toBe('locked');

  // When the window ends (moved to now in the database, instead of waiting 15 minutes) the right password works.
  const after = openE2eDb();
  after.update(loginAttempts).set({ resetsAt: new Date(Date.now() - 1) }).where(like(loginAttempts.key, `%${email}%`)).run();
  after.$client.close();
  expect((await loginFrom('127.0.0.1', email, PASSWORD)).outcome).toBe('signed-in');
});
