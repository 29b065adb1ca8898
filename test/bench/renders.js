// Renders per change: one provider on the real simulated platform (its own IndexedDB database,
// new each run) holding <my-numbers>, <status-remote-picker>, <availability-menu>,
// <call-using-footer> and <add-number-dialog>. Renders are counted per element by wrapping each
// class's prototype.render; platform requests by wrapping the client's methods. Counting starts
// once the page has loaded from the platform and gone idle.
// (a) A status switch clicked in the Availability menu (the menu opened first, not counted).
//     Expected: 1 render per element that shows the status (the closed dialogs: 0), 1 request
//     (setActiveStatus).
// (b) One number's label edited through the provider's Store (`provider.store.updateNumber`), with
//     MutationObservers on document.body and every element's shadow root. Expected: every mutation
//     is inside that number's row in <my-numbers>.
// Each counts until the platform has answered and everything has settled.
// (c) DOM nodes per My Numbers row, counted as test/components/my-numbers.test.ts counts them
//     ("NUM-1 a number's row costs 22 DOM nodes"): every node (element, text, comment) under the
//     list `ul.numbers`, before and after 10 numbers are added through the Store; the difference
//     over 10 is one row with the markers Lit keeps its place in the list with. Also the nodes of
//     the administrator's remote extension's row (three markers, no Delete), for the record.
// The elements' code is fetched and defined (the bundle's `discover`) before anything is counted.
import { discover, loadSimulatedPlatform } from '/dist/remote-extension.js';
import { customElementsIn, elementName, numberRows, settle, waitFor } from './lib.js';

const TAGS = ['my-numbers', 'status-remote-picker', 'availability-menu', 'call-using-footer', 'add-number-dialog'];
const METHODS = ['load', 'createNumber', 'updateNumber', 'deleteNumber', 'updateStatus', 'setActiveStatus', 'placeCall'];

/** Wraps each tag's render; `take()` returns renders per element (named by elementName) and resets. */
function countRenders(elements) {
  const counts = new Map();
  for (const tag of TAGS) {
    const prototype = customElements.get(tag).prototype;
    const render = prototype.render;
    prototype.render = function countedRender() {
      counts.set(this, (counts.get(this) ?? 0) + 1);
      return render.call(this);
    };
  }
  return {
    reset: () => counts.clear(),
    take: () => Object.fromEntries(elements().map((element) => [elementName(element), counts.get(element) ?? 0])),
  };
}

/** Wraps the client's methods; counts calls and remembers them so one can wait for the answers. */
function countRequests(client) {
  let calls = [];
  for (const method of METHODS) {
    const original = client[method].bind(client);
    client[method] = (...args) => {
      const answer = original(...args);
      calls.push({ method, answer });
      return answer;
    };
  }
  return {
    reset: () => (calls = []),
    /** Resolves when every request made so far has been answered (or refused). */
    answered: () => Promise.allSettled(calls.map((call) => call.answer)),
    take: () => {
      const byMethod = {};
      for (const { method } of calls) byMethod[method] = (byMethod[method] ?? 0) + 1;
      return byMethod;
    },
  };
}

/** Watches document.body and the shadow root of each of `elements`; `take()` returns the records. */
function observeMutations(elements) {
  const records = [];
  const observer = new MutationObserver((list) => records.push(...list));
  const options = { subtree: true, childList: true, attributes: true, characterData: true };
  observer.observe(document.body, options);
  for (const element of elements) if (element.shadowRoot) observer.observe(element.shadowRoot, options);
  return {
    take: () => {
      records.push(...observer.takeRecords());
      observer.disconnect();
      return records;
    },
  };
}

/**
 * Until the Store has no change pending (it sends a change after writing it to its outbox, so the
 * request may not have been made yet when the click returns) and every request made has been answered.
 */
async function answered(provider, requests) {
  await waitFor(() => provider.store.state.pending.length === 0, 'the platform’s answer');
  await requests.answered();
}

async function run() {
  const { SimulatedPlatform } = await loadSimulatedPlatform();
  const client = new SimulatedPlatform({ databaseName: `bench-renders-${Date.now()}` });
  const requests = countRequests(client);

  const provider = document.createElement('remote-extension-provider');
  provider.client = client;
  const [myNumbers, picker, menu, footer, dialog] = TAGS.map((tag) => document.createElement(tag));
  provider.append(myNumbers, picker, menu, footer, dialog);
  await discover(provider);
  const elements = () => customElementsIn(provider).filter((element) => TAGS.includes(element.localName));
  const renders = countRenders(elements);
  document.body.append(provider);

  await waitFor(() => provider.store?.state.source === 'platform' && numberRows(myNumbers) > 0, 'the platform’s snapshot');
  await requests.answered();
  await settle(elements());

  // (a) Activate another status from the Availability menu.
  const data = provider.store.state.data;
  const active = data.statuses.find((s) => s.id === data.activeStatusId);
  // One whose Call Using differs, so the footer has something to show too.
  const target = data.statuses.find((s) => s.callUsing !== active.callUsing);
  menu.shadowRoot.querySelector('button[part="button"]').click();
  await settle(elements());
  const item = menu.shadowRoot.querySelector(`[role="menuitemradio"][data-value="${target.id}"]`);
  renders.reset();
  requests.reset();
  item.click();
  await answered(provider, requests);
  await settle(elements());
  if (provider.store.state.data.activeStatusId !== target.id) throw new Error('The status switch did not happen.');
  const switchStatus = { status: target.id, renders: renders.take(), requests: requests.take() };

  // (b) Edit one number's label through the Store.
  const number = provider.store.state.data.numbers.find((n) => !n.remoteExtension) ?? provider.store.state.data.numbers[0];
  const row = [...myNumbers.shadowRoot.querySelectorAll('li.number')].find(
    (li) => li.querySelector('.label')?.textContent === number.label,
  );
  if (!row) throw new Error(`No row shows ${number.label}.`);
  const mutations = observeMutations([provider, ...elements()]);
  renders.reset();
  requests.reset();
  await provider.store.updateNumber(number.id, { label: `${number.label} (edited)` });
  await answered(provider, requests);
  await settle(elements());
  const records = mutations.take();
  const outside = records.filter((record) => !row.contains(record.target));
  const editLabel = {
    number: number.id,
    renders: renders.take(),
    requests: requests.take(),
    mutationsInRow: records.length - outside.length,
    mutationsOutside: outside.length,
    // Where the outside ones were, to say which element changed more than the row.
    outsideTargets: outside.map((record) => describe(record)),
  };

  // (c) DOM nodes per row.
  const nodes = (root) => 1 + [...root.childNodes].reduce((sum, child) => sum + nodes(child), 0);
  const list = () => myNumbers.shadowRoot.querySelector('ul.numbers');
  const rowsBefore = numberRows(myNumbers);
  const before = nodes(list());
  const ADDED = 10;
  for (let i = 0; i < ADDED; i++) {
    await provider.store.createNumber({ label: `Bench ${i}`, dial: `06${10_000_000 + i}`, remoteExtension: false });
  }
  await settle(elements());
  if (numberRows(myNumbers) !== rowsBefore + ADDED) {
    throw new Error(`Adding ${ADDED} numbers showed ${numberRows(myNumbers) - rowsBefore} more rows.`);
  }
  const adminRow = [...myNumbers.shadowRoot.querySelectorAll('li.number')].find(
    (li) => li.querySelector('.label')?.textContent === 'Remote Extension Work mobile',
  );
  const rowNodes = { perRow: (nodes(list()) - before) / ADDED, adminRow: adminRow ? nodes(adminRow) : null };
  return { switchStatus, editLabel, rowNodes };
}

function describe(record) {
  const node = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
  const root = record.target.getRootNode();
  const where = root.host ? elementName(root.host) : 'document';
  const detail = record.type === 'attributes' ? ` [${record.attributeName}]` : '';
  return `${where}: ${record.type} on <${node?.localName ?? '#text'}>${detail}`;
}

window.bench = { run };
