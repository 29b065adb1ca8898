#!/usr/bin/env node
// `npm test`: type-check, lint, lit-analyzer, build (and check the README's element reference and
// the bundle's size), the browser tests in Chromium and Firefox, then the end-to-end tests of the
// served demo.
// Output is streamed. The run stops at the first failing check.
//
// When the tests ran, the last line printed is `N passed, N failed` (summed over both browsers
// and the end-to-end tests). The exit code is non-zero when a check fails, a test fails, a test is skipped,
// or no test ran.
//
// Extra arguments go to web-test-runner, e.g. `npm test -- --files test/foo.test.ts`; then the
// end-to-end tests are left out.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { slowest } from './count-reporter.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const wtrArgs = process.argv.slice(2);

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${[command.replace(`${root}/`, ''), ...args].join(' ')}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...env },
    });
    child.on('error', (error) => {
      console.error(`${label}: could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const status = signal ? `killed by ${signal}` : `exit code ${code}`;
      console.log(`=== ${label}: ${code === 0 ? 'ok' : `FAILED (${status})`} in ${seconds}s`);
      resolve(code ?? 1);
    });
  });
}

function failCheck(label) {
  console.error(`\nnpm test: the ${label} check failed; the browser tests were not run.`);
  process.exit(1);
}

function hasTsFiles(dir) {
  if (!existsSync(dir)) return false;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory() ? hasTsFiles(path) : /\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name)) {
      return true;
    }
  }
  return false;
}

// 1. Type-check.
if ((await run('tsc', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])) !== 0) failCheck('tsc');
// The reference server is Node code with Node's types, checked on its own.
if ((await run('tsc (server)', bin('tsc'), ['--noEmit', '-p', 'demo/server/tsconfig.json'])) !== 0) failCheck('tsc (server)');

// 2. Lint.
if ((await run('eslint', bin('eslint'), ['.'])) !== 0) failCheck('eslint');

// 3. lit-analyzer on the components, when there are any.
if (hasTsFiles(join(root, 'components'))) {
  // --strict turns warnings into failures. Its CSS data predates `color-scheme` and `light-dark()`,
  // which both browsers support, so only that one rule is off.
  const code = await run('lit-analyzer', bin('lit-analyzer'), [
    'components/**/*.ts',
    '--noColor',
    '--strict',
    '--rules.no-invalid-css',
    'off',
  ]);
  if (code !== 0) failCheck('lit-analyzer');
} else {
  console.log('\n=== lit-analyzer: skipped (no .ts files in components/)');
}

// 4. The REST contract: openapi.yaml must be a valid OpenAPI 3.1 document.
if ((await run('OpenAPI', process.execPath, ['scripts/check-openapi.mjs'])) !== 0) failCheck('OpenAPI document');

// 5. Build: the bundle, the library, the demo scripts (the embed tests load them), the type
// declarations and custom-elements.json; then check the README's element reference against it.
if ((await run('rollup', bin('rollup'), ['-c'])) !== 0) failCheck('build (rollup)');
if ((await run('declarations', bin('tsc'), ['-p', 'tsconfig.build.json'])) !== 0) failCheck('build (declarations)');
if ((await run('manifest', bin('cem'), ['analyze', '--config', 'custom-elements-manifest.config.mjs'])) !== 0) {
  failCheck('build (custom-elements.json)');
}
if ((await run('README reference', process.execPath, ['scripts/element-docs.mjs', '--check'])) !== 0) {
  failCheck('README element reference');
}
// The bundle's size, gzip -9 (the render counts are browser tests: renders-per-change.test.ts).
if ((await run('bundle size', process.execPath, ['scripts/bundle-size.mjs'])) !== 0) failCheck('bundle size');
// The extension as Firefox's add-on reviewers see it: 0 errors and 0 warnings in our files, and
// only its one known finding in Lit's (see the script).
if ((await run('web-ext lint', process.execPath, ['scripts/lint-extension.mjs'])) !== 0) {
  failCheck('web-ext lint');
}

// 6. Browser tests.
const scratch = mkdtempSync(join(tmpdir(), 'wtr-counts-'));
const countFile = join(scratch, 'counts.json');
const wtrCode = await run('web-test-runner', bin('wtr'), ['--config', 'web-test-runner.config.mjs', ...wtrArgs], {
  WTR_COUNT_FILE: countFile,
  WTR_FORBID_ONLY: '1',
});

let counts;
try {
  counts = JSON.parse(readFileSync(countFile, 'utf8'));
} catch {
  counts = undefined;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (!counts) {
  console.error(`\nnpm test: web-test-runner (exit code ${wtrCode}) reported no results; it did not run the tests.`);
  process.exit(1);
}

const { total, browsers } = counts;
const problems = [];
for (const [name, c] of Object.entries(browsers)) {
  for (const failure of c.failures) problems.push(`failed:  ${failure}`);
  for (const skipped of c.skippedTests) problems.push(`skipped: ${skipped}`);
  if (c.passed + c.failed === 0) problems.push(`no test ran in ${name}`);
}
if (Object.keys(browsers).length === 0) problems.push('no test session ran');
if (total.skipped > 0) problems.push(`${total.skipped} skipped test(s): skipped tests are not allowed`);
if (wtrCode !== 0 && total.failed === 0) problems.push(`web-test-runner exited with code ${wtrCode}`);

// 7. Node tests (node:test): the reference server on its own (test/server/), the linter's layer
// rules against their fixtures (test/lint/), and end to end, the demo served as `npm start` serves
// it, in headless Chromium (test/e2e/). One file at a time, each
// timed; the demo is served from the build of step 5 (DEMO_BUILT). Left out only when extra
// arguments picked some browser test files.
const e2e = { passed: 0, failed: 0, skipped: 0, ran: false };
/** How long each test file took: the browser files in each browser, then the Node files. */
const times = [...(counts.times ?? [])];
if (wtrArgs.length === 0) {
  const nodeFiles = ['test/server', 'test/lint', 'test/e2e'].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((name) => name.endsWith('.test.mjs'))
      .sort()
      .map((name) => `${dir}/${name}`),
  );
  const tapDir = mkdtempSync(join(tmpdir(), 'node-tap-'));
  e2e.ran = true;
  for (const [i, file] of nodeFiles.entries()) {
    const tapFile = join(tapDir, `${i}.tap`);
    const started = Date.now();
    const code = await run(`node test ${file}`, process.execPath, [
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      file,
    ], { DEMO_BUILT: '1' });
    times.push({ file, browser: 'Node', ms: Date.now() - started });
    const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
    const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
    e2e.passed += count('pass');
    e2e.failed += count('fail');
    e2e.skipped += count('skipped') + count('todo');
    if (code !== 0 && count('fail') === 0) problems.push(`${file}: node --test exited with code ${code}`);
  }
  rmSync(tapDir, { recursive: true, force: true });
  if (e2e.passed + e2e.failed === 0) problems.push('no Node test ran');
  if (e2e.skipped > 0) problems.push(`${e2e.skipped} skipped Node test(s)`);
}

console.log('');
for (const [name, c] of Object.entries(browsers)) {
  const files = `${c.files} test file${c.files === 1 ? '' : 's'}`;
  console.log(`  ${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped (${files})`);
}
if (e2e.ran) console.log(`  Node (server, lint, end to end): ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
if (times.length > 0) {
  console.log('\nSlowest test files:');
  for (const line of slowest(times)) console.log(`  ${line}`);
}
if (problems.length > 0) {
  console.log('\nProblems:');
  for (const problem of problems) console.log(`  ${problem}`);
}

const passed = total.passed + e2e.passed;
const failed = total.failed + e2e.failed;
const ok = problems.length === 0 && failed === 0 && total.passed > 0 && wtrCode === 0;
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
