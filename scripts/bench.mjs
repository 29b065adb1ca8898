#!/usr/bin/env node
// `npm run bench`: how big and how fast the elements are, each figure beside a baseline measured
// in the same run. Builds the script-tag bundle (rollup.config.mjs's first config: the core
// dist/remote-extension.js and the chunks in dist/chunks/), the demo page's script (its config of
// dist/demo/) and the browser extension (rollup.extension.mjs, dist/extension/), and, in memory, the
// floor bundle (test/bench/floor.ts: only the libraries, with the same plugins); then serves the
// repository on 127.0.0.1 (the demo pages load /dist/remote-extension.js, so the root is the
// repository's) and runs the pages of test/bench/ and demo/ in headless Chromium (puppeteer-core),
// one fresh page load per sample unless said otherwise:
//
// 1. bundle size (gzip -9): the core, the floor, and the core minus the floor; every chunk listed.
// 2. demo pages, loaded whole (demo/intranet.html, demo/index.html, the extension's popup.html):
//    the JavaScript each received before its elements first showed their data, and the time from
//    navigation start to that first render, warm (the cache written by an earlier load of the same
//    page), in turn with a plain-DOM page (load-dom.html) and a bare Lit page (load-lit.html) that
//    show the same cache record (scripts/bench-pages.mjs).
// 3. warm start from the IndexedDB cache with the elements' code already defined: warm.js in
//    English and in Swedish, warm-lit.js (one bare Lit element, built from lit-floor.ts) and
//    warm-baseline.js (plain DOM), in turn; then, in a pass of its own, ours and the Lit element
//    again with marks of when IndexedDB answered and when each element rendered (where the time goes).
// 4. Add Number after a second of idle on the intranet page: requests made at the click, and the
//    time from clicking New to the dialog shown (scripts/bench-pages.mjs).
// 5. renders and platform requests per change, DOM mutations outside the edited row, and DOM
//    nodes per My Numbers row: renders.js.
// 6. scale: 50 against 500 numbers (time to rows, JS heap after a forced GC, DOM nodes; scale.js),
//    and a status switch with 500 numbers (switch.js).
// 7. interaction: a status switch with 20 numbers (switch.js) against a plain DOM page
//    (switch-baseline.js).
//
// Prints Markdown tables on stdout (progress goes to stderr) and writes every sample to
// bench/results.json. Exits 0, or 1 when a budget is broken, saying which and by how much.
//
// `npm run bench -- --quick` takes 3 samples of each figure instead of 15 or 31: a try-out only.
//
// `npm run bench -- --against REV` also builds the bundle of the git revision REV (in a worktree,
// to dist/bench/against/) and times its warm start in turn with this tree's, on the same pages:
// the one way to see a change of a few tenths of a millisecond on a machine that drifts by more
// than that between runs.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import { dirname, extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { rollup } from 'rollup';
import { addNumberAfterIdle, demoCacheKey, firstRenderDetector, isPlatformPath, LOAD_PAGES, pageLoads } from './bench-pages.mjs';
import { gzipBytes, measureSizes } from './bundle-size.mjs';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
process.chdir(root); // rollup.config.mjs names its inputs and outputs relative to the root.

const againstAt = process.argv.indexOf('--against');
const against = againstAt === -1 ? null : process.argv[againstAt + 1];
if (againstAt !== -1 && !against) throw new Error('--against needs a git revision, e.g. --against HEAD~1.');

/** `--quick`: 3 samples of everything, to try the bench itself out; its figures mean little. */
const quick = process.argv.includes('--quick');
const WARMUPS = 2;
const SAMPLES = quick ? 3 : 15;
/** The page-load figures are the noisiest (IndexedDB, the network stack), so they take more. */
const WARM_SAMPLES = quick ? 3 : 31;
/** The Add Number scenario: how long the page is left idle after its first render. */
const IDLE_MS = 1000;

const started = Date.now();
const log = (message) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}`);

// ---------------------------------------------------------------------------------------------
// Build and sizes.

/**
 * What the pages are served from under /dist/: a copy of every file the bench's builds wrote, read
 * back from dist/ as soon as each build has written it. Others may rebuild dist/ while the bench
 * runs (the bundle's build empties dist/chunks/ and the chunk names carry content hashes); the
 * copy keeps one consistent build for the whole run, byte for byte the files as built on disk.
 */
const snapshot = mkdtempSync(join(os.tmpdir(), 'bench-dist-'));
process.on('exit', () => rmSync(snapshot, { recursive: true, force: true }));

/** Copies `path` (relative to the root, under dist/) into the snapshot. */
function keep(path) {
  const target = join(snapshot, relative(join(root, 'dist'), join(root, path)));
  mkdirSync(dirname(target), { recursive: true });
  try {
    cpSync(join(root, path), target, { recursive: true });
  } catch (error) {
    throw new Error(`${path} went from dist/ right after the bench built it: another build ran meanwhile. Run the bench again.`, { cause: error });
  }
}

/** The snapshot's copy of a /dist/… URL path. */
const snapshotFile = (path) => join(snapshot, relative('/dist', path));

async function build(config) {
  const bundle = await rollup(config);
  const written = [];
  for (const output of [config.output].flat()) {
    const { output: items } = await bundle.write(output);
    const dir = output.dir ?? dirname(output.file);
    for (const item of items) {
      keep(join(dir, item.fileName));
      written.push(item);
    }
  }
  await bundle.close();
  return written;
}

async function buildAndMeasure() {
  const { default: configs, bundlePlugins } = await import('../rollup.config.mjs');
  const written = await build(configs[0]);
  const files = written.filter((item) => item.type === 'chunk').map((chunk) => chunk.fileName);
  if (!files.includes('remote-extension.js')) {
    throw new Error(`rollup.config.mjs's first config no longer writes remote-extension.js (it wrote ${files.join(', ')}).`);
  }
  // The demo page's own script (dist/demo/index.js, which imports the bundle by URL) and the
  // browser extension (dist/extension/, its static pages copied by its own plugin): the page-load
  // figures load them as built.
  const demo = configs.find((config) => [config.output].flat().some((output) => output?.dir === 'dist/demo'));
  if (!demo) throw new Error('rollup.config.mjs has no config writing dist/demo/ any more.');
  await build(demo);
  const { default: extensionConfigs } = await import('../rollup.extension.mjs');
  for (const config of extensionConfigs) await build(config);
  for (const page of ['popup.html', 'popup.css']) keep(`dist/extension/${page}`);

  const { floorBytes } = await measureSizes();
  const bundleBytes = gzipBytes(readFileSync(snapshotFile('/dist/remote-extension.js')));

  // The warm start's Lit reference element, for warm-lit.js.
  await build({ input: 'test/bench/lit-floor.ts', plugins: bundlePlugins(), output: { file: 'dist/bench/lit-floor.js', format: 'es' } });
  // The cache and schema seed.js writes the warm start's records with.
  await build({ input: 'test/bench/seed-cache.ts', plugins: bundlePlugins(), output: { file: 'dist/bench/seed-cache.js', format: 'es' } });
  // Everything else the build wrote (the element, shared, Swedish and platform chunks in dist/chunks/, any other entry).
  const others = files
    .filter((file) => file !== 'remote-extension.js')
    .sort()
    .map((file) => ({ file: `dist/${file}`, gzipBytes: gzipBytes(readFileSync(snapshotFile(`/dist/${file}`))) }));
  return { bundleBytes, floorBytes, ownBytes: bundleBytes - floorBytes, others };
}

/**
 * Builds `rev`'s script-tag bundle (its rollup.config.mjs's first config) into
 * dist/bench/against/, from a temporary git worktree that shares this tree's node_modules.
 */
function buildAgainst(rev) {
  const worktree = mkdtempSync(join(os.tmpdir(), 'bench-against-'));
  const git = (...args) => execFileSync('git', args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  git('worktree', 'add', '--detach', worktree, rev);
  try {
    symlinkSync(join(root, 'node_modules'), join(worktree, 'node_modules'), 'dir');
    const out = join(root, 'dist', 'bench', 'against');
    rmSync(out, { recursive: true, force: true });
    writeFileSync(
      join(worktree, 'bench-against.config.mjs'),
      `import configs from './rollup.config.mjs';\nexport default { ...configs[0], output: { ...configs[0].output, dir: ${JSON.stringify(out)} } };\n`,
    );
    execFileSync(join(root, 'node_modules', '.bin', 'rollup'), ['-c', 'bench-against.config.mjs', '--silent'], {
      cwd: worktree,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } finally {
    git('worktree', 'remove', '--force', worktree);
  }
}

// ---------------------------------------------------------------------------------------------
// Serving and the browser.

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Serves the repository root, read-only, on a free port of 127.0.0.1; /dist/ from the snapshot. */
function serve() {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://localhost').pathname));
    // A page without an icon link (the extension's popup) asks for one; it has none.
    if (path === '/favicon.ico') return response.writeHead(204).end();
    const file = path.startsWith('/dist/') ? snapshotFile(path) : join(root, path);
    if (!file.startsWith(root + sep) && !file.startsWith(snapshot + sep)) return response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        // The chunks' names carry their content's hash, so a server may let browsers keep them for
        // good, as the README asks of a deployment; everything else is asked for again each load.
        'cache-control': path.startsWith('/dist/chunks/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        // Cross-origin isolation: performance.now() then counts in 5 µs steps instead of 100 µs.
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Opens test/bench/page.html with the benchmark `name` (test/bench/<name>.js) and `query`, and waits
 * for its `window.bench` (main() collects page errors and fails on any).
 */
async function open(page, origin, name, query = '') {
  await page.goto(`${origin}/test/bench/page.html?bench=${name}${query}`);
  await page.waitForFunction(() => window.bench !== undefined, { timeout: 15_000 });
}

const call = (page, method, argument) => page.evaluate((m, a) => window.bench[m](a), method, argument);

async function heap(page) {
  // gc() is there because Chromium runs with --js-flags=--expose-gc.
  await page.evaluate(() => {
    globalThis.gc();
    globalThis.gc();
  });
  const { JSHeapUsedSize, Nodes } = await page.metrics();
  return { heapBytes: JSHeapUsedSize, nodes: Nodes };
}

const gzipOnDisk = new Map();
/** gzip -9 of the file the server sent for `path` (the build's file on disk, in the snapshot). */
function diskGzip(path) {
  if (!gzipOnDisk.has(path)) {
    const file = path.startsWith('/dist/') ? snapshotFile(decodeURIComponent(path)) : join(root, decodeURIComponent(path));
    gzipOnDisk.set(path, gzipBytes(readFileSync(file)));
  }
  return gzipOnDisk.get(path);
}


// ---------------------------------------------------------------------------------------------
// The figures.

const WARM_PAGES = {
  ours: ['warm'],
  swedish: ['warm', '&lang=sv'],
  lit: ['warm-lit'],
  baseline: ['warm-baseline'],
  against: ['warm', '&bundle=against'],
};

async function warmStart(page, origin) {
  const samples = { ours: [], swedish: [], lit: [], baseline: [], ...(against ? { against: [] } : {}) };
  for (let i = 0; i < WARMUPS + WARM_SAMPLES; i++) {
    const order = ['baseline', 'lit', 'ours', 'swedish', 'against'];
    if (i % 2 === 1) order.reverse();
    for (const which of order.filter((name) => name in samples)) {
      await open(page, origin, ...WARM_PAGES[which]);
      const ms = await call(page, 'run');
      if (i >= WARMUPS) samples[which].push(ms);
    }
  }
  return samples;
}

/**
 * Where the warm start's time goes: ours and the bare Lit element again, in turn, each sample
 * marking when IndexedDB answered and when each element rendered (lib.js phaseRecorder). A pass of
 * its own, so the instrumented pages are not among the samples of the figures above.
 */
async function warmPhases(page, origin) {
  const samples = { lit: [], ours: [] };
  for (let i = 0; i < WARMUPS + SAMPLES; i++) {
    for (const which of i % 2 === 0 ? ['lit', 'ours'] : ['ours', 'lit']) {
      await open(page, origin, ...WARM_PAGES[which]);
      const marks = await call(page, 'run', { phases: true });
      if (i >= WARMUPS) samples[which].push(marks);
    }
  }
  /** The median of each mark; a mark missing from any sample is an error in the pages. */
  const medians = (list) =>
    Object.fromEntries(
      Object.keys(list[0]).map((name) => {
        const values = list.map((marks) => marks[name]);
        if (values.some((value) => typeof value !== 'number')) throw new Error(`The warm start's phase "${name}" is missing from a sample.`);
        return [name, median(values)];
      }),
    );
  return { samples, lit: medians(samples.lit), ours: medians(samples.ours) };
}

async function scale(page, origin) {
  const samples = { 50: [], 500: [] };
  for (let i = 0; i < WARMUPS + SAMPLES; i++) {
    for (const n of i % 2 === 0 ? [50, 500] : [500, 50]) {
      await open(page, origin, 'scale', `&n=${n}`);
      const before = await heap(page);
      const ms = await call(page, 'run');
      const after = await heap(page);
      const sample = { ms, heapDeltaBytes: after.heapBytes - before.heapBytes, domNodesDelta: after.nodes - before.nodes };
      if (i >= WARMUPS) samples[n].push(sample);
    }
  }
  return samples;
}

async function switches(page, origin, name, query) {
  await open(page, origin, name, query);
  return call(page, 'run', { warmups: WARMUPS, samples: SAMPLES });
}

/**
 * One page's loads: the median time and size, and the files, platform and other bytes of the
 * sample whose size is the median (the set of files can differ between loads when a chunk and the
 * first render race).
 */
function summarizeLoads(samples) {
  const jsBytes = median(samples.map((sample) => sample.jsBytes));
  const typical = samples.reduce((best, sample) => (Math.abs(sample.jsBytes - jsBytes) < Math.abs(best.jsBytes - jsBytes) ? sample : best));
  return {
    samples,
    ms: median(samples.map((sample) => sample.ms)),
    jsBytes,
    jsBytesMin: Math.min(...samples.map((sample) => sample.jsBytes)),
    jsBytesMax: Math.max(...samples.map((sample) => sample.jsBytes)),
    platformBytes: typical.platformBytes,
    otherBytes: typical.otherBytes,
    files: typical.files,
    receivedAfter: typical.receivedAfter,
    fileSets: new Set(samples.map((sample) => sample.files.join(' '))).size,
  };
}

// ---------------------------------------------------------------------------------------------
// Budgets and the report.

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
/** For the sizes with a budget in bytes: to ten bytes. */
const kB2 = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const MB = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
const ms = (value) => `${value.toFixed(2)} ms`;
const times = (value) => `${value.toFixed(2)}×`;

const SYMBOL = { '<=': '≤', '<': '<', '=': '=' };

/**
 * One row of the budget table: `value` is checked against `limit` with `op` ('<=', '<' or '='),
 * `format` shows the value, the limit and the miss; `ours`, `baseline` and `ratio` are the cells
 * shown (a ratio budget shows both medians and checks the ratio).
 */
function budget({ figure, value, op, limit, format, ours = format(value), baseline = '—', ratio = '—', ok }) {
  ok ??= op === '<=' ? value <= limit : op === '<' ? value < limit : value === limit;
  return {
    figure,
    value,
    op,
    limit,
    ok,
    cells: [figure, ours, baseline, ratio, `${SYMBOL[op]} ${format(limit)}`, ok ? 'ok' : 'BROKEN'],
    brokenBy: ok ? null : describeMiss(value, limit, op, format),
  };
}

/** A row reported with no budget to meet (the core's size, the popup's JavaScript, the time to the Add Number dialog). */
function measured({ figure, ours, baseline = '—', ratio = '—' }) {
  return { figure, ok: true, cells: [figure, ours, baseline, ratio, '—', 'measured'], brokenBy: null };
}

function describeMiss(value, limit, op, format) {
  if (op === '=') return `is ${format(value)}, expected ${format(limit)}`;
  const over = value - limit;
  return `is ${format(value)}, over ${SYMBOL[op]} ${format(limit)} by ${format(over)} (+${((over / limit) * 100).toFixed(0)}%)`;
}

function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function report(results) {
  const { sizes, loads, warm, addNumber, renders, scale: sc, switch500, interaction } = results;
  const count = (value) => String(value);
  const budgets = [
    measured({
      figure: 'Core bundle dist/remote-extension.js (gzip -9)',
      ours: kB(sizes.bundleBytes),
      baseline: `floor ${kB(sizes.floorBytes)}`,
      ratio: times(sizes.bundleBytes / sizes.floorBytes),
    }),
    measured({ figure: 'Own code in the core (core − floor)', ours: kB(sizes.ownBytes) }),
  ];
  for (const name of ['intranet', 'index', 'popup']) {
    const page = loads[name];
    const figure = `JS before first render, ${name === 'index' ? 'all elements (demo/index.html)' : name === 'intranet' ? 'intranet' : 'extension popup'} (gzip -9, median)`;
    const cells = { ours: kB2(page.jsBytes), baseline: `platform ${kB2(page.platformBytes)} + rest ${kB2(page.otherBytes)}` };
    budgets.push(
      LOAD_PAGES[name].budget === undefined
        ? measured({ figure, ...cells })
        : budget({ figure, value: page.jsBytes, op: '<=', limit: LOAD_PAGES[name].budget, format: kB2, ...cells }),
    );
  }
  budgets.push(
    budget({
      figure: 'Warm start, 20 numbers + 6 statuses, code defined: ours / bare Lit (medians)',
      value: warm.medianOurs / warm.medianLit,
      op: '<=',
      limit: 1.35,
      format: times,
      ours: ms(warm.medianOurs),
      baseline: `Lit ${ms(warm.medianLit)}`,
      ratio: times(warm.medianOurs / warm.medianLit),
    }),
    budget({
      figure: 'Warm start in Swedish / in English (medians)',
      value: warm.medianSwedish / warm.medianOurs,
      op: '<=',
      limit: 1.15,
      format: times,
      ours: `sv ${ms(warm.medianSwedish)}`,
      baseline: `en ${ms(warm.medianOurs)}`,
      ratio: times(warm.medianSwedish / warm.medianOurs),
    }),
    budget({
      figure: `Add Number after ${IDLE_MS / 1000} s idle: requests at the click (most in a sample)`,
      value: addNumber.maxRequests,
      op: '=',
      limit: 0,
      format: count,
    }),
    measured({ figure: 'Add Number after idle: click New → dialog shown (median)', ours: ms(addNumber.median) }),
    budget({
      figure: 'DOM nodes per My Numbers row (with its list markers)',
      value: renders.rowNodes.perRow,
      op: '<=',
      limit: 30,
      format: count,
    }),
  );
  for (const [element, renderCount] of Object.entries(renders.switchStatus.renders)) {
    // Every element that shows the status renders once; a closed Add/Edit Number dialog shows
    // nothing of it and renders not at all.
    const closedDialog = element.endsWith('add-number-dialog');
    budgets.push(
      budget({
        figure: `Status switch: renders of ${element}${closedDialog ? ' (closed)' : ''}`,
        value: renderCount,
        op: '=',
        limit: closedDialog ? 0 : 1,
        format: count,
      }),
    );
  }
  const requests = renders.switchStatus.requests;
  const requestCount = Object.values(requests).reduce((a, b) => a + b, 0);
  budgets.push(
    budget({
      figure: 'Status switch: platform requests',
      value: requestCount,
      op: '=',
      limit: 1,
      format: count,
      ours: Object.entries(requests).map(([method, c]) => `${c} ${method}`).join(', ') || '0',
      ok: requestCount === 1 && requests.setActiveStatus === 1,
    }),
    budget({ figure: 'Label edit: DOM mutations outside the row', value: renders.editLabel.mutationsOutside, op: '=', limit: 0, format: count }),
    budget({
      figure: 'Scale 500/50 numbers: time to rows (median)',
      value: sc.timeRatio,
      op: '<=',
      limit: 11,
      format: times,
      ours: `500: ${ms(sc.median[500].ms)}`,
      baseline: `50: ${ms(sc.median[50].ms)}`,
      ratio: times(sc.timeRatio),
    }),
    budget({
      figure: 'Scale 500/50 numbers: JS heap added (median)',
      value: sc.heapRatio,
      op: '<=',
      limit: 11,
      format: times,
      ours: `500: ${MB(sc.median[500].heapDeltaBytes)}`,
      baseline: `50: ${MB(sc.median[50].heapDeltaBytes)}`,
      ratio: times(sc.heapRatio),
    }),
    budget({ figure: 'Status switch, 500 numbers: click to work done (median)', value: switch500.median, op: '<', limit: 16, format: ms }),
    budget({
      figure: 'Status switch, 20 numbers: click to work done (median)',
      value: interaction.medianOurs,
      op: '<',
      limit: 16,
      format: ms,
      baseline: ms(interaction.medianBaseline),
      ratio: times(interaction.ratio),
    }),
  );

  const out = [];
  out.push('### Budgets\n');
  out.push(table(['figure', 'ours', 'baseline', 'ratio', 'budget', 'ok'], budgets.map((b) => b.cells)));
  out.push('\n### Bundle and the other files of its build (gzip -9; a page fetches a platform chunk only when it uses that platform)\n');
  out.push(
    table(
      ['file', 'gzip'],
      [
        ['dist/remote-extension.js', kB(sizes.bundleBytes)],
        ['floor (test/bench/floor.ts)', kB(sizes.floorBytes)],
        ...sizes.others.map((c) => [c.file, kB(c.gzipBytes)]),
      ],
    ),
  );
  out.push(
    `\n### Page loads, warm (cache written by an earlier load): JS received before the first render with data (gzip -9 of the files on disk), and navigation start → that render (medians of ${WARM_SAMPLES}, in turn)\n`,
  );
  const pageNames = Object.keys(LOAD_PAGES);
  out.push(
    table(
      ['page', 'JS before first render', 'of it platform chunks', 'the rest', 'navigation → first render', '× plain DOM', '× bare Lit'],
      pageNames.map((name) => {
        const page = loads[name];
        const range = page.jsBytesMin === page.jsBytesMax ? '' : ` (${kB2(page.jsBytesMin)}–${kB2(page.jsBytesMax)})`;
        return [
          LOAD_PAGES[name].label,
          `${kB2(page.jsBytes)}${range}`,
          kB2(page.platformBytes),
          kB2(page.otherBytes),
          ms(page.ms),
          times(page.ms / loads.dom.ms),
          times(page.ms / loads.lit.ms),
        ];
      }),
    ),
  );
  out.push('\nThe JavaScript files each page received before its first render (the median sample\'s; platform chunks marked):\n');
  out.push(
    table(
      ['page', 'files (gzip -9)', 'received later (not counted)'],
      pageNames.map((name) => [
        name,
        loads[name].files.map((path) => `${path}${isPlatformPath(path) ? ' [platform]' : ''} ${kB2(diskGzip(path))}`).join('<br>'),
        loads[name].receivedAfter.join('<br>') || '—',
      ]),
    ),
  );
  const varying = pageNames.filter((name) => loads[name].fileSets > 1);
  if (varying.length > 0) {
    out.push(
      `\nThe files before the first render differed between loads on: ${varying.map((name) => `${name} (${loads[name].fileSets} sets)`).join(', ')}; the sizes are medians, the range in brackets.`,
    );
  }
  out.push('\n### Warm start, 20 numbers and 6 statuses from the IndexedDB cache, the elements\' code defined before (medians)\n');
  out.push(
    table(
      ['page', 'append to rows', '× plain DOM'],
      [
        ['plain DOM (warm-baseline.js)', ms(warm.medianBaseline), times(1)],
        ['one bare Lit element (lit-floor.ts)', ms(warm.medianLit), times(warm.litRatio)],
        ['ours: provider, <my-numbers>, <status-remote-picker>', ms(warm.medianOurs), times(warm.ratio)],
        ['the same with lang="sv" on the provider', ms(warm.medianSwedish), times(warm.medianSwedish / warm.medianBaseline)],
        ...(warm.against
          ? [[`the same, built from ${warm.against.rev}`, ms(warm.against.median), times(warm.against.median / warm.medianBaseline)]]
          : []),
      ],
    ),
  );
  if (warm.against) {
    const change = warm.medianOurs - warm.against.median;
    const sign = change > 0 ? '+' : '−';
    out.push(
      `\nThis tree against ${warm.against.rev}: ${sign}${ms(Math.abs(change))} (${sign}${((Math.abs(change) / warm.against.median) * 100).toFixed(0)}%).`,
    );
  }
  out.push(
    `\n### Where the warm start's time goes (ms from the append, medians of ${SAMPLES} loads each marked in a pass of their own)\n`,
  );
  const { lit: litPhases, ours: ourPhases } = warm.phases;
  const span = (from, to) => ms(to - from);
  out.push(
    table(
      ['', 'bare Lit', 'ours'],
      [
        ['IndexedDB opened', ms(litPhases.idbOpen), ms(ourPhases.idbOpen)],
        ['the record read', ms(litPhases.idbGet), ms(ourPhases.idbGet)],
        [
          'record read → first render begins (ours: the valibot check, the Store)',
          span(litPhases.idbGet, litPhases.litStart),
          span(ourPhases.idbGet, ourPhases.myNumbersStart),
        ],
        ['render: the Lit element (all rows)', span(litPhases.litStart, litPhases.litEnd), '—'],
        ['render: <my-numbers>', '—', span(ourPhases.myNumbersStart, ourPhases.myNumbersEnd)],
        ['render: <status-remote-picker>', '—', span(ourPhases.pickerStart, ourPhases.pickerEnd)],
        ['rows seen (the next poll)', ms(litPhases.rows), ms(ourPhases.rows)],
      ],
    ),
  );
  out.push(`\n### Add Number after ${IDLE_MS / 1000} s of idle (intranet page, ${SAMPLES} loads)\n`);
  const requestList = [...new Set(addNumber.samples.flatMap((sample) => sample.requests))];
  out.push(
    `Click New → dialog shown: median ${ms(addNumber.median)} (min ${ms(Math.min(...addNumber.samples.map((x) => x.ms)))}, max ${ms(Math.max(...addNumber.samples.map((x) => x.ms)))}). ` +
      `Requests from the ⋮ click to 250 ms after the dialog showed: at most ${addNumber.maxRequests} in a sample${requestList.length > 0 ? ` (${requestList.join(', ')})` : ''}.`,
  );
  out.push(
    `\nDOM nodes per My Numbers row (10 numbers added, list nodes before and after): ${renders.rowNodes.perRow}; the administrator's remote extension's row (three markers, no Delete): ${renders.rowNodes.adminRow ?? 'not found'}.`,
  );
  out.push('\n### Renders per change (simulated platform)\n');
  const names = Object.keys(renders.switchStatus.renders);
  out.push(
    table(
      ['element', 'status switch (a)', 'label edit (b)'],
      names.map((name) => [name, count(renders.switchStatus.renders[name]), count(renders.editLabel.renders[name] ?? 0)]),
    ),
  );
  const editRequests = Object.entries(renders.editLabel.requests).map(([m, c]) => `${m} ${c}`).join(', ') || 'none';
  out.push(
    `\nLabel edit (b): ${renders.editLabel.mutationsInRow} mutations in the row, ${renders.editLabel.mutationsOutside} outside; requests: ${editRequests}.`,
  );
  out.push('\n### Scale (medians)\n');
  out.push(
    table(
      ['numbers', 'append to rows', 'JS heap added', 'DOM nodes added'],
      [50, 500].map((n) => [String(n), ms(sc.median[n].ms), MB(sc.median[n].heapDeltaBytes), String(Math.round(sc.median[n].domNodesDelta))]),
    ),
  );
  const m = results.machine;
  out.push(`\n${m.cpu}, ${m.cores} cores, ${m.chromium}, Node ${m.node}, ${m.os}; ${results.date}.`);
  return { text: out.join('\n'), budgets };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  log('building dist/remote-extension.js and the floor bundle');
  const sizes = await buildAndMeasure();
  if (against) {
    log(`building the bundle of ${against} to dist/bench/against/`);
    buildAgainst(against);
    keep('dist/bench/against');
  }

  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, '--js-flags=--expose-gc'],
  });
  const pageErrors = [];
  try {
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(firstRenderDetector, LOAD_PAGES);
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error}`));
    page.on('response', (response) => {
      if (response.status() >= 400) log(`page got ${response.status()} for ${response.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') log(`page console.${message.type()}: ${message.text()}`);
    });

    log('seeding the cache records');
    await open(page, origin, 'seed');
    await call(page, 'run');

    log(
      `warm start: ${WARMUPS} + ${WARM_SAMPLES} page loads each of baseline, Lit, ours, ours in Swedish${against ? `, ${against}'s` : ''}, in turn`,
    );
    const warmSamples = await warmStart(page, origin);

    log(`warm start's phases: ${WARMUPS} + ${SAMPLES} page loads each of Lit and ours, marked, in turn`);
    const phases = await warmPhases(page, origin);

    log('page loads: the demo pages\' cache written by a first load of the intranet page');
    const key = await demoCacheKey(page, origin, diskGzip);
    log(`page loads: ${WARMUPS} + ${WARM_SAMPLES} rounds of ${Object.keys(LOAD_PAGES).join(', ')}, in turn`);
    const loadSamples = await pageLoads(page, origin, key, { warmups: WARMUPS, samples: WARM_SAMPLES, gzipOf: diskGzip });

    log(`Add Number after ${IDLE_MS} ms of idle: ${WARMUPS} + ${SAMPLES} loads of the intranet page`);
    const addNumberSamples = await addNumberAfterIdle(page, origin, { warmups: WARMUPS, samples: SAMPLES, idleMs: IDLE_MS });

    log('renders per change');
    await open(page, origin, 'renders');
    const renders = await call(page, 'run');

    log(`scale: 50 and 500 numbers, ${WARMUPS} + ${SAMPLES} page loads each`);
    const scaleSamples = await scale(page, origin);

    log(`status switches: 500 numbers, 20 numbers, baseline (${WARMUPS} + ${SAMPLES} each)`);
    const switch500 = await switches(page, origin, 'switch', '&n=500');
    const interaction = {
      ours: await switches(page, origin, 'switch', '&n=20'),
      baseline: await switches(page, origin, 'switch-baseline'),
    };

    if (pageErrors.length > 0) throw new Error(`Page errors:\n${pageErrors.join('\n')}`);

    const scaleMedian = Object.fromEntries(
      [50, 500].map((n) => [
        n,
        {
          ms: median(scaleSamples[n].map((s) => s.ms)),
          heapDeltaBytes: median(scaleSamples[n].map((s) => s.heapDeltaBytes)),
          domNodesDelta: median(scaleSamples[n].map((s) => s.domNodesDelta)),
        },
      ]),
    );
    const results = {
      date: new Date().toISOString(),
      machine: {
        cpu: os.cpus()[0]?.model ?? 'unknown CPU',
        cores: os.cpus().length,
        chromium: await browser.version(),
        node: process.version,
        os: `${os.type()} ${os.release()}`,
      },
      sizes,
      loads: Object.fromEntries(Object.entries(loadSamples).map(([name, list]) => [name, summarizeLoads(list)])),
      warm: {
        samples: warmSamples,
        medianOurs: median(warmSamples.ours),
        medianSwedish: median(warmSamples.swedish),
        medianBaseline: median(warmSamples.baseline),
        medianLit: median(warmSamples.lit),
        ratio: median(warmSamples.ours) / median(warmSamples.baseline),
        litRatio: median(warmSamples.lit) / median(warmSamples.baseline),
        against: against ? { rev: against, median: median(warmSamples.against) } : undefined,
        phases,
      },
      addNumber: {
        samples: addNumberSamples,
        median: median(addNumberSamples.map((sample) => sample.ms)),
        maxRequests: Math.max(...addNumberSamples.map((sample) => sample.requests.length)),
      },
      renders,
      scale: {
        samples: scaleSamples,
        median: scaleMedian,
        timeRatio: scaleMedian[500].ms / scaleMedian[50].ms,
        heapRatio: scaleMedian[500].heapDeltaBytes / scaleMedian[50].heapDeltaBytes,
      },
      switch500: { samples: switch500, median: median(switch500) },
      interaction: {
        samples: interaction,
        medianOurs: median(interaction.ours),
        medianBaseline: median(interaction.baseline),
        ratio: median(interaction.ours) / median(interaction.baseline),
      },
    };

    const { text, budgets } = report(results);
    results.budgets = budgets.map(({ cells: _cells, ...b }) => b);
    results.passed = budgets.every((b) => b.ok);
    mkdirSync('bench', { recursive: true });
    writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);

    console.log(text);
    log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s; wrote bench/results.json`);
    const broken = budgets.filter((b) => !b.ok);
    if (broken.length > 0) {
      console.error(`\n${broken.length} budget(s) broken:`);
      for (const b of broken) console.error(`  - ${b.figure}: ${b.brokenBy}`);
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
