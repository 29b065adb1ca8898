/**
 * The platform interface, its errors, and `clientFor`, which loads a named platform on first use.
 * The simulated platform itself is `./simulated/index.js`, an entry of its own.
 */
export * from './client.js';
export * from './errors.js';
export { LazyClient } from './lazy-client.js';
export { clientFor, scopeFor, loadRestPlatform, loadSimulatedPlatform } from './platforms.js';
export type { RestPlatformClientOptions } from './rest/rest-client.js';
