// web-test-runner: runs test/**/*.test.ts in headless Chromium and headless Firefox.
//
// Environment:
//   CHROME_PATH     Chromium/Chrome binary  (default /usr/bin/chromium)
//   FIREFOX_PATH    Firefox binary          (default /usr/bin/firefox-esr)
//   WTR_FILES       comma-separated globs overriding the test files (the CLI `--files` works too)
//   WTR_BROWSERS    comma-separated subset of "chromium,firefox" (default: both)
//   WTR_CONCURRENCY test files run at once per browser (default 1; the machine has 2 cores)
//   WTR_CONCURRENT_BROWSERS  browsers run at once (default 1: one after the other)
//   WTR_FORBID_ONLY set to 1 to make `it.only` / `describe.only` fail the run (scripts/test.mjs
//                   and CI set it)
//   WTR_COUNT_FILE  where scripts/count-reporter.mjs writes its JSON counts
import { fileURLToPath } from 'node:url';
import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { countReporter } from './scripts/count-reporter.mjs';
import { forcedColorsPlugin } from './test/forced-colors-plugin.mjs';
import { restServerPlugin } from './test/rest-server-plugin.mjs';

const env = process.env;

const firefoxPath = env.FIREFOX_PATH || '/usr/bin/firefox-esr';


const list = (value) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function makeChromium() {
  const launcher = chromeLauncher({
    launchOptions: {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
    },
  });
  launcher.name = 'Chromium';
  return launcher;
}

/** `forcedColors`: started in Firefox's own High Contrast Mode (forced colours "Always"). */
function makeFirefox({ forcedColors = false } = {}) {
  const launcher = puppeteerLauncher({
    launchOptions: {
      browser: 'firefox',
      executablePath: firefoxPath,
      headless: true,
      // Firefox runs every test with the system in dark mode (Chromium stays light), so each
      // accessibility check sees both colour schemes. Puppeteer cannot switch it from a test.
      extraPrefsFirefox: {
        'layout.css.prefers-color-scheme.content-override': 0,
        ...(forcedColors ? { 'browser.display.document_color_use': 2 } : {}),
      },
    },
  });
  launcher.name = forcedColors ? 'Firefox (forced colours)' : 'Firefox';
  return launcher;
}

const wantedBrowsers = list(env.WTR_BROWSERS).map((b) => b.toLowerCase());
const wants = (name) => wantedBrowsers.length === 0 || wantedBrowsers.includes(name);
const browsers = [];
const chromium = wants('chromium') ? makeChromium() : null;
if (chromium) browsers.push(chromium);
if (wants('firefox')) browsers.push(makeFirefox());
if (browsers.length === 0) {
  throw new Error(`WTR_BROWSERS=${env.WTR_BROWSERS}: expected a comma-separated subset of "chromium,firefox"`);
}

/**
 * Every test file imports test/lit-warnings.ts before anything else, so that a Lit warning fails
 * the test that caused it. Added on the file's first line, so line numbers in stacks stay true.
 */
function litWarningsFailTests() {
  return {
    name: 'lit-warnings-fail-tests',
    transform(context) {
      if (!context.path.endsWith('.test.ts') || typeof context.body !== 'string') return undefined;
      return { body: `import '/test/lit-warnings.ts';${context.body}` };
    },
  };
}

const files = list(env.WTR_FILES);

/**
 * The forced-colours test (issue 18) runs in a group of its own: in Chromium, which switches
 * forced colours from the test (CDP, test/forced-colors-plugin.mjs), and in a Firefox started in
 * High Contrast Mode, because Firefox cannot switch it from a test: puppeteer's
 * `emulateMediaFeatures` needs CDP, and this Firefox answers the WebDriver BiDi command
 * `emulation.setForcedColorsModeThemeOverride` with "unknown command". Every other run leaves the
 * file out. It runs when all tests do, or when WTR_FILES names it (not with the CLI's --files).
 */
const FORCED_COLORS_TEST = 'test/components/forced-colors.test.ts';
const forcedColorsWanted = files.length === 0 || files.some((f) => f.includes('forced-colors'));
const defaultFiles = [...(files.length > 0 ? files : ['test/**/*.test.ts']), `!${FORCED_COLORS_TEST}`];
const defaultSelection = files.length === 0 || files.some((f) => !f.includes('forced-colors'));
const forcedColorsBrowsers = [chromium, wants('firefox') ? makeFirefox({ forcedColors: true }) : null].filter(Boolean);
const groups =
  forcedColorsWanted && forcedColorsBrowsers.length > 0
    ? [{ name: 'forced-colors', files: [FORCED_COLORS_TEST], browsers: forcedColorsBrowsers }]
    : [];
const positive = (value, fallback) => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: defaultSelection ? defaultFiles : undefined,
  groups,
  nodeResolve: true,
  browsers,
  // One browser after the other, one file at a time: measured against both browsers at once
  // (README, Tests), it was 11 % slower on an idle two-core machine and faster and steadier with
  // one core busy.
  concurrency: positive(env.WTR_CONCURRENCY, 1),
  concurrentBrowsers: positive(env.WTR_CONCURRENT_BROWSERS, 1),
  // Ceilings, not expectations: they only turn a hang into a failure, so they are generous enough
  // for a two-core machine whose cores are both busy. Tests wait for events (test/wait.ts); how
  // long each file takes is printed at the end of every run, and no file should take 30 s.
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 300_000,
  plugins: [
    restServerPlugin(),
    // `forced-colors` command: Windows High Contrast-style forced colours, in both browsers.
    forcedColorsPlugin(),
    // target es2022: with the default 'auto', standard decorators reach the browser untranspiled.
    // The tsconfig keeps esbuild's class-field/decorator semantics the same as tsc's.
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
    litWarningsFailTests(),
  ],
  testFramework: {
    config: {
      ui: 'bdd',
      // Per test; longer than test/wait.ts's ceiling, so that a wait that never ends fails with
      // its own message.
      timeout: 60_000,
      ...(env.WTR_FORBID_ONLY === '1' || env.CI === 'true' ? { forbidOnly: true } : {}),
    },
  },
  // Lit's one-time "dev mode" notice adds nothing to a test report; every other log is kept.
  filterBrowserLogs: ({ args }) =>
    !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  reporters: [defaultReporter(), countReporter()],
};
