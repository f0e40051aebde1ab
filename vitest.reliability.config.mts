// `npm run test:reliability`: the slow fault and load tests (real files, child processes, SIGKILL).
// They are named *.stress.ts so the everyday `vitest run` (which takes every *.test.ts) stays fast.
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['tests/reliability/**/*.stress.ts'],
    environment: 'node',
    pool: 'forks',
    // One at a time: they spawn their own processes and the machine has few cores.
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
