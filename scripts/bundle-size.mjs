#!/usr/bin/env node
// The size of dist/remote-extension.js, the script-tag bundle (every page element and the Store;
// the platform chunks and <quick-status> are files of their own), minified and gzip -9, beside the
// floor: test/bench/floor.ts, only the libraries it is built on with the same functions imported,
// built the same way. `npm run bench` reports these against the size budget.
//
// `node scripts/bundle-size.mjs` (in `npm test`, after the build) prints them and fails when the
// bundle is bigger than SIZE_CEILING: until the budget is met, the bundle may only shrink.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';

/** The budget (issue 8): the bundle at most 18 kB, and our own code at most 8 kB above the floor. */
export const SIZE_BUDGET = { bundleBytes: 18_000, ownBytes: 8_000 };
/**
 * What the bundle measured when this ceiling was last lowered (32,009 bytes), plus 100 bytes so a
 * refactoring that moves gzip by a few bytes does not trip it. Lower it when the bundle shrinks;
 * raising it is a decision to say in the commit.
 */
export const SIZE_CEILING = 32_110;

export const gzipBytes = (code) => gzipSync(code, { level: 9 }).length;

/** Sizes of the bundle already built in dist/, and of the floor, built now with the same plugins. */
export async function measureSizes() {
  const { bundlePlugins } = await import('../rollup.config.mjs');
  const floorBuild = await rollup({ input: 'test/bench/floor.ts', plugins: bundlePlugins() });
  const { output } = await floorBuild.generate({ format: 'es' });
  await floorBuild.close();
  const floorBytes = gzipBytes(output.filter((item) => item.type === 'chunk').map((chunk) => chunk.code).join('\n'));
  const bundleBytes = gzipBytes(readFileSync('dist/remote-extension.js'));
  return { bundleBytes, floorBytes, ownBytes: bundleBytes - floorBytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.chdir(fileURLToPath(new URL('..', import.meta.url)));
  const sizes = await measureSizes();
  const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(
    `dist/remote-extension.js: ${sizes.bundleBytes} bytes gzip -9 (${kB(sizes.bundleBytes)}); floor ${kB(sizes.floorBytes)}; ` +
      `own code ${kB(sizes.ownBytes)}.`,
  );
  const met = sizes.bundleBytes <= SIZE_BUDGET.bundleBytes && sizes.ownBytes <= SIZE_BUDGET.ownBytes;
  console.log(
    met
      ? `Within the budget (≤ ${kB(SIZE_BUDGET.bundleBytes)}, own ≤ ${kB(SIZE_BUDGET.ownBytes)}).`
      : `Over the budget (≤ ${kB(SIZE_BUDGET.bundleBytes)}, own ≤ ${kB(SIZE_BUDGET.ownBytes)}); held to the ceiling of ${SIZE_CEILING} bytes.`,
  );
  if (sizes.bundleBytes > SIZE_CEILING) {
    console.error(`The bundle grew past its ceiling: ${sizes.bundleBytes} > ${SIZE_CEILING} bytes (scripts/bundle-size.mjs).`);
    process.exit(1);
  }
}
