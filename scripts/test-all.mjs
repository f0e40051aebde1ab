// `npm test`: type-check, lint, unit tests, then the browser tests against the real build.
// Ends with one summary line, "summary: N passed, N failed", counting both test runners.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
// Playwright empties test-results/ when it starts, so the vitest reports are kept beside it.
const out = path.join(root, 'test-results-summary');
fs.mkdirSync(out, { recursive: true });
const vitestJson = path.join(out, 'vitest.json');
const playwrightJson = path.join(root, process.env.E2E_OUTPUT ?? 'test-results', 'playwright.json');
const reliabilityJson = path.join(out, 'reliability.json');
for (const f of [vitestJson, playwrightJson, reliabilityJson]) fs.rmSync(f, { force: true });

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const steps = [
  ['type-check', bin('tsc'), ['--noEmit']],
  ['lint', bin('eslint'), ['.', '--max-warnings=0']],
  ['unit tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]],
  // Crash, concurrency and backup-under-load tests (docs/RELIABILITY.md): a few minutes, child processes.
  ['reliability tests', bin('vitest'), ['run', '-c', 'vitest.reliability.config.mts', '--reporter=default', '--reporter=json', `--outputFile.json=${reliabilityJson}`]],
  ['build', bin('tsx'), ['scripts/ensure-build.ts']],
  ['browser tests', bin('playwright'), ['test']],
];

let failedStep = null;
for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}`);
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  const result = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    failedStep = name;
    console.error(`✖ ${name} failed`);
    break;
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = failedStep && !['unit tests', 'reliability tests', 'browser tests'].includes(failedStep) ? 1 : 0;
for (const file of [vitestJson, reliabilityJson]) {
  const vitest = readJson(file);
  if (vitest) {
    passed += vitest.numPassedTests;
    failed += vitest.numFailedTests;
  }
}
const playwright = readJson(playwrightJson);
if (playwright?.stats) {
  passed += playwright.stats.expected + (playwright.stats.flaky ?? 0);
  failed += playwright.stats.unexpected;
}
if (failedStep && failed === 0) failed = 1;
console.log(`\nsummary: ${passed} passed, ${failed} failed`);
process.exit(failedStep ? 1 : 0);
