// Warm start, ours: with the cache record already written (seed.js, an earlier page load), the
// time from appending <remote-extension-provider> holding <my-numbers> and <status-remote-picker>
// (the provider connects and makes its Store) to both showing their rows: 20 numbers and 6
// statuses in their shadow roots. The elements' code is fetched and defined before the clock starts
// (the bundle's `discover`), so this is the start of elements already loaded, not their download.
// The platform is held back (HeldBackClient, whose load() never answers, under the scope the record
// was written for), so the rows can only come from the cache.
// Polled once per task (MessageChannel), so the figure is not rounded to frames.
// `&lang=sv` puts lang="sv" on the provider: its Swedish words are fetched when it connects, inside
// the timed part, as on a Swedish page.
// `run({ phases: true })` also returns when IndexedDB answered and each element rendered.
// `&bundle=against` loads the bundle `npm run bench -- --against REV` built from another revision.
import { HeldBackClient, numberRows, phaseRecorder, statusRows, waitFor } from './lib.js';
import { benchScope, makeSnapshot } from './snapshot.js';

const params = new URLSearchParams(location.search);
const BUNDLES = { this: '/dist/remote-extension.js', against: '/dist/bench/against/remote-extension.js' };
const bundle = await import(BUNDLES[params.get('bundle') ?? 'this']);

const NUMBERS = 20;
const STATUSES = 6;

/** `phases`: also mark when IndexedDB answered and each element rendered (lib.js phaseRecorder). */
async function run({ phases = false } = {}) {
  const provider = document.createElement('remote-extension-provider');
  provider.client = new HeldBackClient(benchScope(NUMBERS), makeSnapshot(NUMBERS));
  if (params.get('lang')) provider.lang = params.get('lang');
  const myNumbers = document.createElement('my-numbers');
  const picker = document.createElement('status-remote-picker');
  provider.append(myNumbers, picker);
  // A bundle from before issue 19 defines every element on import and has no discover().
  await bundle.discover?.(provider);
  if (!customElements.get('my-numbers') || !customElements.get('status-remote-picker')) {
    throw new Error('<my-numbers> and <status-remote-picker> are not defined before the clock starts.');
  }

  const recorder = phases ? phaseRecorder() : null;
  recorder?.element('myNumbers', customElements.get('my-numbers'));
  recorder?.element('picker', customElements.get('status-remote-picker'));

  recorder?.start();
  const t0 = performance.now();
  document.body.append(provider);
  const t1 = await waitFor(
    () => numberRows(myNumbers) === NUMBERS && statusRows(picker) === STATUSES,
    `${NUMBERS} number rows and ${STATUSES} status rows`,
  );
  return recorder ? { ...recorder.marks, rows: t1 - t0 } : t1 - t0;
}

window.bench = { run };
