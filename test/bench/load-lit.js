// Page-load reference, one bare Lit element: lit-floor.ts's element (dist/bench/lit-floor.js),
// appended as soon as the page's script runs, reads the cache record named by `?key=` with a raw
// IndexedDB request and renders its rows once. scripts/bench.mjs times it from navigation start to
// the rows being in its shadow root, as it times the demo pages.
import '/dist/bench/lit-floor.js';

const element = document.createElement('lit-floor');
element.key = new URLSearchParams(location.search).get('key');
document.body.append(element);
