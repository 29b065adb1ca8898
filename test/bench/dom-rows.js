// The plain-DOM baseline's work, shared by warm-baseline.js (timed from its run()) and load-dom.js
// (timed from navigation start): read one cache record with a raw indexedDB.open() + get() (the
// database, store and key SnapshotCache uses through idb-keyval: `remote-extension-cache`,
// `snapshots`, JSON.stringify([platform, user])) and build the same rows with plain DOM calls: the
// same elements, text, attributes and click handlers as <my-numbers>' rows (label, number,
// markers, Edit and Delete) and <status-remote-picker>'s (the status button, its detail line, the
// Active mark), in English, without shadow roots or styles. No imports, so a page that uses it
// fetches one file more than its own script.

export function readRecord(key) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('remote-extension-cache');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('snapshots', 'readonly').objectStore('snapshots').get(key);
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

function button(text, label, onClick) {
  const node = element('button', text);
  node.type = 'button';
  node.setAttribute('aria-label', label);
  node.setAttribute('aria-disabled', 'false');
  node.addEventListener('click', onClick);
  return node;
}

const PRESENCE = { available: 'Available', busy: 'Busy', away: 'Away', dnd: 'Do not disturb' };
const ignore = () => {};

function numberRow(snapshot, n) {
  const active = snapshot.statuses.find((s) => s.id === snapshot.activeStatusId);
  const markers = [
    n.remoteExtension ? 'Remote Extension' : null,
    n.adminProvisioned ? 'Set by administrator' : null,
    active?.remoteExtensionId === n.id ? 'Active remote extension' : null,
    n.fmc ? 'FMC' : null,
    n.callThrough ? 'Call Through' : null,
  ].filter(Boolean);
  const who = element('div', undefined, 'who');
  const dial = element('span', n.dial, 'dial');
  dial.dir = 'ltr';
  who.append(element('span', n.label, 'label'), dial);
  if (markers.length > 0) {
    const list = element('ul', undefined, 'markers');
    list.setAttribute('aria-label', 'Markers');
    list.append(...markers.map((m) => element('li', m)));
    who.append(list);
  }
  const actions = element('div', undefined, 'actions');
  actions.append(button('Edit', `Edit ${n.label}`, ignore));
  if (!n.adminProvisioned) actions.append(button('Delete', `Delete ${n.label}`, ignore));
  const row = element('div', undefined, 'row');
  row.append(who, actions);
  const li = element('li', undefined, 'number');
  li.setAttribute('aria-busy', 'false');
  li.append(row);
  return li;
}

function statusRow(snapshot, status) {
  const remoteExtension = snapshot.numbers.find((n) => n.id === status.remoteExtensionId);
  const active = status.id === snapshot.activeStatusId;
  const name = element('button', status.name, 'status');
  name.type = 'button';
  name.dataset.statusId = status.id;
  name.setAttribute('aria-describedby', `status-detail-${status.id}`);
  name.addEventListener('click', ignore);
  const detail = element('span', [PRESENCE[status.presence], remoteExtension?.label].filter(Boolean).join(' · '), 'detail');
  detail.id = `status-detail-${status.id}`;
  if (active) detail.append(element('span', ' · Active', 'visually-hidden'));
  const li = element('li');
  li.append(name, detail);
  if (active) li.append(element('span', 'Active', 'active'));
  return li;
}

export function build(snapshot) {
  const numbers = element('ul', undefined, 'numbers');
  numbers.append(...snapshot.numbers.map((n) => numberRow(snapshot, n)));
  const statuses = element('ul', undefined, 'statuses');
  statuses.append(...snapshot.statuses.map((status) => statusRow(snapshot, status)));
  const view = element('div');
  view.append(numbers, statuses);
  document.body.append(view);
}
