import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.next/**', 'e2e/**'],
    environment: 'node',
    // Vite exports BASE_URL=/ by default; the app reads BASE_URL as its public URL, so unset it.
    env: { BASE_URL: '' },
    // Query tests each open their own :memory: database; no shared state between files.
    pool: 'forks',
    // Property tests run hundreds of generated cases; 5 s flakes on a busy 2-core machine. Speed targets
    // live in `npm run bench`, never in test time-outs.
    testTimeout: 30_000,
  },
});
