// The browser extension (manifest/) as an unpacked folder, dist/extension/: the popup's and the
// options page's scripts bundled (the platforms as chunks, loaded when chosen), and the manifest,
// pages, styles and icons copied beside them. `npm run build:extension` zips it with web-ext.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import esbuild from 'rollup-plugin-esbuild';
import { minifyTemplates } from './scripts/rollup-minify-templates.mjs';
import { oncePerBuild, reachable } from './scripts/rollup-module-graph.mjs';

const out = 'dist/extension';
/** Lit's own code, as one file the linter can tell apart from ours. */
export const litChunk = 'vendor/lit';
const pages = ['popup.html', 'popup.css', 'options.html', 'options.css'];

/** Copies the extension's static files and stamps the package's version into the manifest. */
function extensionFiles() {
  return {
    name: 'extension-files',
    buildStart() {
      rmSync(out, { recursive: true, force: true });
    },
    writeBundle() {
      const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
      const manifest = JSON.parse(readFileSync('manifest/manifest.json', 'utf8'));
      writeFileSync(`${out}/manifest.json`, `${JSON.stringify({ ...manifest, version }, null, 2)}\n`);
      for (const page of pages) cpSync(`manifest/${page}`, `${out}/${page}`);
      mkdirSync(`${out}/icons`, { recursive: true });
      for (const size of [16, 32, 48, 128]) cpSync(`manifest/icons/icon-${size}.png`, `${out}/icons/icon-${size}.png`);
    },
  };
}

const entries = { popup: 'manifest/popup.ts', options: 'manifest/options.ts' };
const isLit = (id) => /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(id);

/**
 * Lit in its file (above); the rest of what the popup shares with the options page or with a chunk
 * it loads later (a platform, Swedish), in one chunk, `shared`. Left to itself rollup makes a chunk
 * per set of importers, and the popup's first render waited on six small files, each gzipped alone.
 */
function extensionChunks() {
  const shared = oncePerBuild((getModuleInfo) => {
    const [popup, options] = Object.values(entries).map((entry) => reachable([fileURLToPath(new URL(entry, import.meta.url))], getModuleInfo));
    const loadedLater = reachable([...popup.later, ...options.later], getModuleInfo).seen;
    return new Set([...popup.seen].filter((module) => options.seen.has(module) || loadedLater.has(module)));
  });
  return (id, { getModuleInfo }) => (isLit(id) ? litChunk : shared(getModuleInfo).has(id) ? 'shared' : undefined);
}

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: entries,
    output: {
      dir: out,
      format: 'es',
      entryFileNames: '[name].js',
      // Lit in a file of its own, so that `npm test` can hold the extension's own code to zero lint
      // warnings and Lit's file to exactly its one known finding (see scripts/lint-extension.mjs).
      chunkFileNames: (chunk) => (chunk.name === litChunk ? `${litChunk}.js` : 'chunks/[name]-[hash].js'),
      manualChunks: extensionChunks(),
    },
    plugins: [
      extensionFiles(),
      nodeResolve({ browser: true, exportConditions: ['production'], extensions: ['.ts', '.mjs', '.js'] }),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
      minifyTemplates(),
      terser({ ecma: 2020, module: true, format: { comments: false } }),
    ],
    onwarn(warning, warn) {
      if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
      warn(warning);
    },
  },
];
