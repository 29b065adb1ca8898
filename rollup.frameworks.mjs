// The EMB-1 framework pages: demo/react/app.tsx -> dist/demo/react.js and demo/vue/app.ts ->
// dist/demo/vue.js. Each is one self-contained ES module (framework + elements + simulated
// platform), minified, with a source map. rollup.config.mjs spreads this array into its own.
//
// - replace runs first so that React's and Vue's `process.env.NODE_ENV` checks become constant and
//   their development builds are dropped; Vue's feature flags are set the same way.
// - commonjs is needed because React ships CommonJS only.
// - Vue is used through render functions (`h()`), so its runtime-only build is enough: no
//   template compiler, no `new Function`, nothing a strict CSP would block.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const production = { 'process.env.NODE_ENV': JSON.stringify('production') };

function onwarn(warning, warn) {
  // An import that cannot be resolved would be left as a bare specifier: fail the build instead.
  if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
  warn(warning);
}

/** One page's bundle; `values` are the compile-time constants, `jsx` esbuild's JSX mode. */
function page({ input, file, values, jsx }) {
  return {
    input,
    output: {
      file,
      format: 'es',
      sourcemap: true,
      // One file per page even if the elements ever import a module lazily.
      inlineDynamicImports: true,
    },
    plugins: [
      replace({ preventAssignment: true, values }),
      nodeResolve({ browser: true, exportConditions: ['production'], extensions: ['.ts', '.tsx', '.mjs', '.js'] }),
      commonjs(),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', ...(jsx ? { jsx } : {}) }),
      terser({ ecma: 2020, module: true, format: { comments: false } }),
    ],
    onwarn,
  };
}

/** @type {import('rollup').RollupOptions[]} */
export default [
  page({
    input: 'demo/react/app.tsx',
    file: 'dist/demo/react.js',
    values: production,
    // React 19's automatic runtime: the JSX imports react/jsx-runtime, no `React` in scope.
    jsx: 'automatic',
  }),
  page({
    input: 'demo/vue/app.ts',
    file: 'dist/demo/vue.js',
    values: {
      ...production,
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  }),
];
