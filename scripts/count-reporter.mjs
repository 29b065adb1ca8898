// A web-test-runner reporter that counts test results per browser and times each test file.
//
// It prints one line per browser (e.g. `Chromium: 40 passed, 0 failed, 0 skipped`) and the five
// slowest test files when the run stops, and writes both as JSON to the file named by
// WTR_COUNT_FILE (default: node_modules/.cache/wtr-counts.json) so that scripts/test.mjs can print
// the totals.
//
// A file's time runs from its page being opened to the page being closed, in one browser.
//
// Counting rules:
// - every test in a session's result tree counts once: skipped, passed or failed;
// - a session (one test file in one browser) that failed without any failed test in its tree
//   (the file did not load, a hook threw, `.only` was forbidden, the browser timed out, ...)
//   counts as one failed test, so that it cannot be lost.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

export const defaultCountFile = resolve('node_modules', '.cache', 'wtr-counts.json');

/** @param {import('@web/test-runner-core').TestSuiteResult | undefined} suite */
function countSuite(suite, counts, path, failures, where) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    const name = [...path, test.name].join(' > ');
    if (test.skipped) {
      counts.skipped += 1;
      counts.skippedTests.push(`${where}: ${name}`);
    } else if (test.passed) {
      counts.passed += 1;
    } else {
      counts.failed += 1;
      failures.push(`${where}: ${name}${test.error?.message ? ` — ${test.error.message}` : ''}`);
    }
  }
  for (const child of suite.suites ?? []) {
    countSuite(child, counts, [...path, child.name], failures, where);
  }
}

/**
 * @param {import('@web/test-runner-core').TestSession[]} sessions
 */
export function countSessions(sessions) {
  /** @type {Record<string, {passed: number, failed: number, skipped: number, files: number, skippedTests: string[], failures: string[]}>} */
  const browsers = {};
  for (const session of sessions) {
    const browserName = session.browser?.name ?? 'unknown';
    const counts = (browsers[browserName] ??= {
      passed: 0,
      failed: 0,
      skipped: 0,
      files: 0,
      skippedTests: [],
      failures: [],
    });
    counts.files += 1;
    const file = relative(process.cwd(), session.testFile);
    const where = `[${browserName}] ${file}`;
    const failedBefore = counts.failed;
    countSuite(session.testResults, counts, [], counts.failures, where);
    if (session.passed === false && counts.failed === failedBefore) {
      counts.failed += 1;
      const reasons = (session.errors ?? []).map((e) => e.message).filter(Boolean);
      counts.failures.push(
        `${where}: test file failed outside of any test${reasons.length ? ` — ${reasons.join('; ')}` : ''}`,
      );
    }
  }
  const total = { passed: 0, failed: 0, skipped: 0, files: 0 };
  for (const counts of Object.values(browsers)) {
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    total.files += counts.files;
  }
  return { browsers, total };
}

/** The `count` slowest of `times` ({ file, browser, ms }), as lines to print. */
export function slowest(times, count = 5) {
  return [...times]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map(({ file, browser, ms }) => `${(ms / 1000).toFixed(1).padStart(6)} s  ${file}${browser ? ` (${browser})` : ''}`);
}

/**
 * @param {{ outFile?: string, print?: boolean }} [options]
 * @returns {import('@web/test-runner-core').Reporter}
 */
export function countReporter({ outFile = process.env.WTR_COUNT_FILE || defaultCountFile, print = true } = {}) {
  /** @type {import('@web/test-runner-core').ReporterArgs['config'] | undefined} */
  let config;
  /** When each session's page was opened, by session id. */
  const opened = new Map();
  /** @type {Array<{ file: string, browser: string, ms: number }>} */
  const times = [];

  function write(sessions) {
    const result = { ...countSessions(sessions), times };
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
    return result;
  }

  return {
    start(args) {
      config = args.config;
      args.sessions.on('session-status-updated', (session) => {
        if (session.status === 'INITIALIZING') opened.set(session.id, Date.now());
        if (session.status === 'FINISHED' && opened.has(session.id)) {
          const file = relative(process.cwd(), session.testFile);
          times.push({ file, browser: session.browser?.name ?? 'unknown', ms: Date.now() - opened.get(session.id) });
          opened.delete(session.id);
        }
      });
    },
    onTestRunFinished({ sessions }) {
      // Keeps the file current in watch mode, where stop() only runs on exit.
      write(sessions);
    },
    stop({ sessions }) {
      const result = write(sessions);
      if (!print) return;
      const lines = [''];
      for (const [name, c] of Object.entries(result.browsers)) {
        lines.push(`${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped (${c.files} test file${c.files === 1 ? '' : 's'})`);
      }
      if (Object.keys(result.browsers).length === 0) lines.push('No test sessions ran.');
      if (times.length > 0) lines.push('Slowest test files:', ...slowest(times));
      const log = config?.logger ?? console;
      for (const line of lines) log.log(line);
    },
  };
}
