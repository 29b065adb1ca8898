/** The Store: state, optimistic changes, the IndexedDB cache and outbox, and the context key. */
export * from './store.js';
export { changeState, inForce, type LoadPhase, type StoreListener, type StoreState } from './state.js';
export type { RetryPause } from './delivery.js';
export * from './snapshot-cache.js';
export * from './outbox.js';
export * from './context.js';
/** The platform interface, for the elements, which never import a platform's code. */
export type {
  PlatformChoice,
  PlatformClient,
  PlatformDirectory,
  PlatformName,
  PlatformScope,
  RestAuth,
} from '../platform/client.js';
