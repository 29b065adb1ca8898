#!/usr/bin/env node
// `npm run screenshots`: starts the demo (`npm start`), walks it in headless Chromium to the states
// the README shows, and writes docs/screenshot-*.png. Each shot starts from the sample data.
// The main demo is also shot in the dark scheme (Availability menu open) and at 320 px wide
// (screenshot-dark.png, screenshot-320.png); docs/before/ holds the same shots from before issue 18.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { aria, launchChromium, startDemo } from './demo-browser.mjs';

const docs = new URL('../docs/', import.meta.url);
const demo = await startDemo();
const extensionDir = fileURLToPath(new URL('../dist/extension', import.meta.url));
const browser = await launchChromium([`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]);

/** Chromium's id for an unpacked extension: its path's SHA-256, first 32 hex digits, 0-f as a-p. */
function extensionId(path) {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

async function page(path, { width = 1180, height = 760, dark = false } = {}) {
  const context = await browser.createBrowserContext(); // its own IndexedDB: the sample data
  const tab = await context.newPage();
  await tab.setViewport({ width, height });
  await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: dark ? 'dark' : 'light' }]);
  await tab.goto(`${demo.origin}${path}`, { waitUntil: 'load' });
  await tab.waitForSelector(aria('button', 'Availability: Available'));
  return tab;
}

async function shoot(tab, name, options = {}) {
  const path = fileURLToPath(new URL(`screenshot-${name}.png`, docs));
  await tab.screenshot({ path, ...options });
  console.log(`wrote docs/screenshot-${name}.png`);
  await tab.browserContext().close();
}

try {
  {
    const tab = await page('/#my-numbers');
    await tab.locator(aria('button', 'More actions for My Numbers')).click();
    await tab.locator(aria('menuitem', 'New')).click();
    await tab.locator(aria('textbox', 'Label')).fill('Cabin');
    await tab.locator(aria('textbox', 'Number')).fill('09818123456');
    await tab.locator(aria('checkbox', 'Remote Extension')).click();
    await shoot(tab, 'add-number');
  }
  {
    const tab = await page('/#manage-status');
    await tab.locator(aria('button', 'In a Meeting')).click();
    const select = await tab.waitForSelector(aria('combobox', 'Remote Extension'));
    await select.select('work-mobile');
    await shoot(tab, 'edit-status');
  }
  {
    const tab = await page('/#contacts');
    await tab.locator(aria('button', 'Availability: Available')).click();
    await tab.locator(aria('menuitemradio', 'Work from Home')).click();
    await tab.waitForSelector(aria('button', 'Call Using: Remote Extension Work mobile'));
    await tab.locator(aria('button', 'Call Maria Berg')).click();
    await tab.waitForSelector(aria('dialog', 'Place Call With'));
    await shoot(tab, 'place-call');
  }
  {
    const tab = await page('/demo/intranet.html');
    await tab.waitForSelector(aria('button', 'Edit Home'));
    await shoot(tab, 'intranet');
  }
  {
    // The main demo in the dark scheme, the Availability menu open over it.
    const tab = await page('/', { dark: true });
    await tab.locator(aria('button', 'Availability: Available')).click();
    await tab.waitForSelector(aria('menuitemradio', 'Work from Home'));
    await shoot(tab, 'dark');
  }
  {
    // The main demo on a 320 px phone, the whole page (wider than 320 if anything overflows).
    const tab = await page('/', { width: 320, height: 640 });
    await shoot(tab, '320', { fullPage: true });
  }
  {
    // The popup on its demo platform (its default until the options say otherwise). Extensions
    // run only in the default context, which is fresh in each launch.
    const tab = await browser.newPage();
    await tab.setViewport({ width: 320, height: 600 }); // a popup grows to its content, up to 600 px
    await tab.goto(`chrome-extension://${extensionId(extensionDir)}/popup.html`, { waitUntil: 'load' });
    await tab.waitForSelector(aria('radio', 'Available'));
    await tab.screenshot({ path: fileURLToPath(new URL('screenshot-extension-popup.png', docs)), fullPage: true });
    console.log('wrote docs/screenshot-extension-popup.png');
  }
} finally {
  await browser.close();
  demo.stop();
}
