// Built by `npm run bench` to dist/bench/seed-cache.js for seed.js: the cache and the schema the
// Store reads with, which the script-tag bundle does not export.
export { SnapshotCache } from '../../src/store/snapshot-cache.js';
export { SnapshotSchema } from '../../src/model/schemas.js';
