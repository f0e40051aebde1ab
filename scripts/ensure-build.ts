// Builds only when there is no build or a source changed, so `npm test` is quick to rerun.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildIsStale } from './lib/build-state';

if (buildIsStale(process.cwd())) {
  const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
  const result = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
