/** The Store: state, optimistic changes, the IndexedDB cache and outbox, and the context key. */
export * from './store.js';
export * from './snapshot-cache.js';
export * from './outbox.js';
export * from './context.js';
