// `npm run bench`'s whole page loads (see scripts/bench.mjs): the demo pages and their plain-DOM
// and bare-Lit references timed from navigation start to their first render with data, the
// JavaScript each received before it, and opening Add Number after a second of idle.
import { basename } from 'node:path';
import { isPlatformChunk } from './bundle-size.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A platform chunk's path, the bundle's or the extension's: fetched only when a page chooses that platform. */
export const isPlatformPath = (path) => path.includes('/chunks/') && isPlatformChunk(basename(path));

/**
 * The pages loaded whole, and what "its elements show their data" means on each: [host, inner]
 * pairs, where every `host` element in the document (there must be one) has `inner` in its shadow
 * root, or (host null) `inner` is in the document itself. Before their data the elements show
 * only "Loading…" (StoreElement.renderLoadState), which none of these selectors matches.
 */
export const LOAD_PAGES = {
  dom: {
    label: 'plain DOM (load-dom.html): the same record, rows built by hand',
    path: '/test/bench/load-dom.html',
    reference: true,
    checks: [[null, 'ul.numbers > li'], [null, 'ul.statuses > li']],
  },
  lit: {
    label: 'one bare Lit element (load-lit.html, lit-floor.ts)',
    path: '/test/bench/load-lit.html',
    reference: true,
    checks: [['lit-floor', 'ul.numbers > li']],
  },
  intranet: {
    label: 'intranet (demo/intranet.html): footer, Availability, My Numbers',
    path: '/demo/intranet.html',
    budget: 22_000,
    checks: [
      ['call-using-footer', '[part="caption"]'],
      ['availability-menu', '[part="avatar"]'],
      ['my-numbers', 'ul.numbers > li.number'],
    ],
  },
  index: {
    label: 'all elements (demo/index.html, the main demo)',
    path: '/demo/index.html',
    budget: 28_000,
    checks: [
      ['availability-menu', '[part="avatar"]'],
      ['my-numbers', 'ul.numbers > li.number'],
      ['status-remote-picker', 'ul[part="list"] > li[part="item"]'],
      ['call-using-footer', '[part="caption"]'],
    ],
  },
  popup: {
    label: 'extension popup (dist/extension/popup.html, chrome.storage stubbed)',
    path: '/dist/extension/popup.html',
    checks: [['quick-status', '[part="summary"]']],
  },
};

/**
 * Runs in every document before its own scripts (Page.addScriptToEvaluateOnNewDocument, which the
 * pages' Content-Security-Policy does not apply to). On the pages of LOAD_PAGES only: watches the
 * document and every shadow root as it is attached (MutationObserver; Element.prototype.attachShadow
 * wrapped to observe each new root) and, at the first mutation after which every check holds, keeps
 * performance.now() (milliseconds since navigation start) in window.__firstRender. On the
 * extension's popup it first stands in for chrome.storage, which a page served over HTTP lacks:
 * empty storage, so the popup takes its default settings (the simulated platform, user demo-user).
 */
export function firstRenderDetector(pages) {
  const page = Object.values(pages).find((p) => p.path === location.pathname);
  if (!page) return;
  if (location.pathname.endsWith('/extension/popup.html')) {
    const area = () => ({ get: async () => ({}), set: async () => undefined, remove: async () => undefined });
    globalThis.chrome ??= {};
    globalThis.chrome.storage = { local: area(), session: area() };
  }
  // The checks that do not hold yet: none once the page shows its data.
  const missing = () =>
    page.checks.filter(([host, inner]) => {
      if (host === null) return document.querySelector(inner) === null;
      const hosts = document.querySelectorAll(host);
      return hosts.length === 0 || [...hosts].some((element) => !element.shadowRoot?.querySelector(inner));
    });
  const attachShadow = Element.prototype.attachShadow;
  const options = { childList: true, subtree: true, characterData: true };
  const observer = new MutationObserver(() => {
    if (window.__firstRender !== undefined || missing().length > 0) return;
    window.__firstRender = performance.now();
    observer.disconnect();
    Element.prototype.attachShadow = attachShadow;
  });
  Element.prototype.attachShadow = function observedAttachShadow(init) {
    const root = attachShadow.call(this, init);
    observer.observe(root, options);
    return root;
  };
  observer.observe(document, options);
  // Which checks fail, for the error when a page never gets there.
  window.__firstRenderMissing = missing;
}

async function waitForFirstRender(page, which) {
  try {
    await page.waitForFunction(() => window.__firstRender !== undefined, { timeout: 15_000, polling: 20 });
  } catch (error) {
    const missing = await page.evaluate(() => window.__firstRenderMissing?.()).catch(() => null);
    throw new Error(`${LOAD_PAGES[which].path} never showed its data; missing: ${JSON.stringify(missing)}`, { cause: error });
  }
  return page.evaluate(() => window.__firstRender);
}


/**
 * One load of LOAD_PAGES[which]: navigation start → first render with data (window.__firstRender),
 * and the JavaScript received before it. The scripts are those the page received (puppeteer's
 * `requestfinished`, resource type Script, from CDP Network); one counts when its Resource Timing
 * entry's responseEnd (the page's own clock, from navigation start) is at or before the first
 * render.
 */
async function loadOnce(page, origin, which, gzipOf, query = '') {
  const received = new Set();
  // Only requests of this load: the previous page's may still finish while this one starts.
  const started = new Set();
  const onRequest = (request) => started.add(request);
  const onFinished = (request) => {
    if (started.has(request) && request.resourceType() === 'script') received.add(new URL(request.url()).pathname);
  };
  page.on('request', onRequest);
  page.on('requestfinished', onFinished);
  try {
    await page.goto(`${origin}${LOAD_PAGES[which].path}${query}`);
    const firstRender = await waitForFirstRender(page, which);
    const resources = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => ({ url: entry.name, responseEnd: entry.responseEnd })),
    );
    const before = resources
      .map((entry) => ({ path: new URL(entry.url).pathname, responseEnd: entry.responseEnd }))
      .filter((entry) => /\.m?js$/.test(entry.path) && entry.responseEnd <= firstRender);
    let unseen = before.filter((entry) => !received.has(entry.path));
    // The network events may trail the page's own record by a moment.
    for (let wait = 0; unseen.length > 0 && wait < 10; wait++) {
      await sleep(100);
      unseen = unseen.filter((entry) => !received.has(entry.path));
    }
    if (unseen.length > 0) {
      throw new Error(`${which}: scripts in Resource Timing but not seen on the network: ${unseen.map((e) => e.path).join(', ')}`);
    }
    const files = [...new Set(before.map((entry) => entry.path))].sort();
    const bytes = (list) => list.reduce((sum, path) => sum + gzipOf(path), 0);
    const platformFiles = files.filter(isPlatformPath);
    return {
      ms: firstRender,
      files,
      jsBytes: bytes(files),
      platformBytes: bytes(platformFiles),
      otherBytes: bytes(files) - bytes(platformFiles),
      // Scripts the page received after its first render, by the time it was read (for the record).
      receivedAfter: [...received].filter((path) => !files.includes(path)).sort(),
    };
  } finally {
    page.off('request', onRequest);
    page.off('requestfinished', onFinished);
  }
}

/**
 * The cache key of the demo pages' user on the simulated platform, read from IndexedDB once a demo
 * page's first load has written it (the Store writes the platform's snapshot after it answers).
 */
export async function demoCacheKey(page, origin, gzipOf) {
  await loadOnce(page, origin, 'intranet', gzipOf);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const keys = await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('remote-extension-cache');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('snapshots')) return resolve((db.close(), []));
            const request = db.transaction('snapshots', 'readonly').objectStore('snapshots').getAllKeys();
            request.onsuccess = () => resolve((db.close(), request.result));
            request.onerror = () => reject(request.error);
          };
        }),
    );
    const key = keys.find((k) => {
      const [platform, user] = JSON.parse(k);
      return platform.startsWith('simulated') && user === 'demo-user';
    });
    if (key) return key;
    if (Date.now() > deadline) throw new Error(`The intranet page wrote no cache record for demo-user (keys: ${keys.join(', ')}).`);
    await sleep(100);
  }
}

/**
 * `warmups` + `samples` rounds, each loading every page of LOAD_PAGES once, in turn (the order
 * reversed every other round); `gzipOf(path)` is the gzip -9 size of the file served at `path`.
 */
export async function pageLoads(page, origin, key, { warmups, samples: count, gzipOf }) {
  const names = Object.keys(LOAD_PAGES);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < warmups + count; i++) {
    for (const which of i % 2 === 0 ? names : [...names].reverse()) {
      const query = LOAD_PAGES[which].reference ? `?key=${encodeURIComponent(key)}` : '';
      const sample = await loadOnce(page, origin, which, gzipOf, query);
      if (i >= warmups) samples[which].push(sample);
    }
  }
  return samples;
}

/**
 * In the page: clicks ⋮ (More actions) in <my-numbers>, waits for its menu, then times the click on
 * New to the Add Number dialog shown (the <add-number-dialog> in my-numbers' shadow root has an
 * open <dialog> in its own), polling once per task (MessageChannel).
 */
async function clickNewInPage() {
  const channel = new MessageChannel();
  const nextTask = () =>
    new Promise((resolve) => {
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(null);
    });
  const until = async (condition, what) => {
    const start = performance.now();
    for (;;) {
      const value = condition();
      if (value) return value;
      if (performance.now() - start > 10_000) throw new Error(`Timed out waiting for ${what}.`);
      await nextTask();
    }
  };
  const myNumbers = document.querySelector('my-numbers');
  const root = myNumbers.shadowRoot;
  const more = root.querySelector('#more-button');
  more.click();
  await until(() => more.getAttribute('aria-expanded') === 'true', 'the More actions menu');
  await myNumbers.updateComplete;
  const items = [...root.querySelectorAll('[role="menuitem"]')];
  const item = items.find((element) => element.textContent.trim() === 'New') ?? items[0];
  if (!item) throw new Error('The More actions menu has no New.');
  const t0 = performance.now();
  item.click();
  await until(() => root.querySelector('add-number-dialog')?.shadowRoot?.querySelector('dialog')?.open, 'the Add Number dialog');
  return performance.now() - t0;
}

/**
 * Add Number after `idleMs` of idle, on the intranet page, `warmups` + `samples` times: load it,
 * wait for its first render, wait `idleMs`, then count every request the page makes (CDP Network.requestWillBeSent) from just before
 * the ⋮ click until 250 ms after the dialog showed; the time is clickNewInPage()'s.
 */
export async function addNumberAfterIdle(page, origin, { warmups, samples: count, idleMs }) {
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  let counting = null;
  cdp.on('Network.requestWillBeSent', (event) => counting?.push(event.request.url));
  const samples = [];
  try {
    for (let i = 0; i < warmups + count; i++) {
      await page.goto(`${origin}${LOAD_PAGES.intranet.path}`);
      await waitForFirstRender(page, 'intranet');
      await sleep(idleMs);
      counting = [];
      const ms = await page.evaluate(clickNewInPage);
      await sleep(250);
      const requests = counting.map((url) => (url.startsWith(origin) ? url.slice(origin.length) : url));
      counting = null;
      if (i >= warmups) samples.push({ ms, requests });
    }
  } finally {
    await cdp.detach();
  }
  return samples;
}
