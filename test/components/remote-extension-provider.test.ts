import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { LitElement } from 'lit';
import { StoreController, type RemoteExtensionProvider } from '../../entries/index.js';
import '../../entries/define.js';
import { scopeFor } from '../../src/platform/index.js';
import { SimulatedPlatform } from '../../src/platform/simulated/index.js';
import { SnapshotCache } from '../../src/store/index.js';
import { cleanUp, HeldPlatform, simulatedPlatform, uniqueDatabase } from '../helpers.js';
import { ElementLoadFailedEvent } from '../../components/remote-extension-provider/element-load-failed-event.js';
import { byRole, hasRole } from './queries.js';

/** A simulator that never answers a load, so what a page shows can only come from the cache. */
class SilentPlatform extends SimulatedPlatform {
  override load(): Promise<never> {
    return new Promise(() => {});
  }
}

/** The smallest consumer: shows the active status name the Store holds. */
class StatusProbe extends LitElement {
  readonly controller = new StoreController(this);
  protected override render() {
    return this.controller.state.data?.activeStatusId ?? 'none';
  }
}
customElements.define('status-probe', StatusProbe);

describe('<remote-extension-provider>', () => {
  afterEach(cleanUp);

  it('SYNC-1 gives every element inside it the same Store and loads the platform once', async () => {
    const platform = new HeldPlatform({ databaseName: uniqueDatabase('platform') });
    const provider = await fixture<RemoteExtensionProvider>(html`
      <remote-extension-provider .client=${platform}>
        <status-probe></status-probe>
        <div><status-probe></status-probe></div>
        <status-probe></status-probe>
      </remote-extension-provider>
    `);
    const probes = [...provider.querySelectorAll<StatusProbe>('status-probe')];
    await waitUntil(() => probes.every((p) => p.shadowRoot?.textContent === 'available'), 'the probes never showed data');
    expect(new Set(probes.map((p) => p.controller.store)).size).to.equal(1);
    expect(probes[0]!.controller.store).to.equal(provider.store);
    expect(platform.loads).to.equal(1);
    await provider.store!.setActiveStatus('do-not-disturb');
    await Promise.all(probes.map((p) => p.updateComplete));
    expect(probes.map((p) => p.shadowRoot?.textContent)).to.deep.equal(['do-not-disturb', 'do-not-disturb', 'do-not-disturb']);
  });

  it('SYNC-1 keeps two providers on one page independent (two users)', async () => {
    const ann = simulatedPlatform({ user: 'ann' });
    const bob = simulatedPlatform({ user: 'bob' });
    const page = await fixture<HTMLElement>(html`
      <div>
        <remote-extension-provider id="ann" .client=${ann}><status-probe></status-probe></remote-extension-provider>
        <remote-extension-provider id="bob" .client=${bob}><status-probe></status-probe></remote-extension-provider>
      </div>
    `);
    const [annProbe, bobProbe] = [...page.querySelectorAll<StatusProbe>('status-probe')];
    await waitUntil(() => annProbe!.controller.state.phase === 'ready' && bobProbe!.controller.state.phase === 'ready');
    expect(annProbe!.controller.store).not.to.equal(bobProbe!.controller.store);
    await annProbe!.controller.store!.setActiveStatus('out-of-office');
    await Promise.all([annProbe!.updateComplete, bobProbe!.updateComplete]);
    expect(annProbe!.shadowRoot?.textContent).to.equal('out-of-office');
    expect(bobProbe!.shadowRoot?.textContent).to.equal('available');
  });

  it('SYNC-1 makes a new Store when given another client, and disposes the old one', async () => {
    const first = simulatedPlatform();
    const provider = await fixture<RemoteExtensionProvider>(
      html`<remote-extension-provider .client=${first}><status-probe></status-probe></remote-extension-provider>`,
    );
    const probe = provider.querySelector<StatusProbe>('status-probe')!;
    const before = provider.store;
    const second = simulatedPlatform({ profile: { kind: 'mivoice-business' } });
    await second.setActiveStatus({ type: 'status/activate', id: 'switch-1', statusId: 'in-a-meeting' });
    provider.client = second;
    await provider.updateComplete;
    expect(provider.store).not.to.equal(before);
    await waitUntil(() => probe.shadowRoot?.textContent === 'in-a-meeting', 'the probe kept the old Store');
    expect(probe.controller.store).to.equal(provider.store);
  });

  it('SYNC-1 uses a client set right after appendChild, not a default platform made first', async () => {
    const platform = simulatedPlatform();
    const provider = document.createElement('remote-extension-provider');
    provider.append(document.createElement('status-probe'));
    document.body.append(provider);
    provider.client = platform;
    try {
      await provider.updateComplete;
      expect(provider.store?.client === platform, 'the Store talks to the client that was set').to.equal(true);
      const probe = provider.querySelector<StatusProbe>('status-probe')!;
      expect(probe.controller.store === provider.store, 'the elements have that Store').to.equal(true);
    } finally {
      provider.remove();
    }
  });

  it('SYNC-2 paints from the cache of a client set right after appendChild, not of the platform read on connect', async () => {
    // The provider starts reading the cache as it connects, for the platform its attributes name;
    // a client set before its first update is another user, whose entry must be the one shown.
    const cache = new SnapshotCache();
    const sample = await simulatedPlatform().load();
    const named = scopeFor({ platform: 'simulated', user: `named-${Date.now()}` });
    const client = new SilentPlatform({ databaseName: uniqueDatabase('platform'), user: `set-${Date.now()}` });
    await cache.write(named, { ...sample, activeStatusId: 'out-of-office' });
    await cache.write(client.scope, { ...sample, activeStatusId: 'in-a-meeting' });
    const provider = document.createElement('remote-extension-provider');
    provider.user = named.user;
    const probe = provider.appendChild(document.createElement('status-probe') as StatusProbe);
    document.body.append(provider);
    provider.client = client;
    try {
      await waitUntil(() => provider.store?.state.source === 'cache', 'the cache was never shown');
      await probe.updateComplete;
      expect(probe.shadowRoot?.textContent).to.equal('in-a-meeting');
    } finally {
      provider.remove();
      await Promise.all([cache.remove(named), cache.remove(client.scope)]);
    }
  });

  it('SYNC-7 signOut() removes the user’s cached data; the elements show nothing until another user comes', async () => {
    const alice = simulatedPlatform({ user: 'alice' });
    const provider = await fixture<RemoteExtensionProvider>(
      html`<remote-extension-provider .client=${alice}><status-probe></status-probe></remote-extension-provider>`,
    );
    const probe = provider.querySelector<StatusProbe>('status-probe')!;
    await waitUntil(() => probe.shadowRoot?.textContent === 'available');
    const cache = new SnapshotCache();
    await waitUntil(async () => (await cache.read(alice.scope)) !== undefined, 'the cache was never written');

    await provider.signOut();
    await provider.updateComplete;
    await probe.updateComplete;
    expect(await cache.read(alice.scope)).to.equal(undefined);
    expect(provider.store).to.equal(null);
    expect(probe.shadowRoot?.textContent).to.equal('none');
    // Nothing brings the old user back by itself...
    provider.requestUpdate();
    await provider.updateComplete;
    expect(provider.store).to.equal(null);

    // ...and the next user gets a Store of their own.
    const bob = simulatedPlatform({ user: 'bob' });
    await bob.setActiveStatus({ type: 'status/activate', id: 'bob-1', statusId: 'out-of-office' });
    provider.client = bob;
    await waitUntil(() => probe.shadowRoot?.textContent === 'out-of-office', 'the next user never showed');
    expect(provider.store?.client === bob).to.equal(true);
  });

  it('EMB-1 NUM-6 says above its content that an element inside could not be loaded, with Try again, until it is defined', async () => {
    // A tag that is not defined: its code, as far as the page knows, could not be fetched. The
    // script-tag bundle's autoloader sends the event (test/e2e/demo.test.mjs has it fail for real).
    const tag = `not-loaded-${Math.random().toString(36).slice(2)}`;
    const provider = await fixture<RemoteExtensionProvider>(
      html`<remote-extension-provider .client=${simulatedPlatform()}><p>The page's own text</p></remote-extension-provider>`,
    );
    const element = provider.appendChild(document.createElement(tag));
    const shadow = provider.shadowRoot!;
    const note = () => shadow.querySelector<HTMLElement>('[role="alert"]');
    expect(note() === null, 'no note before a failure').to.equal(true);

    // A retry that has not finished yet: the note says "Loading…" meanwhile.
    let retries = 0;
    const unfinished = () => {
      retries += 1;
      return new Promise<void>(() => {});
    };
    element.dispatchEvent(new ElementLoadFailedEvent(unfinished));
    await provider.updateComplete;
    const failed = 'Part of this page could not be loaded. Check the connection and try again, or reload the page.';
    expect(note()?.textContent).to.equal(failed);
    expect(note()!.checkVisibility(), 'the note is shown').to.equal(true);
    expect(shadow.firstElementChild?.nextElementSibling?.localName, 'the note comes before the page content').to.equal('slot');
    expect(shadow.querySelector('slot')?.assignedElements().length, "the page's content still shows").to.equal(2);
    await expect(shadow.querySelector('.load-error')).to.be.accessible();

    // Try again asks again and says so; failing again, the note says the failure again.
    byRole(provider, 'button', 'Try again').click();
    await provider.updateComplete;
    expect(retries).to.equal(1);
    expect(note()?.textContent).to.equal('Loading…');
    element.dispatchEvent(new ElementLoadFailedEvent(unfinished));
    await provider.updateComplete;
    expect(note()?.textContent).to.equal(failed);

    // However the element comes to be defined, the note goes.
    customElements.define(tag, class extends HTMLElement {});
    await waitUntil(() => note() === null, 'the note stayed after the element was defined');
    expect(hasRole(provider, 'button', 'Try again')).to.equal(false);
  });

  it('EMB-1 NUM-6 the note goes when Try again finds nothing left to load, and only the nearest provider says it', async () => {
    const outer = await fixture<RemoteExtensionProvider>(html`
      <remote-extension-provider .client=${simulatedPlatform({ user: 'outer' })}>
        <remote-extension-provider .client=${simulatedPlatform({ user: 'inner' })}></remote-extension-provider>
      </remote-extension-provider>
    `);
    const inner = outer.querySelector<RemoteExtensionProvider>('remote-extension-provider')!;
    const element = inner.appendChild(document.createElement(`not-loaded-${Math.random().toString(36).slice(2)}`));
    element.dispatchEvent(new ElementLoadFailedEvent(() => Promise.resolve()));
    await Promise.all([outer.updateComplete, inner.updateComplete]);
    // Booleans, not elements, in these assertions: one failing with an element stalled the test run.
    expect(inner.shadowRoot!.querySelector('[role="alert"]') !== null, 'the inner provider says it').to.equal(true);
    expect(outer.shadowRoot!.querySelector('[role="alert"]') === null, 'the outer one does not').to.equal(true);

    // The element left the page (another view of a single-page app) and was never defined: Try
    // again finds nothing left to load, and the note goes.
    element.remove();
    byRole(inner, 'button', 'Try again').click();
    await waitUntil(() => inner.shadowRoot!.querySelector('[role="alert"]') === null, 'the note stayed with nothing left to load');
  });
});

