import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '@/lib/demo-data';
import { openDatabase } from '../index';
import { prepareDatabase } from '../setup';
import { getPublishedBounds } from './dashboard';
import { loadDashboardModel } from './dashboard-load';
import { writeDemoData } from './demo';
import { backupDatabase, restoreDatabase } from './backup';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** One database file opened twice: the "server" connection and a "CLI" connection, as two processes would. */
function twoConnections() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekline-shared-'));
  dirs.push(dir);
  const file = path.join(dir, 'kpi.db');
  const server = prepareDatabase(openDatabase(file));
  writeDemoData(generateDemoData({ weeks: 30, endWeek: '2024-06-03', seed: 3 }), { reset: false }, server);
  return { file, dir, server, cli: openDatabase(file) };
}

function healthTile(db: ReturnType<typeof openDatabase>) {
  const { earliest, latest } = getPublishedBounds(db)!;
  const model = loadDashboardModel({ from: earliest, to: latest, latestWeek: latest, lang: 'en', numbering: 'jan1' }, db);
  return { model, latest, value: model.tiles.find((t) => t.metric.key === 'health_score')!.value };
}

describe('the dashboard model shared between readers', () => {
  it('is computed once while nothing changes', () => {
    const { server, cli } = twoConnections();
    expect(healthTile(server).model).toBe(healthTile(server).model);
    server.$client.close();
    cli.$client.close();
  });

  it('shows a write made through another connection on the very next read', () => {
    const { server, cli } = twoConnections();
    const before = healthTile(server);
    cli.$client.prepare(`UPDATE metric_values SET value = value + 7 WHERE week_start = ? AND metric_id = (SELECT id FROM metrics WHERE key = 'health_score')`).run(before.latest);
    const after = healthTile(server);
    expect(after.value).toBe(before.value! + 7);
    server.$client.close();
    cli.$client.close();
  });

  it('never mistakes the data after a restore for what it had cached under the same version number', async () => {
    const { file, dir, server, cli } = twoConnections();
    cli.$client.close();
    const before = healthTile(server);
    const bump = (by: number) =>
      server.$client
        .prepare(`UPDATE metric_values SET value = value + ? WHERE week_start = ? AND metric_id = (SELECT id FROM metrics WHERE key = 'health_score')`)
        .run(by, before.latest);
    const backup = path.join(dir, 'backup.db');
    backupDatabase(server, backup);
    // The live data moves on (+7) and is read; then the backup comes back and a different edit (+3) is made,
    // which would bring the counter back to the number it had when +7 was read.
    bump(7);
    expect(healthTile(server).value).toBe(before.value! + 7);
    await restoreDatabase(backup, file);
    bump(3);
    expect(healthTile(server).value).toBe(before.value! + 3);
    server.$client.close();
  });
});
