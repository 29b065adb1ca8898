// Status switch, ours: a provider with `?n=` numbers (20: the interaction figure; 500: the scale
// one) holding <my-numbers>, <status-remote-picker>, <availability-menu> and <call-using-footer>,
// painted from the cache with the platform held back. Its setActiveStatus answers only after
// 200 ms, so what is timed is the optimistic change alone.
// Each sample: open the Availability menu (not timed); t0; click the other status's menu item;
// await every element's updateComplete; force style and layout (body.offsetHeight and each
// element's main box); t1. Then check, with no task run since t1, that the new status is shown by
// the menu button (its name), the picker (its row marked Active) and the footer (its Call Using
// device); then wait for the platform's answer and let everything settle before the next sample.
import { discover } from '/dist/remote-extension.js';
import { customElementsIn, forceLayout, HeldBackClient, numberRows, settle, statusRows, timed, waitFor } from './lib.js';
import { benchScope, makeSnapshot, PLATFORM_DEVICES } from './snapshot.js';

const n = Number(new URLSearchParams(location.search).get('n'));
const ANSWER_DELAY_MS = 200;
/** Two statuses with different Call Using devices (desk phone, softphone), taken in turn. */
const STATUSES = ['available', 'in-a-meeting'];

/** The box whose layout each element's view depends on. */
const CONTAINERS = {
  'my-numbers': 'ul.numbers',
  'status-remote-picker': 'ul[part="list"]',
  'availability-menu': 'button[part="button"]',
  'call-using-footer': 'button[part="button"]',
};

let page;

async function setUp() {
  const snapshot = makeSnapshot(n);
  const provider = document.createElement('remote-extension-provider');
  provider.client = new HeldBackClient(benchScope(n, 'switch'), snapshot, ANSWER_DELAY_MS);
  const [myNumbers, picker, menu, footer] = Object.keys(CONTAINERS).map((tag) => document.createElement(tag));
  provider.append(menu, myNumbers, picker, footer);
  // The elements' code fetched and defined before they are added (not timed either way).
  await discover(provider);
  document.body.append(provider);
  await waitFor(() => numberRows(myNumbers) === n && statusRows(picker) === 6, 'the rows');
  const elements = customElementsIn(provider);
  await settle(elements);
  page = { snapshot, provider, myNumbers, picker, menu, footer, elements };
}

function shows(statusId) {
  const { snapshot, picker, menu, footer } = page;
  const status = snapshot.statuses.find((s) => s.id === statusId);
  const device = PLATFORM_DEVICES.find((d) => d.id === status.callUsing);
  const row = picker.shadowRoot.querySelector(`button[data-status-id="${statusId}"]`)?.closest('li');
  return (
    menu.shadowRoot.querySelector('button[part="button"]').textContent.trim() === status.name &&
    row?.querySelector('[part="active"]') !== null &&
    footer.shadowRoot.querySelector('button[part="button"]').textContent.trim() === device.label
  );
}

async function switchOnce() {
  const { provider, menu, elements } = page;
  const target = STATUSES.find((id) => id !== provider.store.state.data.activeStatusId);
  menu.shadowRoot.querySelector('button[part="button"]').click();
  await settle(elements);
  const item = menu.shadowRoot.querySelector(`[role="menuitemradio"][data-value="${target}"]`);

  const t0 = performance.now();
  item.click();
  await Promise.all(elements.map((element) => element.updateComplete));
  forceLayout(elements, CONTAINERS);
  const t1 = performance.now();

  if (!shows(target)) throw new Error(`The switch to ${target} was not shown when the work was done.`);
  await waitFor(() => provider.store.state.pending.length === 0, 'the platform’s answer', ANSWER_DELAY_MS + 5000);
  await settle(elements);
  if (provider.store.state.data.activeStatusId !== target) throw new Error(`The platform's answer undid ${target}.`);
  return t1 - t0;
}

/** `warmups` switches not kept, then `samples` timed ones (ms). */
async function run(options) {
  if (!page) await setUp();
  return timed(switchOnce, options);
}

window.bench = { run };
