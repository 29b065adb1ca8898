/**
 * Lit's dev-mode warnings are test failures: a warning printed while a test runs (its hooks
 * included) fails that test, with the warning as its error. web-test-runner.config.mjs makes every
 * test file import this module first, so no test file can forget it.
 *
 * Lit prints each distinct warning once per page (the set `globalThis.litIssuedWarnings`); the set
 * is emptied before each test, so a second test that causes the same warning fails as well.
 */
const LIT_WARNING = /lit\.dev\/msg\/(?<code>[\w-]+)/u;
/** The notice, printed once as Lit loads, that it runs in dev mode: what tests want. */
const EXPECTED = new Set(['dev-mode']);

let heard: string[] = [];

const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  const code = LIT_WARNING.exec(text)?.groups?.['code'];
  if (code !== undefined && !EXPECTED.has(code)) heard.push(text);
  warn(...args);
};

beforeEach(() => {
  (globalThis as { litIssuedWarnings?: Set<unknown> }).litIssuedWarnings?.clear();
});

afterEach(function () {
  if (heard.length === 0) return;
  const warnings = heard;
  heard = [];
  // A hook's `error()` fails the test it ran after (Mocha's Runner#hook), not the hook.
  (this.test as Mocha.Hook).error(new Error(`Lit warned while this test ran:\n${warnings.join('\n')}`));
});
