/** The Store: state, optimistic changes, the IndexedDB cache, and the context key. */
export * from './store.js';
export * from './snapshot-cache.js';
export * from './context.js';
