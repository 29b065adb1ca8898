/** The domain: data, schemas and rules. Imports nothing but valibot. */
export * from './schemas.js';
export * from './problems.js';
export * from './dial-plan.js';
export * from './selectors.js';
export * from './rules.js';
export * from './commands.js';
export * from './ids.js';
export * from './problem-schema.js';
