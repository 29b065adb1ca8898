// EXT-1, EXT-2, ACT-2: the unpacked extension (dist/extension/, built by `npm start`'s build) in
// headless Chromium, set up against the reference server from its options page; its popup changes
// the status and the remote extension, and an open demo page on the same server shows it.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { aria, launchChromium, startDemo } from '../../scripts/demo-browser.mjs';
import { scratchFolder, startServer } from '../server/spawn.mjs';

const extensionDir = fileURLToPath(new URL('../../dist/extension', import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Chromium's id for an unpacked extension: its path's SHA-256, first 32 hex digits, 0-f as a-p. */
function extensionId(path) {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

const id = extensionId(extensionDir);
let demo;
let scratch;
let server;
let browser;

before(async () => {
  demo = await startDemo(); // builds dist/, the extension included
  scratch = await scratchFolder();
  server = await startServer({
    dataFile: scratch.dataFile,
    env: { CORS_ORIGINS: `${demo.origin},chrome-extension://${id}` },
  });
  browser = await launchChromium([`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await scratch?.remove();
  demo?.stop();
});

async function open(url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

/**
 * Waits, at most a second (ACT-2), until `tag`'s menu button on the page is named `name`. The page
 * is a background tab, where Chromium neither paints nor updates its accessibility tree, so this
 * reads the DOM, polling on a timer rather than on animation frames.
 */
async function shows(page, tag, name) {
  await page.waitForFunction(
    (tagName, wanted) => document.querySelector(tagName)?.shadowRoot?.querySelector('button')?.getAttribute('aria-label') === wanted,
    { polling: 50, timeout: 1000 },
    tag,
    name,
  );
}

describe('the browser extension', () => {
  it('EXT-1 EXT-2 ACT-2 set up against the server, the popup switches status and remote extension, and an open page follows within a second', async () => {
    // Options: the server, its user and token; the connection test says what it found.
    const options = await open(`chrome-extension://${id}/options.html`);
    await options.page.locator(aria('radio', "My platform's server")).click();
    await options.page.locator(aria('textbox', 'Endpoint')).fill(server.base);
    await options.page.locator(aria('textbox', 'User')).fill('demo-user');
    await options.page.locator('#token').fill('demo-token');
    await options.page.locator(aria('button', 'Test connection')).click();
    await options.page.waitForFunction(() => document.getElementById('result')?.textContent?.startsWith('Connected'));
    assert.match(await options.page.$eval('#result', (r) => r.textContent), /Connected to MiVoice MX-One as .+: 3 numbers, status Available\./);
    await options.page.locator(aria('button', 'Save')).click();
    await options.page.waitForFunction(() => document.getElementById('result')?.textContent?.startsWith('Saved'));
    // Runs in the options page, where `chrome` is the extension API.
    const stored = await options.page.evaluate(() => globalThis.chrome.storage.local.get(null));
    assert.equal(stored.token, undefined, 'the token is not on disk unless the user asked');
    assert.deepEqual(options.problems, []);

    // A demo page open on the same server.
    const page = await open(`${demo.origin}/?platform=rest&endpoint=${encodeURIComponent(server.base)}`);
    await page.page.waitForSelector(aria('button', 'Availability: Available'));

    // The popup, by keyboard alone: Tab to the status group, arrow to Do Not Disturb, Space.
    const popup = await open(`chrome-extension://${id}/popup.html`);
    await popup.page.waitForSelector(aria('radio', 'Available'));
    await popup.page.evaluate(axeSource);
    const axe = await popup.page.evaluate(async () => {
      const results = await globalThis.axe.run(document);
      return results.violations.map((v) => `${v.id}: ${v.nodes.length}`);
    });
    assert.deepEqual(axe, [], 'axe finds nothing in the popup');
    const focusedName = () =>
      popup.page.evaluate(() => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return (active?.getAttribute('aria-label') ?? active?.textContent ?? '').trim();
      });
    for (let i = 0; i < 8 && !(await focusedName()).startsWith('Available'); i++) await popup.page.keyboard.press('Tab');
    assert.match(await focusedName(), /^Available/, 'Tab reaches the checked status');
    let started = Date.now();
    await popup.page.keyboard.press('ArrowUp'); // wraps to the last status, Do Not Disturb
    assert.match(await focusedName(), /^Do Not Disturb/);
    await popup.page.keyboard.press('Space');
    await shows(page.page, 'availability-menu', 'Availability: Do Not Disturb');
    const statusDelay = Date.now() - started;

    // The remote extension of the current status, from the popup's dropdown.
    started = Date.now();
    const select = await popup.page.waitForSelector(aria('combobox', 'Remote Extension'));
    await select.select('work-mobile');
    await shows(page.page, 'call-using-footer', 'Call Using: Remote Extension Work mobile');
    const remoteDelay = Date.now() - started;
    console.log(`popup → page: status ${statusDelay} ms, remote extension ${remoteDelay} ms`);

    assert.deepEqual(popup.problems, []);
    assert.deepEqual(page.problems, []);
  });
});
