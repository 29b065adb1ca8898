// Helpers shared by the bench pages (plain browser JS, no bundle import, so the baselines can use
// them too):
// - nextTask(): a yield of one task through a MessageChannel. Polling with it sees a change at the
//   next task, without the 4 ms of nested timers or the ~16 ms of requestAnimationFrame.
// - waitFor(): polls a condition with nextTask() and returns performance.now() when it holds.
// - settle(): lets Lit elements finish every update and the event loop go quiet (not measured).
// - HeldBackClient: a hand-written PlatformClient (src/platform/client.ts) whose load() never
//   answers, so what a page shows comes from the IndexedDB cache alone.
// - forceLayout(): the end of "the work before the next paint": style and layout, forced.
// - timed(): runs a measurement after warm-ups and returns the samples.
// - phaseRecorder(): when IndexedDB answered and when elements rendered, for the warm start's phases.

const channel = new MessageChannel();
const waiting = [];
channel.port1.onmessage = () => waiting.shift()?.();

/** Resolves at the next task (a message to ourselves). */
export function nextTask() {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

/** Polls `condition` once per task; resolves with the time it first held. */
export async function waitFor(condition, what, timeoutMs = 15_000) {
  const start = performance.now();
  for (;;) {
    const now = performance.now();
    if (condition()) return now;
    if (now - start > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await nextTask();
  }
}

/** Runs `once` `warmups` times unkept, then `samples` times; resolves with those samples. */
export async function timed(once, { warmups, samples }) {
  const times = [];
  for (let i = 0; i < warmups + samples; i++) {
    const ms = await once();
    if (i >= warmups) times.push(ms);
  }
  return times;
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Until no element has an update pending after a quiet spell: every update done, timers run. */
export async function settle(elements, quietMs = 50) {
  for (let round = 0; round < 100; round++) {
    await Promise.all(elements.map((element) => element.updateComplete));
    for (let i = 0; i < 5; i++) await nextTask();
    await sleep(quietMs);
    if (!elements.some((element) => element.isUpdatePending)) return;
  }
  throw new Error('The elements never settled.');
}

/** Rows that <my-numbers> shows (one `li.number` per number in its shadow root). */
export function numberRows(myNumbers) {
  return myNumbers.shadowRoot?.querySelectorAll('ul.numbers > li.number').length ?? 0;
}

/** Rows that <status-remote-picker> shows in its list (one `li[part=item]` per status). */
export function statusRows(picker) {
  return picker.shadowRoot?.querySelectorAll('ul[part="list"] > li[part="item"]').length ?? 0;
}

/** Every custom element under `root`, shadow roots included (e.g. my-numbers' own dialog). */
export function customElementsIn(root) {
  const found = [];
  const visit = (node) => {
    for (const element of node.querySelectorAll('*')) {
      if (element.localName.includes('-')) found.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  if (root.localName?.includes('-')) found.push(root);
  if (root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

/** "my-numbers", or "my-numbers › add-number-dialog" for an element inside another's shadow root. */
export function elementName(element) {
  const host = element.getRootNode().host;
  return host ? `${elementName(host)} › ${element.localName}` : element.localName;
}

/**
 * Forces style and layout of the document and of each element's shadow tree, as the browser would
 * before painting: reads the body's offsetHeight, then the box of each element's `containers`.
 */
export function forceLayout(elements, containers) {
  let sink = document.body.offsetHeight;
  for (const element of elements) {
    const selector = containers[element.localName];
    const box = selector ? element.shadowRoot?.querySelector(selector) : null;
    sink += (box ?? element).getBoundingClientRect().height;
  }
  return sink;
}

/**
 * The warm start's phases, for `npm run bench`'s pass that shows where the time goes (not the
 * timed samples themselves): when IndexedDB first answered an open and a get, and when each named
 * element's first update began and ended, in ms from `start()`. It wraps this page's IndexedDB
 * prototypes and the elements' classes' `update`; its listeners are added before the page's own
 * handlers are set, so each mark is the event's arrival, before our code handles it.
 */
export function phaseRecorder() {
  const marks = {};
  let t0 = 0;
  const first = (name) => {
    marks[name] ??= performance.now() - t0;
  };
  const answered = (prototype, method, name) => {
    const original = prototype[method];
    prototype[method] = function (...args) {
      const request = original.apply(this, args);
      request.addEventListener('success', () => first(name));
      return request;
    };
  };
  answered(IDBFactory.prototype, 'open', 'idbOpen');
  answered(IDBObjectStore.prototype, 'get', 'idbGet');
  return {
    marks,
    start() {
      t0 = performance.now();
    },
    /**
     * Marks `${name}Start` and `${name}End` around the first update of an element of class
     * `elementClass` after the record was read: its render with the data (the bare Lit element also
     * renders once, empty, before). The class's prototype is wrapped: an element made before its
     * tag was defined is upgraded only when it connects.
     */
    element(name, elementClass) {
      const { prototype } = elementClass;
      const update = prototype.update;
      prototype.update = function (changed) {
        const withData = marks.idbGet !== undefined;
        if (withData) first(`${name}Start`);
        update.call(this, changed);
        if (withData) first(`${name}End`);
      };
    },
  };
}

const never = () => new Promise(() => {});

/**
 * A PlatformClient whose platform is held back: load() never answers and the feed says nothing.
 * setActiveStatus() answers after `answerDelayMs` with the snapshot it keeps, changed and one
 * version newer, so a status switch is shown optimistically first and confirmed later. The other
 * changes and calls are not used by the benches and never answer.
 */
export class HeldBackClient {
  constructor(scope, snapshot, answerDelayMs = 200) {
    this.scope = scope;
    this.snapshot = snapshot;
    this.answerDelayMs = answerDelayMs;
  }

  load() {
    return never();
  }

  subscribe() {
    return () => {};
  }

  async setActiveStatus(command) {
    await sleep(this.answerDelayMs);
    this.snapshot = { ...this.snapshot, version: this.snapshot.version + 1, activeStatusId: command.statusId };
    return this.snapshot;
  }

  createNumber() {
    return never();
  }

  updateNumber() {
    return never();
  }

  deleteNumber() {
    return never();
  }

  updateStatus() {
    return never();
  }

  placeCall() {
    return never();
  }
}
