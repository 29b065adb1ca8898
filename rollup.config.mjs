// `npm run build`. Three outputs:
//
// 1. dist/remote-extension.js — for a <script type="module"> tag: the core (Lit, valibot,
//    idb-keyval, the Store and the provider, minified), which fetches each element's chunk from
//    dist/chunks/ when its tag is in the page. The simulated platform, the REST client and the
//    Swedish words are chunks there too, each fetched only when a page needs it.
// 2. dist/lib/ — for bundlers (package.json `exports`): the same modules, unminified, one file
//    per source module, with the runtime dependencies left as imports so an app has one Lit.
// 3. dist/demo/index.js — the demo page's own script, which uses (1) as a page would: by URL.
// Then the React and Vue pages (rollup.frameworks.mjs) and the reference server
// (rollup.server.mjs, dist/server/server.mjs), and the browser extension (rollup.extension.mjs,
// dist/extension/).
//
// Node resolution uses the browser + production export conditions, so Lit's dev mode is left out.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import esbuild from 'rollup-plugin-esbuild';
import frameworks from './rollup.frameworks.mjs';
import extension from './rollup.extension.mjs';
import { minifyTemplates } from './scripts/rollup-minify-templates.mjs';
import { oncePerBuild, reachable } from './scripts/rollup-module-graph.mjs';
import server from './rollup.server.mjs';

const resolve = () =>
  nodeResolve({ browser: true, exportConditions: ['production'], extensions: ['.ts', '.mjs', '.js'] });
const typescript = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' });
const minify = () => terser({ ecma: 2020, module: true, format: { comments: false } });

function onwarn(warning, warn) {
  // An import that cannot be resolved would be left as a bare specifier: fail the build instead.
  if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
  warn(warning);
}

const runtimeDependencies = ['lit', '@lit/context', 'idb-keyval', 'valibot'];

/** How the script-tag bundle is made; the bench builds its floor the same way. */
export const bundlePlugins = () => [resolve(), typescript(), minifyTemplates(), minify()];

/**
 * Chunk names carry a content hash, so old ones would pile up beside the new: the bundle's build
 * empties dist/chunks first (when it runs, not when this file is imported, as the bench does).
 */
const emptyChunks = () => ({
  name: 'empty-chunks',
  buildStart() {
    rmSync(fileURLToPath(new URL('dist/chunks', import.meta.url)), { recursive: true, force: true });
  },
});
const bundleEntry = fileURLToPath(new URL('entries/bundle.ts', import.meta.url));

/**
 * The bundle's chunking. The core, remote-extension.js, holds every module the entry imports
 * statically, at any depth (Lit, the Store, the provider, the autoloader), and what the elements
 * share (components/shared/): every page shows at least one element, and each
 * file gzips on its own, so a dozen small shared files would cost more than they save. Each
 * element's own modules are the chunk of its autoloader `import()`, and the platforms and the
 * Swedish strings are chunks of their own.
 */
function coreModules() {
  const inCore = oncePerBuild((getModuleInfo) => reachable([bundleEntry], getModuleInfo).seen);
  return (id, { getModuleInfo }) => {
    // A module loaded with `import()` (the Swedish strings) stays a chunk of its own.
    if (getModuleInfo(id)?.dynamicImporters.length) return undefined;
    return inCore(getModuleInfo).has(id) || id.includes('/components/shared/') ? 'remote-extension' : undefined;
  };
}

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: { 'remote-extension': 'entries/bundle.ts' },
    // Lets the simulated chunk import what it shares straight from remote-extension.js, instead of
    // rollup moving the shared code into a third file.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks: coreModules(),
      sourcemap: true,
    },
    plugins: [emptyChunks(), ...bundlePlugins()],
    onwarn,
  },
  {
    input: {
      index: 'entries/index.ts',
      define: 'entries/define.ts',
      'quick-status': 'entries/quick-status.ts',
      simulated: 'src/platform/simulated/index.ts',
      rest: 'src/platform/rest/index.ts',
    },
    output: {
      dir: 'dist/lib',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: '.',
      entryFileNames: '[name].js',
      sourcemap: true,
    },
    external: (id) => runtimeDependencies.some((name) => id === name || id.startsWith(`${name}/`)),
    plugins: [resolve(), typescript()],
    onwarn,
  },
  {
    input: { index: 'demo/index.ts' },
    output: {
      dir: 'dist/demo',
      format: 'es',
      sourcemap: true,
      // The page's script imports the bundle by URL instead of bundling a second copy.
      paths: (id) => (id === bundleEntry ? '../remote-extension.js' : id),
    },
    plugins: [
      {
        // Page scripts import '../entries/bundle.js' (typed by the source); send it to the bundle.
        name: 'bundle-by-url',
        resolveId: (source, importer) =>
          importer && source.endsWith('entries/bundle.js') ? { id: bundleEntry, external: true } : null,
      },
      resolve(),
      typescript(),
      minify(),
    ],
    onwarn,
  },
  ...frameworks,
  ...server,
  ...extension,
];
