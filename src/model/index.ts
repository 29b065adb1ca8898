/** The domain: data, schemas and rules. Imports nothing but valibot. */
export * from './schemas.js';
export * from './problems.js';
export * from './dial-plan.js';
export * from './selectors.js';
export * from './rules.js';
export * from './commands.js';
export * from './ids.js';
export * from './pending.js';
export * from './routing.js';
export * from './markers.js';
// Not `number-draft.js`: only the Add/Edit Number dialog uses it, and what this file exports is in
// the script-tag bundle's core; `src/index.ts` exports it for the package.
// Not `problem-schema.js`: only the REST client reads problems from outside, and the bundle puts
// everything this file exports in remote-extension.js. It imports that module itself.
