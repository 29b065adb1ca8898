// Warm start, baseline: what the least code could do with the same cache record (dom-rows.js:
// a raw IndexedDB read, then <my-numbers>' 20 rows and <status-remote-picker>'s 6 built with plain
// DOM calls). Timed like warm.js: from the start to the rows being in the DOM, polled once per task.
import { build, readRecord } from './dom-rows.js';
import { waitFor } from './lib.js';
import { benchScope } from './snapshot.js';

const NUMBERS = 20;
const STATUSES = 6;

async function run() {
  const t0 = performance.now();
  const scope = benchScope(NUMBERS);
  const entry = await readRecord(JSON.stringify([scope.platform, scope.user]));
  build(entry.snapshot);
  const t1 = await waitFor(
    () =>
      document.querySelectorAll('ul.numbers > li').length === NUMBERS &&
      document.querySelectorAll('ul.statuses > li').length === STATUSES,
    'the baseline rows',
  );
  return t1 - t0;
}

window.bench = { run };
