// Warm start, the Lit floor (a reference, no budget): lit-floor.ts's one element reading the same
// record raw and rendering the same rows once. Timed like warm.js.
import '/dist/bench/lit-floor.js';
import { waitFor } from './lib.js';
import { benchScope } from './snapshot.js';

const NUMBERS = 20;
const STATUSES = 6;

async function run() {
  const scope = benchScope(NUMBERS);
  const element = document.createElement('lit-floor');
  element.key = JSON.stringify([scope.platform, scope.user]);
  const t0 = performance.now();
  document.body.append(element);
  const t1 = await waitFor(
    () =>
      element.shadowRoot?.querySelectorAll('ul.numbers > li').length === NUMBERS &&
      element.shadowRoot.querySelectorAll('ul.statuses > li').length === STATUSES,
    'the Lit floor rows',
  );
  return t1 - t0;
}

window.bench = { run };
