// Scale: <my-numbers> alone in a provider, with `?n=` numbers (50 and 500). The platform is held
// back and the rows come from the cache record seed.js wrote, as in the warm start: it is the path a
// returning user takes, and nothing is written to IndexedDB while it is measured (a client
// answering load() at once would make the Store write the snapshot to the cache meanwhile).
// run() times the append to all rows shown (polled once per task), <my-numbers>' code fetched and
// defined before (the bundle's `discover`). The heap and DOM node figures are read around it by
// scripts/bench.mjs through CDP, after a forced GC.
import { discover } from '/dist/remote-extension.js';
import { HeldBackClient, numberRows, waitFor } from './lib.js';
import { benchScope, makeSnapshot } from './snapshot.js';

const n = Number(new URLSearchParams(location.search).get('n'));

async function run() {
  const provider = document.createElement('remote-extension-provider');
  provider.client = new HeldBackClient(benchScope(n), makeSnapshot(n));
  const myNumbers = document.createElement('my-numbers');
  provider.append(myNumbers);
  await discover(provider);
  if (!customElements.get('my-numbers')) throw new Error('<my-numbers> is not defined before the clock starts.');

  const t0 = performance.now();
  document.body.append(provider);
  const t1 = await waitFor(() => numberRows(myNumbers) === n, `${n} number rows`);
  return t1 - t0;
}

window.bench = { run };
