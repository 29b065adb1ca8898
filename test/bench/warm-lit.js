// Warm start, the Lit floor (a reference, no budget): lit-floor.ts's one element reading the same
// record raw and rendering the same rows once. Timed like warm.js.
import '/dist/bench/lit-floor.js';
import { phaseRecorder, waitFor } from './lib.js';
import { benchScope } from './snapshot.js';

const NUMBERS = 20;
const STATUSES = 6;

/** `phases`: also mark when IndexedDB answered and the element rendered (lib.js phaseRecorder). */
async function run({ phases = false } = {}) {
  const scope = benchScope(NUMBERS);
  const element = document.createElement('lit-floor');
  element.key = JSON.stringify([scope.platform, scope.user]);
  const recorder = phases ? phaseRecorder() : null;
  recorder?.element('lit', customElements.get('lit-floor'));
  recorder?.start();
  const t0 = performance.now();
  document.body.append(element);
  const t1 = await waitFor(
    () =>
      element.shadowRoot?.querySelectorAll('ul.numbers > li').length === NUMBERS &&
      element.shadowRoot.querySelectorAll('ul.statuses > li').length === STATUSES,
    'the Lit floor rows',
  );
  return recorder ? { ...recorder.marks, rows: t1 - t0 } : t1 - t0;
}

window.bench = { run };
