// Runs one restore (the code behind `npm run kpi -- restore`) and says "done" when it returned.
import fs from 'node:fs';
import { restoreDatabase } from '@/db/queries/backup';

const [source, target] = process.argv.slice(2);
fs.writeSync(1, 'ready\n');
void restoreDatabase(source, target).then(
  () => fs.writeSync(1, 'done\n'),
  (error: unknown) => fs.writeSync(1, `error ${String(error).replaceAll('\n', ' ')}\n`),
);
