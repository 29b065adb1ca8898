// Warm start, baseline: what the least code could do with the same cache record. It reads the
// record with a raw indexedDB.open() + get() (the database, store and key SnapshotCache uses through
// idb-keyval: `remote-extension-cache`, `snapshots`, JSON.stringify([platform, user])) and builds
// the same rows with plain DOM calls: 20 number rows (label and number) and 6 status rows (a name
// and a <select> of the Remote Extension choices: None and each remote extension number). Timed
// like warm.js: from the start to the rows being in the DOM, polled once per task.
import { waitFor } from './lib.js';
import { benchScope } from './snapshot.js';

const NUMBERS = 20;
const STATUSES = 6;

function readRecord(scope) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('remote-extension-cache');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const get = db
        .transaction('snapshots', 'readonly')
        .objectStore('snapshots')
        .get(JSON.stringify([scope.platform, scope.user]));
      get.onerror = () => reject(get.error);
      get.onsuccess = () => {
        db.close();
        resolve(get.result);
      };
    };
  });
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function build(snapshot) {
  const numbers = element('ul', undefined, 'numbers');
  for (const n of snapshot.numbers) {
    const row = element('li', undefined, 'number');
    row.append(element('span', n.label, 'label'), element('span', n.dial, 'dial'));
    numbers.append(row);
  }
  const choices = [{ id: '', label: 'None' }, ...snapshot.numbers.filter((n) => n.remoteExtension)];
  const statuses = element('ul', undefined, 'statuses');
  for (const status of snapshot.statuses) {
    const select = document.createElement('select');
    for (const choice of choices) {
      const option = element('option', choice.label);
      option.value = choice.id;
      option.selected = choice.id === (status.remoteExtensionId ?? '');
      select.append(option);
    }
    const row = element('li', undefined, 'status');
    row.append(element('span', status.name, 'name'), select);
    statuses.append(row);
  }
  const view = element('div');
  view.append(numbers, statuses);
  document.body.append(view);
}

async function run() {
  const t0 = performance.now();
  const entry = await readRecord(benchScope(NUMBERS));
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
