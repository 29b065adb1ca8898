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
 * Starts watching for `tag`'s menu button on the page to be named `name`, and returns a function
 * that waits for it and answers when it happened, by the page's clock (this machine's, as
 * `Date.now()` here). The page is a background tab, where Chromium runs timers at most once a
 * second and neither paints nor updates its accessibility tree: a poll would measure that
 * throttling, so a MutationObserver notes the change as it happens, and the wait for the note has
 * only a generous ceiling.
 */
async function watchFor(page, tag, name) {
  await page.evaluate(
    (tagName, wanted) => {
      const host = document.querySelector(tagName);
      const named = () => host?.shadowRoot?.querySelector('button')?.getAttribute('aria-label') === wanted;
      const seen = (globalThis.__seenAt ??= {});
      const observer = new MutationObserver(() => {
        if (!named()) return;
        seen[wanted] = Date.now();
        observer.disconnect();
      });
      observer.observe(host.shadowRoot, { subtree: true, childList: true, attributes: true });
    },
    tag,
    name,
  );
  return async () => {
    await page.waitForFunction((wanted) => globalThis.__seenAt?.[wanted] !== undefined, { polling: 100, timeout: 30_000 }, name);
    return page.evaluate((wanted) => globalThis.__seenAt[wanted], name);
  };
}

describe('the browser extension', () => {
  it('EXT-1 EXT-2 ACT-2 SYNC-5 set up against the server, the popup switches status and remote extension, and an open page follows within a second', async () => {
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
    await popup.page.keyboard.press('ArrowUp'); // wraps to the last status, Do Not Disturb
    assert.match(await focusedName(), /^Do Not Disturb/);
    const statusShown = await watchFor(page.page, 'availability-menu', 'Availability: Do Not Disturb');
    let started = Date.now();
    await popup.page.keyboard.press('Space');
    const statusDelay = (await statusShown()) - started;

    // The remote extension of the current status, from the popup's dropdown.
    const select = await popup.page.waitForSelector(aria('combobox', 'Remote Extension for Do Not Disturb'));
    const remoteShown = await watchFor(page.page, 'call-using-footer', 'Call Using: Remote Extension Work mobile');
    started = Date.now();
    await select.select('work-mobile');
    const remoteDelay = (await remoteShown()) - started;
    console.log(`popup → page: status ${statusDelay} ms, remote extension ${remoteDelay} ms`);
    // SYNC-5: within a second, from the key press in the popup to the change in the open page.
    assert.ok(statusDelay < 1000, `the status took ${statusDelay} ms to reach the page`);
    assert.ok(remoteDelay < 1000, `the remote extension took ${remoteDelay} ms to reach the page`);

    assert.deepEqual(popup.problems, []);
    assert.deepEqual(page.problems, []);
  });
});
