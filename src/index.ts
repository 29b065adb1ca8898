/**
 * The package's entry: the model's types and rules, the platform interface with the simulated
 * MX-One platform, and the Store.
 */
export * from './model/index.js';
export * from './platform/index.js';
export * from './store/index.js';
