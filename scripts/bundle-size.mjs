#!/usr/bin/env node
// What a page pays for, in bytes of JavaScript, minified and gzip -9 file by file as a server
// sends them: the script-tag bundle's core (dist/remote-extension.js: Lit, the Store, the
// provider, what the elements share, the autoloader) and the chunks of the elements a page shows.
// Beside them, the floor: test/bench/floor.ts, only the libraries the core is built on with the
// same functions imported, built the same way. `npm run bench` reports them too, with what the
// demo pages really fetch before their first render.
//
// `node scripts/bundle-size.mjs` (in `npm test`, after the build) prints them and fails when one
// is bigger than its ceiling: each may only shrink.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';

/**
 * What each measured on 2026-12-01 when the elements became chunks loaded by tag (issue 19), plus
 * 11 bytes: the chunks' content hashes are in the core's text, so a change anywhere moves the core
 * by a byte or two. Lowered whenever a figure shrinks; raising one is a decision to say in the
 * commit. Before issue 19 every page loaded the one 37,129-byte bundle.
 */
export const CEILINGS = {
  /** The intranet page's elements: the footer, Availability and My Numbers. */
  intranet: 34_916,
  /** Every page element (not the Add/Edit Number dialog, which loads when idle). */
  allElements: 37_666,
  /** All of it: the core, every element's chunk, the dialog, the popup's element and Swedish. */
  all: 48_874,
};

/** The pages measured: the element chunks each loads before its first render, beside the core. */
export const PAGES = {
  intranet: ['call-using-footer', 'availability-menu', 'my-numbers'],
  allElements: ['call-using-footer', 'availability-menu', 'my-numbers', 'status-remote-picker'],
};

/** A chunk (by its file name) that a page fetches only when it chooses that platform. */
export const isPlatformChunk = (file) => /^(simulated|rest|delay)-[\w-]{8}\.js$/.test(file);

/** A chunk's name without its content hash: `my-numbers-CM7TKRvp.js` → `my-numbers`. */
const chunkName = (file) => file.replace(/-[\w-]{8}\.js$/, '');

export const gzipBytes = (code) => gzipSync(code, { level: 9 }).length;

/** The gzip -9 size of each file the script-tag build wrote, platform chunks aside: the core and dist/chunks/*.js by name. */
function builtFiles() {
  const files = new Map([['core', gzipBytes(readFileSync('dist/remote-extension.js'))]]);
  for (const file of readdirSync('dist/chunks').filter((name) => name.endsWith('.js') && !isPlatformChunk(name))) {
    files.set(chunkName(file), gzipBytes(readFileSync(`dist/chunks/${file}`)));
  }
  return files;
}

/** Sizes of the build already in dist/, and of the floor, built now with the same plugins. */
export async function measureSizes() {
  const { bundlePlugins } = await import('../rollup.config.mjs');
  const floorBuild = await rollup({ input: 'test/bench/floor.ts', plugins: bundlePlugins() });
  const { output } = await floorBuild.generate({ format: 'es' });
  await floorBuild.close();
  const floorBytes = gzipBytes(output.filter((item) => item.type === 'chunk').map((chunk) => chunk.code).join('\n'));
  const files = builtFiles();
  const sum = (names) => names.reduce((total, name) => total + (files.get(name) ?? missing(name)), 0);
  const bundleBytes = files.get('core');
  return {
    bundleBytes,
    floorBytes,
    ownBytes: bundleBytes - floorBytes,
    files,
    intranet: sum(['core', ...PAGES.intranet]),
    allElements: sum(['core', ...PAGES.allElements]),
    all: sum([...files.keys()]),
  };
}

function missing(name) {
  throw new Error(`The build wrote no chunk for ${name} (dist/chunks/${name}-*.js).`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.chdir(fileURLToPath(new URL('..', import.meta.url)));
  const sizes = await measureSizes();
  const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(
    `Core dist/remote-extension.js ${sizes.bundleBytes} bytes gzip -9 (floor ${kB(sizes.floorBytes)}); ` +
      `intranet page ${sizes.intranet}; every page element ${sizes.allElements}; all ${sizes.all} (platform chunks aside).`,
  );
  const over = Object.entries(CEILINGS).filter(([name, ceiling]) => sizes[name] > ceiling);
  for (const [name, ceiling] of over) {
    console.error(`${name} grew past its ceiling: ${sizes[name]} > ${ceiling} bytes (scripts/bundle-size.mjs).`);
  }
  if (over.length > 0) process.exit(1);
}
