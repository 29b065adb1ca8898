import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { waitUntil } from '../wait.js';
import type { CallUsingFooter, RemoteExtensionProvider, StatusRemotePicker } from '../../entries/index.js';
import '../../entries/quick-status.js';
import { LOADING_SHOWN_AFTER_MS } from '../../components/shared/store-controller.js';
import { sampleSnapshot } from '../../src/platform/sample-data.js';
import { SnapshotCache, type Store } from '../../src/store/index.js';
import { cleanUp, simulatedPlatform } from '../helpers.js';
import { ElementLoadFailedEvent } from '../../components/remote-extension-provider/element-load-failed-event.js';
import { isLoaded } from '../../components/shared/locale.js';
import { inProvider } from './fixture.js';

/**
 * Every resource this page fetched is listed, however many: the browser keeps 250 entries unless
 * told otherwise, and drops those that come after. How many the page had fetched before this line
 * (its modules: a Swedish module imported statically would be among them) is checked below to be
 * fewer than that, so none can have been dropped.
 */
const fetchedBeforeTests = performance.getEntriesByType('resource').length;
performance.setResourceTimingBufferSize(100_000);

/** The page's requests for the module of Swedish words (`components/shared/swedish.ts`). */
function swedishRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => /\/components\/shared\/swedish\.[jt]s$/u.test(new URL(name).pathname));
}

const pageTags = ['my-numbers', 'status-remote-picker', 'availability-menu', 'quick-status', 'call-using-footer'] as const;
type PageTag = (typeof pageTags)[number];
/** One of each element of `pageTags`. */
const pageElements = html`<my-numbers></my-numbers><status-remote-picker></status-remote-picker><availability-menu></availability-menu><quick-status></quick-status><call-using-footer></call-using-footer>`;

/** Counts each element class's renders by wrapping its `render` (it only observes; the real one runs). */
function countRenders(): { readonly counts: Record<PageTag, number>; restore(): void } {
  const counts = Object.fromEntries(pageTags.map((tag) => [tag, 0])) as Record<PageTag, number>;
  const restores = pageTags.map((tag) => {
    const prototype = customElements.get(tag)!.prototype as LitElement & { render(): unknown };
    const render = Object.getOwnPropertyDescriptor(prototype, 'render')!.value as () => unknown;
    Object.defineProperty(prototype, 'render', {
      configurable: true,
      writable: true,
      value(this: LitElement) {
        counts[tag]++;
        return render.call(this);
      },
    });
    return () => Object.defineProperty(prototype, 'render', { configurable: true, writable: true, value: render });
  });
  return { counts, restore: () => restores.forEach((restore) => restore()) };
}

/** Resolves once StoreController's "Loading…" timer, started when the elements connected, has fired (see renders-per-change). */
function afterLoadingTimer(): Promise<void> {
  // eslint-disable-next-line no-restricted-syntax -- waits for the component's own timer to fire, not for a speed
  return new Promise((resolve) => setTimeout(resolve, LOADING_SHOWN_AFTER_MS + 1));
}

/** Words the elements own that stayed English under lang="sv" (issue 18, finding 9). */
const ENGLISH = ['Desk phone', 'MiCollab softphone', 'Remote Extension', 'Call Through'];

/** Every text node and aria-label inside an element's shadow root, and inside shadow roots within it. */
function renderedText(root: ParentNode, out: string[] = []): string[] {
  for (const node of root.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent?.trim();
      if (text) out.push(text);
    } else if (node instanceof Element) {
      if (node.localName === 'style' || node.localName === 'script') continue;
      const label = node.getAttribute('aria-label');
      if (label) out.push(label);
      if (node.shadowRoot) renderedText(node.shadowRoot, out);
      renderedText(node, out);
    }
  }
  return out;
}

/**
 * What is left of the rendered text once the names the platform sends are taken out: those stay
 * as sent (a number's label, "Remote Extension Work mobile", starts with the platform's prefix).
 */
function ownWords(texts: readonly string[], store: Store): string[] {
  const state = store.state.data!;
  const names = [...state.numbers.map((n) => n.label), ...state.statuses.map((s) => s.name)].sort((a, b) => b.length - a.length);
  return texts.map((text) => names.reduce((rest, name) => rest.split(name).join('⟨name⟩'), text));
}

async function update(element: Element): Promise<void> {
  await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

/** The text of the first element matching `selector` in `element`'s shadow root, spaces collapsed. */
function shownText(element: Element, selector: string): string {
  return element.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/gu, ' ').trim() ?? '';
}

// Issue 19: English is the core; the Swedish words are one module, fetched only by a Swedish page.
// These two run first, in this order, on a page that has not fetched the module yet: each checks
// that before it relies on it.
describe('languages when needed', () => {
  afterEach(cleanUp);

  it('issue 19: an English page never fetches the Swedish words', async () => {
    expect(fetchedBeforeTests, 'resources fetched before the tests (the browser keeps 250)').to.be.below(250);
    const { provider } = await inProvider<HTMLElement>(pageElements);
    const elements = [...provider.children];
    await Promise.all(elements.map(update));
    expect(shownText(provider.querySelector('my-numbers')!, 'h2')).to.equal('My Numbers');
    expect(elements.every((element) => element.shadowRoot!.childElementCount > 0), 'every element rendered').to.equal(true);
    expect(swedishRequests()).to.deep.equal([]);
  });

  it('issue 19: a Swedish page renders each element once, in Swedish, with one request for the Swedish words (SYNC-2 EMB-1)', async () => {
    expect(swedishRequests(), 'the Swedish words were fetched before this test').to.deep.equal([]);
    const platform = simulatedPlatform({ latency: 60_000 }); // the platform never answers in time: the cache is the data
    const cache = new SnapshotCache();
    await cache.write(platform.scope, sampleSnapshot(platform.scope.user));
    const renders = countRenders();
    try {
      const provider = await fixture<RemoteExtensionProvider>(html`
        <remote-extension-provider .client=${platform}><div lang="sv">${pageElements}</div></remote-extension-provider>
      `);
      const element = (tag: PageTag) => provider.querySelector(tag)!;
      await waitUntil(() => element('my-numbers').shadowRoot!.querySelectorAll('li.number').length === 3, 'the cached numbers never showed');
      await afterLoadingTimer(); // past the wait before "Loading…"
      await Promise.all(pageTags.map((tag) => update(element(tag))));

      expect(provider.store?.state.source).to.equal('cache');
      expect(renders.counts).to.deep.equal({
        'my-numbers': 1,
        'status-remote-picker': 1,
        'availability-menu': 1,
        'quick-status': 1,
        'call-using-footer': 1,
      });
      expect(shownText(element('my-numbers'), 'h2')).to.equal('Mina nummer');
      expect(shownText(element('status-remote-picker'), 'h2')).to.equal('Hantera status');
      expect(element('availability-menu').shadowRoot!.querySelector('button[aria-haspopup="menu"]')!.getAttribute('aria-label')).to.match(/^Tillgänglighet: /u);
      expect(shownText(element('quick-status'), 'dt')).to.equal('Nuvarande status');
      expect(shownText(element('call-using-footer'), '[part="caption"]')).to.equal('Ring med');
      expect(swedishRequests()).to.have.length(1);
    } finally {
      renders.restore();
      await cache.remove(platform.scope);
    }
  });
});

describe('Swedish', () => {
  afterEach(cleanUp);

  it('issue 18: with lang=sv every word the elements own is Swedish (EMB-1 STAT-1 STAT-2 CALL-1 CALL-2 CALL-3 NUM-1)', async () => {
    const { element: wrapper, store } = await inProvider<HTMLElement>(html`<div lang="sv">${pageElements}</div>`);
    const elements = [...wrapper.children];
    await Promise.all(elements.map(update));

    // Call Through on, on a number that is not the active status's Remote Extension: its marker and its warning show.
    await store.updateNumber('work-mobile', { callThrough: true });
    await waitUntil(() => store.state.pending.length === 0, 'the change never settled');

    // Manage Status's list: the status name as sent, the presence word only where the name does not already say it.
    const picker = wrapper.querySelector<StatusRemotePicker>('status-remote-picker')!;
    await update(picker);
    const rows = [...picker.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent.replace(/\s+/gu, ' ').trim());
    const available = rows.find((r) => r.startsWith('Available'))!;
    expect(available, 'the Available row').not.to.contain('Tillgänglig');
    expect(rows.join('\n')).not.to.contain('Available · Tillgänglig');
    expect(rows.find((r) => r.startsWith('In a Meeting')), 'the In a Meeting row').to.contain('Upptagen');

    const seen: string[] = [];
    const look = async () => {
      await Promise.all(elements.map(update));
      seen.push(...ownWords(renderedText(wrapper), store));
    };
    await look();

    // Edit Status (its Remote Extension, Call Using and Send my calls to dropdowns).
    picker.shadowRoot!.querySelector<HTMLButtonElement>('button[data-status-id="work-from-home"]')!.click();
    await look();

    // The open Availability menu and the open Call Using menu, with the Remote Extension badge (CALL-3).
    const availability = wrapper.querySelector('availability-menu')!;
    availability.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!.click();
    await look();
    const footer = wrapper.querySelector<CallUsingFooter>('call-using-footer')!;
    await store.setActiveStatus('work-from-home');
    await waitUntil(() => store.state.pending.length === 0, 'the change never settled');
    footer.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!.click();
    await look();

    // Place Call With.
    footer.placeCall('4712');
    await waitUntil(() => footer.shadowRoot!.querySelector('dialog')?.open === true, 'Place Call With never opened');
    await look();

    expect(seen.some((t) => t.includes('Bordstelefon')), 'the desk phone, in Swedish').to.equal(true);
    for (const word of ENGLISH) {
      const where = seen.filter((t) => t.includes(word));
      expect(where, `"${word}" under lang="sv"`).to.deep.equal([]);
    }
  });

  it('EMB-1 NUM-6 the provider says in Swedish that part of the page could not be loaded', async () => {
    const provider = await fixture<RemoteExtensionProvider>(
      html`<remote-extension-provider lang="sv" .client=${simulatedPlatform()}></remote-extension-provider>`,
    );
    // The provider fetches the Swedish words as it connects.
    await waitUntil(() => isLoaded('sv'), 'the Swedish words never came');
    const element = provider.appendChild(document.createElement(`not-loaded-${Math.random().toString(36).slice(2)}`));
    element.dispatchEvent(new ElementLoadFailedEvent(() => new Promise<void>(() => {})));
    await provider.updateComplete;
    const shadow = provider.shadowRoot!;
    expect(shadow.querySelector('[role="alert"]')?.textContent).to.equal(
      'En del av sidan kunde inte läsas in. Kontrollera anslutningen och försök igen, eller läs in sidan på nytt.',
    );
    expect(shadow.querySelector('button')?.textContent).to.equal('Försök igen');
  });
});

