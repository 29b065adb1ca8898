/**
 * Exact counts of the work one change costs the page: renders per element, platform requests,
 * and which DOM nodes change. Counts only, no timings (those are in `npm run bench`).
 *
 * Renders are counted by wrapping each element class's `render` for the length of a test, and
 * requests by wrapping the simulated platform's methods: both only observe, the real code runs.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import type { LitElement } from 'lit';
import '../../entries/define.js';
import { sampleSnapshot } from '../../src/platform/sample-data.js';
import { SnapshotCache, type Store } from '../../src/store/index.js';
import { cleanUp, simulatedPlatform } from '../helpers.js';
import type { RemoteExtensionProvider } from '../../entries/index.js';
import { LOADING_SHOWN_AFTER_MS } from '../../components/shared/store-controller.js';
import { inProvider } from './fixture.js';
import { byRole } from './queries.js';

const tags = ['my-numbers', 'add-number-dialog', 'status-remote-picker', 'availability-menu', 'call-using-footer'] as const;
type Tag = (typeof tags)[number];

const requestMethods = ['load', 'createNumber', 'updateNumber', 'deleteNumber', 'updateStatus', 'setActiveStatus', 'placeCall'] as const;

/** Renders per element since the last `reset()`, keyed by tag name. */
class RenderCounter {
  private counts = new Map<Tag, number>();
  private readonly restores: Array<() => void> = [];

  constructor() {
    for (const tag of tags) {
      const prototype = customElements.get(tag)!.prototype as LitElement & { render(): unknown };
      const render = Object.getOwnPropertyDescriptor(prototype, 'render')!.value as () => unknown;
      const counts = (): Map<Tag, number> => this.counts;
      Object.defineProperty(prototype, 'render', {
        configurable: true,
        writable: true,
        value(this: LitElement) {
          counts().set(tag, (counts().get(tag) ?? 0) + 1);
          return render.call(this);
        },
      });
      this.restores.push(() => Object.defineProperty(prototype, 'render', { configurable: true, writable: true, value: render }));
    }
  }

  reset(): void {
    this.counts = new Map();
  }

  get(): Record<Tag, number> {
    return Object.fromEntries(tags.map((tag) => [tag, this.counts.get(tag) ?? 0])) as Record<Tag, number>;
  }

  restore(): void {
    for (const restore of this.restores) restore();
  }
}

/** The page: every element in one provider, and the platform's requests counted by method. */
async function page() {
  const platform = simulatedPlatform();
  const requests: string[] = [];
  for (const method of requestMethods) {
    const original = platform[method].bind(platform) as (...args: unknown[]) => unknown;
    Object.defineProperty(platform, method, {
      value: (...args: unknown[]) => {
        requests.push(method);
        return original(...args);
      },
    });
  }
  const { provider, store } = await inProvider<HTMLElement>(
    html`<my-numbers></my-numbers><status-remote-picker></status-remote-picker><availability-menu></availability-menu><call-using-footer></call-using-footer>`,
    { platform },
  );
  const element = <T extends Element>(tag: string) => provider.querySelector(tag) as T;
  await settle(store, provider);
  requests.length = 0;
  return { provider, store, requests, element };
}

/** Until the platform has answered everything and every element has finished rendering. */
async function settle(store: Store, root: Element): Promise<void> {
  await waitUntil(() => store.state.pending.length === 0, 'the change never settled');
  // The change feed's echo comes with the answer (the simulator tells its listeners before it
  // answers); the cache write comes a task or more later: wait until the cache holds what is shown.
  const shown = store.state.data?.version;
  const cache = new SnapshotCache();
  await waitUntil(async () => (await cache.read(store.client.scope))?.version === shown, 'the cache was never written');
  // Then until no element has an update pending (`updateComplete` says false when one update asked
  // for another).
  await waitUntil(
    async () => (await Promise.all([...allElements(root)].map((el) => (el as LitElement).updateComplete))).every((done) => done !== false),
    'the elements never finished rendering',
  );
}

/**
 * Resolves once StoreController's own "Loading…" timer, started when the element connected, has
 * fired: a timer set now with a longer delay has a strictly later deadline, and browsers run timers
 * in deadline order. So this waits for that timer, not for a length of time a busy machine could
 * overrun.
 */
function afterLoadingTimer(): Promise<void> {
  // eslint-disable-next-line no-restricted-syntax -- waits for the component's own timer to fire (see above), not for a speed
  return new Promise((resolve) => setTimeout(resolve, LOADING_SHOWN_AFTER_MS + 1));
}

/** Every element inside `root`, through shadow roots. */
function* allElements(root: Element | ShadowRoot): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* allElements(el.shadowRoot);
  }
}

describe('renders per change', () => {
  let renders: RenderCounter;
  beforeEach(() => {
    renders = new RenderCounter();
  });
  afterEach(async () => {
    renders.restore();
    await cleanUp();
  });

  it('SYNC-2 a returning user sees the cached numbers straight away: one render, no "Loading…" first', async () => {
    const platform = simulatedPlatform({ latency: 60_000 }); // the platform never answers in time
    const cache = new SnapshotCache();
    await cache.write(platform.scope, sampleSnapshot(platform.scope.user));
    try {
      renders.reset();
      const seen: string[] = [];
      const provider = await fixture<RemoteExtensionProvider>(
        html`<remote-extension-provider .client=${platform}><my-numbers></my-numbers></remote-extension-provider>`,
      );
      const myNumbers = provider.querySelector('my-numbers')!;
      const observer = new MutationObserver(() => seen.push(myNumbers.shadowRoot!.textContent ?? ''));
      observer.observe(myNumbers.shadowRoot!, { subtree: true, childList: true, characterData: true });
      seen.push(myNumbers.shadowRoot!.textContent ?? '');
      await waitUntil(() => myNumbers.shadowRoot!.querySelectorAll('li.number').length === 3, 'the cached numbers never showed');
      await afterLoadingTimer(); // past the wait before "Loading…"
      await (myNumbers as LitElement).updateComplete;
      observer.disconnect();
      expect(seen.filter((text) => text.includes('Loading'))).to.deep.equal([]);
      expect(renders.get()['my-numbers']).to.equal(1);
      expect(provider.store?.state.source).to.equal('cache');
    } finally {
      await cache.remove(platform.scope);
    }
  });

  it('ACT-2 choosing a status renders each element that shows it exactly once, and asks the platform once', async () => {
    const { store, requests, element, provider } = await page();
    const menu = element<HTMLElement>('availability-menu');
    byRole(menu, 'button', /^Availability/).click();
    await (menu as unknown as LitElement).updateComplete;
    renders.reset();

    byRole(menu, 'menuitemradio', 'Do Not Disturb').click();
    await settle(store, provider);

    expect(requests).to.deep.equal(['setActiveStatus']);
    expect(renders.get()).to.deep.equal({
      'availability-menu': 1,
      'status-remote-picker': 1,
      'call-using-footer': 1,
      'my-numbers': 1,
      // Closed, the Add/Edit Number dialog shows nothing of the change.
      'add-number-dialog': 0,
    });
    expect(store.state.data?.activeStatusId).to.equal('do-not-disturb');
  });

  it("NUM-6 editing one number's label changes the DOM of that number's row only", async () => {
    const { store, requests, element, provider } = await page();
    const myNumbers = element<HTMLElement>('my-numbers');
    const rowOf = (label: string) =>
      [...myNumbers.shadowRoot!.querySelectorAll('li.number')].find((li) => li.textContent?.includes(label))!;
    const row = rowOf('Home');
    const changed: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changed.push(...records));
    const options = { subtree: true, childList: true, attributes: true, characterData: true };
    observer.observe(document.body, options);
    for (const el of allElements(document.body)) if (el.shadowRoot) observer.observe(el.shadowRoot, options);
    renders.reset();

    await store.updateNumber('home', { label: 'Holiday home' });
    await settle(store, provider);
    changed.push(...observer.takeRecords());
    observer.disconnect();

    expect(requests).to.deep.equal(['updateNumber']);
    expect(rowOf('Holiday home')).to.equal(row);
    const inRow = changed.filter((m) => row.contains(m.target));
    const elsewhere = changed.filter((m) => !row.contains(m.target));
    expect(inRow.length).to.be.greaterThan(0);
    expect(elsewhere.map((m) => `${m.type} ${m.target.nodeName} ${m.attributeName ?? ''} in ${(m.target.getRootNode() as ShadowRoot).host?.localName}`)).to.deep.equal([]);
    // "Saving…" in the row, then the platform's yes: My Numbers renders twice, every other element
    // that lists devices once, and the closed dialog not at all.
    expect(renders.get()).to.deep.equal({
      'my-numbers': 2,
      'status-remote-picker': 1,
      'call-using-footer': 1,
      'availability-menu': 0,
      'add-number-dialog': 0,
    });
  });
});
