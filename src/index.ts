/**
 * The model's types and rules, the platform interface (the simulated platform is loaded on
 * demand, see `loadSimulatedPlatform`), and the Store. The elements add themselves on top in
 * `entries/index.ts`, the package's main entry.
 */
export * from './model/index.js';
export * from './model/number-draft.js';
export * from './platform/index.js';
export * from './store/index.js';
