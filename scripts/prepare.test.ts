import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// vitest puts Vite's BASE_URL=/ into the environment; the app's BASE_URL is a full URL, so clear it.
const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');

function start(env: Record<string, string>) {
  const result = spawnSync(tsx, ['scripts/prepare.ts'], { env: { ...process.env, BASE_URL: '', ...env }, encoding: 'utf8', timeout: 60_000 });
  const lines = result.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('npm warn'));
  return { status: result.status, lines };
}

describe('npm start (its prepare step) with bad configuration', () => {
  it('stops with one sentence for a bad WEEK_NUMBERING', () => {
    const { status, lines } = start({ WEEK_NUMBERING: 'weekly' });
    expect(status).toBe(1);
    expect(lines).toEqual(['weekline: WEEK_NUMBERING must be "jan1" or "iso" (got "weekly").']);
  });

  it('stops with one sentence for a DATABASE_PATH it cannot write', () => {
    const { status, lines } = start({ DATABASE_PATH: '/etc/passwd/weekline.db' });
    expect(status).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^weekline: Cannot open the database at DATABASE_PATH=\/etc\/passwd\/weekline\.db .*point it to a writable file\.$/);
  });
});
