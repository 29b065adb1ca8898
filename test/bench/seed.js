// Not a measurement: the page load before the warm-start and scale figures. It writes the cache
// records they read (snapshot.js's SEEDED) with the Store's own SnapshotCache, after checking each
// snapshot with its SnapshotSchema (through its Standard Schema `validate`), since the Store
// silently drops an invalid one; then reads each back through the cache, which validates too.
import { SnapshotCache, SnapshotSchema } from '/dist/bench/seed-cache.js';
import { benchScope, makeSnapshot, SEEDED } from './snapshot.js';

async function run() {
  const cache = new SnapshotCache();
  const written = [];
  for (const { n, use } of SEEDED) {
    const snapshot = makeSnapshot(n);
    const checked = await SnapshotSchema['~standard'].validate(snapshot);
    if (checked.issues) {
      throw new Error(`Generated snapshot of ${n} numbers is invalid: ${checked.issues.map((i) => i.message).join('; ')}`);
    }
    const scope = benchScope(n, use);
    await cache.write(scope, snapshot);
    const back = await cache.read(scope);
    if (back?.numbers.length !== n) throw new Error(`The cache did not keep the snapshot for ${JSON.stringify(scope)}.`);
    written.push(scope);
  }
  return written;
}

window.bench = { run };
