#!/usr/bin/env node
// `npm run bench`: how big and how fast the elements are, each figure beside a baseline measured
// in the same run. Builds the script-tag bundle (rollup.config.mjs's first config) and, in memory,
// the floor bundle (test/bench/floor.ts: only the libraries, with the same plugins), then serves
// the repository on 127.0.0.1 and runs the pages of test/bench/ in headless Chromium
// (puppeteer-core), one fresh page load per sample unless said otherwise:
//
// 1. bundle size (gzip -9): ours, the floor, and ours minus the floor; the platform chunks listed.
// 2. warm start from the IndexedDB cache: warm.js against warm-baseline.js, in turn, with
//    warm-lit.js (one bare Lit element, built from lit-floor.ts) as a reference between them.
// 3. renders and platform requests per change, and DOM mutations outside the edited row: renders.js.
// 4. scale: 50 against 500 numbers (time to rows, JS heap after a forced GC, DOM nodes; scale.js),
//    and a status switch with 500 numbers (switch.js).
// 5. interaction: a status switch with 20 numbers (switch.js) against a plain DOM page
//    (switch-baseline.js).
//
// Prints Markdown tables on stdout (progress goes to stderr) and writes every sample to
// bench/results.json. Exits 0, or 1 when a budget is broken, saying which and by how much.
//
// `npm run bench -- --against REV` also builds the bundle of the git revision REV (in a worktree,
// to dist/bench/against/) and times its warm start in turn with this tree's, on the same pages:
// the one way to see a change of a few tenths of a millisecond on a machine that drifts by more
// than that between runs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { rollup } from 'rollup';
import { gzipBytes, measureSizes } from './bundle-size.mjs';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
process.chdir(root); // rollup.config.mjs names its inputs and outputs relative to the root.

const againstAt = process.argv.indexOf('--against');
const against = againstAt === -1 ? null : process.argv[againstAt + 1];
if (againstAt !== -1 && !against) throw new Error('--against needs a git revision, e.g. --against HEAD~1.');

const WARMUPS = 2;
const SAMPLES = 15;
/** The warm start is the figure nearest its budget and the noisiest (IndexedDB), so it takes more. */
const WARM_SAMPLES = 31;

const started = Date.now();
const log = (message) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}`);

// ---------------------------------------------------------------------------------------------
// Build and sizes.

async function buildAndMeasure() {
  const { default: configs, bundlePlugins } = await import('../rollup.config.mjs');
  const config = configs[0];
  const bundle = await rollup(config);
  const { output: written } = await bundle.write(config.output);
  await bundle.close();
  const files = written.filter((item) => item.type === 'chunk').map((chunk) => chunk.fileName);
  if (!files.includes('remote-extension.js')) {
    throw new Error(`rollup.config.mjs's first config no longer writes remote-extension.js (it wrote ${files.join(', ')}).`);
  }
  const { bundleBytes, floorBytes } = await measureSizes();

  // The warm start's Lit reference element, for warm-lit.js.
  const litFloor = await rollup({ input: 'test/bench/lit-floor.ts', plugins: bundlePlugins() });
  await litFloor.write({ file: 'dist/bench/lit-floor.js', format: 'es' });
  await litFloor.close();
  // The cache and schema seed.js writes the warm start's records with.
  const seedCache = await rollup({ input: 'test/bench/seed-cache.ts', plugins: bundlePlugins() });
  await seedCache.write({ file: 'dist/bench/seed-cache.js', format: 'es' });
  await seedCache.close();
  // Everything else the build wrote (the platform chunks in dist/chunks/, any other entry).
  const others = files
    .filter((file) => file !== 'remote-extension.js')
    .sort()
    .map((file) => ({ file: `dist/${file}`, gzipBytes: gzipBytes(readFileSync(join('dist', file))) }));
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

/** Serves the repository root, read-only, on a free port of 127.0.0.1. */
function serve() {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://localhost').pathname));
    const file = join(root, path);
    if (!file.startsWith(root + sep)) return response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
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

// ---------------------------------------------------------------------------------------------
// The figures.

const WARM_PAGES = { ours: ['warm'], lit: ['warm-lit'], baseline: ['warm-baseline'], against: ['warm', '&bundle=against'] };

async function warmStart(page, origin) {
  const samples = { ours: [], lit: [], baseline: [], ...(against ? { against: [] } : {}) };
  for (let i = 0; i < WARMUPS + WARM_SAMPLES; i++) {
    const order = i % 2 === 0 ? ['baseline', 'lit', 'ours', 'against'] : ['against', 'ours', 'lit', 'baseline'];
    for (const which of order.filter((name) => name in samples)) {
      await open(page, origin, ...WARM_PAGES[which]);
      const ms = await call(page, 'run');
      if (i >= WARMUPS) samples[which].push(ms);
    }
  }
  return samples;
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

// ---------------------------------------------------------------------------------------------
// Budgets and the report.

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
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

/** A row reported with no budget to meet: the sizes and the warm start, until budgets are set against the stack's floor. */
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
  const { sizes, warm, renders, scale: sc, switch500, interaction } = results;
  const count = (value) => String(value);
  const budgets = [
    measured({
      figure: 'Bundle (gzip -9)',
      ours: kB(sizes.bundleBytes),
      baseline: `floor ${kB(sizes.floorBytes)}`,
      ratio: times(sizes.bundleBytes / sizes.floorBytes),
    }),
    measured({ figure: 'Own code (bundle − floor)', ours: kB(sizes.ownBytes) }),
    measured({
      figure: 'Warm start, 20 numbers + 6 statuses (median)',
      ours: ms(warm.medianOurs),
      baseline: ms(warm.medianBaseline),
      ratio: times(warm.ratio),
    }),
  ];
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
  out.push('\n### Warm start, 20 numbers and 6 statuses from the IndexedDB cache (medians)\n');
  out.push(
    table(
      ['page', 'append to rows', '× plain DOM'],
      [
        ['plain DOM (warm-baseline.js)', ms(warm.medianBaseline), times(1)],
        ['one bare Lit element (lit-floor.ts)', ms(warm.medianLit), times(warm.litRatio)],
        ['ours: provider, <my-numbers>, <status-remote-picker>', ms(warm.medianOurs), times(warm.ratio)],
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
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') log(`page console.${message.type()}: ${message.text()}`);
    });

    log('seeding the cache records');
    await open(page, origin, 'seed');
    await call(page, 'run');

    log(`warm start: ${WARMUPS} + ${WARM_SAMPLES} page loads each, ours and baseline alternating${against ? `, and ${against}'s` : ''}`);
    const warmSamples = await warmStart(page, origin);

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
      warm: {
        samples: warmSamples,
        medianOurs: median(warmSamples.ours),
        medianBaseline: median(warmSamples.baseline),
        medianLit: median(warmSamples.lit),
        ratio: median(warmSamples.ours) / median(warmSamples.baseline),
        litRatio: median(warmSamples.lit) / median(warmSamples.baseline),
        against: against ? { rev: against, median: median(warmSamples.against) } : undefined,
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
