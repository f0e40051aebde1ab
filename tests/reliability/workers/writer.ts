// A writer process for the crash and concurrency tests. It prints a line only after saveWeek has
// returned, so every "ack" line is a save the product told a user had succeeded.
//   crash <db> <writerId> <week,week,...>   save forever (until SIGKILL), rotating over the weeks
//   race  <db> <writerId> <week> <version> <saves>   saves at one version once "go" arrives on stdin
//   race-add <db> <writerId> <week> <version> <saves>   the same, each save adding an event of its own (a
//                                                       different field per save, so every one merges)
import fs from 'node:fs';
import { openDatabase } from '@/db/index';
import { saveWeek } from '@/db/queries/save-week';
import { getWeekRecord } from '@/db/queries/weeks';
import { DEFAULT_METRICS } from '@/lib/constants';
import { weekEntrySchema } from '@/lib/validation/week-entry';

const schema = weekEntrySchema(DEFAULT_METRICS);
const say = (line: string) => fs.writeSync(1, `${line}\n`);
const [mode, file, writerId, ...rest] = process.argv.slice(2);
const db = openDatabase(file);
const actor = { userId: 'u-writer', email: 'writer@reliability.test' };

function entry(weekStart: string, baseVersion: number, token: number) {
  return schema.parse({ weekStart, baseVersion, intent: 'draft', values: { health_score: { value: String(token) } } });
}

/** Base version `baseVersion`, nothing changed but one new event: no two racers touch the same field. */
function addEvent(weekStart: string, baseVersion: number, token: number) {
  const event = { title: `event ${token}`, startedAt: `${weekStart}T09:00`, endedAt: '', durationMinutes: '5', grade: '', gradeStatus: '', cause: '', handling: '' };
  return schema.parse({ weekStart, baseVersion, intent: 'draft', incidents: [event] });
}

function errorLine(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return `error ${e.code ?? ''} ${(e.message ?? String(error)).replaceAll('\n', ' ')}`;
}

if (mode === 'crash') {
  const weeks = rest[0].split(',');
  say('ready');
  for (let seq = 1; ; seq++) {
    const week = weeks[seq % weeks.length];
    const token = Number(writerId) * 1_000_000 + seq;
    try {
      const base = getWeekRecord(week, db)?.version ?? 0;
      const outcome = saveWeek(entry(week, base, token), actor, db);
      if (outcome.ok) say(`ack ${week} ${outcome.version} ${token}`);
      else say(`refused ${outcome.kind}`);
    } catch (error) {
      say(errorLine(error));
    }
  }
} else if (mode === 'race' || mode === 'race-add') {
  const [week, version, saves] = [rest[0], Number(rest[1]), Number(rest[2])];
  // Every value differs from every earlier round's: saving what is already stored is a no-op that
  // answers ok without a new version, which would look like a second winner.
  const make = mode === 'race' ? entry : addEvent;
  const entries = Array.from({ length: saves }, (_, i) => make(week, version, Number(writerId) * 1000 + version * 10 + i + 1));
  // Everything is loaded and parsed before "go", so all processes reach BEGIN IMMEDIATE together.
  process.stdin.once('data', () => {
    for (const e of entries) {
      try {
        const outcome = saveWeek(e, actor, db);
        say(outcome.ok ? `won ${outcome.version}` : `refused ${outcome.kind}`);
      } catch (error) {
        say(errorLine(error));
      }
    }
    db.$client.close();
    process.exit(0);
  });
  say('ready');
} else {
  say(`error unknown mode ${mode}`);
  process.exit(2);
}
