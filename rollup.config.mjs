// Production bundle: src/index.ts -> dist/remote-extension.js (one ES module, minified, with a
// source map). Dependencies (lit, @lit/context, idb-keyval, valibot) are bundled in; Node
// resolution uses the browser + production export conditions, so Lit's dev-mode code is left out.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

/** @type {import('rollup').RollupOptions} */
export default {
  input: 'src/index.ts',
  output: {
    file: 'dist/remote-extension.js',
    format: 'es',
    sourcemap: true,
  },
  plugins: [
    nodeResolve({ browser: true, exportConditions: ['production'], extensions: ['.ts', '.mjs', '.js'] }),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    terser({ ecma: 2020, module: true, format: { comments: false } }),
  ],
  onwarn(warning, warn) {
    // An import that cannot be resolved would be left as a bare specifier: fail the build instead.
    if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
    warn(warning);
  },
};
