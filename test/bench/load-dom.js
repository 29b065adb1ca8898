// Page-load reference, plain DOM: as soon as the page's script runs, reads the cache record named
// by `?key=` (the one the demo pages show, which their earlier loads wrote) with a raw IndexedDB
// request and builds its rows with plain DOM calls (dom-rows.js). scripts/bench.mjs times it from
// navigation start to the rows being in the document, as it times the demo pages.
import { build, readRecord } from './dom-rows.js';

const entry = await readRecord(new URLSearchParams(location.search).get('key'));
if (!entry) throw new Error('No cache record under ?key=: load a demo page first.');
build(entry.snapshot);
