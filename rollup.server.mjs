// The reference server (demo/server/) for Node 20: demo/server/main.ts -> dist/server/server.mjs,
// one ES module with the model, the account engine and valibot inside. rollup.config.mjs spreads
// this array into its own; alone: `npx rollup -c rollup.server.mjs`.
//
// Node's built-ins stay imports. So do ajv and yaml (the contract check's): they ship CommonJS,
// which Node loads as it is from node_modules, where `npm run server` runs.
import { builtinModules } from 'node:module';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';

function onwarn(warning, warn) {
  // An import that cannot be resolved would be left as a bare specifier: fail the build instead.
  if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
  warn(warning);
}

const runtimeImports = ['ajv', 'yaml'];

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: 'demo/server/main.ts',
    output: { file: 'dist/server/server.mjs', format: 'es', sourcemap: true },
    external: (id) =>
      id.startsWith('node:') ||
      builtinModules.includes(id) ||
      runtimeImports.some((name) => id === name || id.startsWith(`${name}/`)),
    plugins: [
      nodeResolve({ exportConditions: ['node'], preferBuiltins: true, extensions: ['.ts', '.mjs', '.js'] }),
      esbuild({ target: 'node20', tsconfig: 'demo/server/tsconfig.json' }),
    ],
    onwarn,
  },
];
