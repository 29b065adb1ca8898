/**
 * SYNC-4: a change made while the platform cannot be reached, or says "not now", is written down
 * first, shown as pending, and sent when the platform answers again; it survives a reload; one the
 * rules no longer allow by then is dropped with its reason, not retried forever. Only a refusal by
 * the rules rolls a change back (SYNC-3).
 */
import { expect, html } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import type { MyNumbers } from '../../entries/index.js';
import type { ChangeListener } from '../../src/platform/index.js';
import { SimulatedPlatform } from '../../src/platform/simulated/index.js';
import { inForce, Outbox, Store } from '../../src/store/index.js';
import { inProvider } from '../components/fixture.js';
import { cleanUp, HeldPlatform, uniqueDatabase } from '../helpers.js';

const stores: Store[] = [];

/** Pauses of milliseconds between attempts, not the 1 to 30 s a person's browser waits. */
const QUICK = { first: 5, cap: 20 };

function storeOn(platform: SimulatedPlatform, outbox: Outbox, retryPause = QUICK): Store {
  const store = new Store({ client: platform, cache: null, outbox, retryPause });
  stores.push(store);
  return store;
}

/** The browser saying it is online again: the Store tries at once rather than at its next pause. */
function backOnline(platform: SimulatedPlatform): void {
  platform.configure({ offline: false });
  window.dispatchEvent(new Event('online'));
}

describe('Store outbox (SYNC-4)', () => {
  afterEach(async () => {
    for (const store of stores.splice(0)) store.dispose();
    await cleanUp();
  });

  it('SYNC-4 a change made offline is written down, shown at once, and sent when the platform is back', async () => {
    const platform = new HeldPlatform({ databaseName: uniqueDatabase('platform') });
    const outbox = new Outbox(uniqueDatabase('outbox'));
    const store = storeOn(platform, outbox);
    await store.load();

    platform.configure({ offline: true });
    let settled = false;
    const change = store.setActiveStatus('do-not-disturb').then(() => (settled = true));
    await waitUntil(async () => (await outbox.list(platform.scope)).length === 1, 'never written down');
    expect(store.state.data?.activeStatusId, 'shown at once').to.equal('do-not-disturb');
    expect(store.state.pending.map((c) => c.type)).to.deep.equal(['status/activate']);
    // A second attempt means the first was answered `offline` and the Store kept the change.
    await waitUntil(() => platform.changes >= 2, 'the Store never tried again');
    expect(settled, 'not settled while unreachable').to.equal(false);

    backOnline(platform);
    await change;
    expect((await platform.load()).activeStatusId).to.equal('do-not-disturb');
    expect(await outbox.list(platform.scope)).to.deep.equal([]);
    expect(store.state.pending).to.deep.equal([]);
  });

  it('SYNC-4 a change that cannot be sent is marked waiting; what is in force stays the platform’s until it is sent', async () => {
    const platform = new SimulatedPlatform({ databaseName: uniqueDatabase('platform') });
    const store = storeOn(platform, new Outbox(uniqueDatabase('outbox')), { first: 60_000, cap: 60_000 });
    await store.load();
    const sending = store.setActiveStatus('in-a-meeting');
    expect(store.state.waiting, 'on its way, not waiting').to.equal(false);
    await sending;

    platform.configure({ offline: true });
    const stop = new AbortController();
    const waited = store.whenWaiting(stop.signal);
    const change = store.setActiveStatus('do-not-disturb');
    await waited;
    expect(store.state.waiting).to.equal(true);
    expect(store.state.data?.activeStatusId, 'shown').to.equal('do-not-disturb');
    expect(inForce(store.state)?.activeStatusId, 'in force').to.equal('in-a-meeting');
    // Waiting already: a second watcher hears it at once.
    await store.whenWaiting(stop.signal);

    backOnline(platform);
    await change;
    expect(store.state.waiting).to.equal(false);
    expect(inForce(store.state)?.activeStatusId).to.equal('do-not-disturb');
  });

  it('SYNC-4 discarding waiting changes drops them unsent, from the view and the outbox, at once', async () => {
    const platform = new SimulatedPlatform({ databaseName: uniqueDatabase('platform') });
    const outbox = new Outbox(uniqueDatabase('outbox'));
    // A minute between attempts: the discard must not wait for the next one.
    const store = storeOn(platform, outbox, { first: 60_000, cap: 60_000 });
    await store.load();
    platform.configure({ offline: true });
    const first = store.setActiveStatus('do-not-disturb').catch((error: unknown) => error);
    const second = store.updateNumber('home', { label: 'Cabin' }).catch((error: unknown) => error);
    await waitUntil(() => store.state.waiting, 'never waited');
    await waitUntil(async () => (await outbox.list(platform.scope)).length === 2, 'never written down');

    store.discardWaiting();
    expect(await first).to.have.property('code', 'discarded');
    expect(await second).to.have.property('code', 'discarded');
    expect(store.state.pending).to.deep.equal([]);
    expect(store.state.waiting).to.equal(false);
    expect(store.state.data?.activeStatusId).to.equal('available');
    expect(store.state.data?.numbers.find((n) => n.id === 'home')?.label).to.equal('Home');
    expect(await outbox.list(platform.scope)).to.deep.equal([]);
    platform.configure({ offline: false });
    const held = await platform.load();
    expect([held.activeStatusId, held.numbers.find((n) => n.id === 'home')?.label], 'never sent').to.deep.equal(['available', 'Home']);
  });

  it('SYNC-4 a change refused after it waited is said by the Store (its sender may have moved on)', async () => {
    const databaseName = uniqueDatabase('platform');
    const platform = new SimulatedPlatform({ databaseName });
    const store = storeOn(platform, new Outbox(uniqueDatabase('outbox')));
    await store.load();
    platform.configure({ offline: true });
    const edit = store.updateNumber('home', { label: 'Cabin' }).catch((error: unknown) => error);
    await waitUntil(() => store.state.waiting, 'never waited');
    // Meanwhile the administrator removes the number; the change can only be refused now.
    await new SimulatedPlatform({ databaseName }).admin.removeNumber('home');
    backOnline(platform);
    expect(await edit).to.have.nested.property('problem.code', 'number-not-found');
    expect(store.state.dropped.map((p) => p.code)).to.deep.equal(['number-not-found']);
  });

  it('SYNC-4 crash and reload: changes made offline are sent by the next Store, all once, in order', async () => {
    const databaseName = uniqueDatabase('platform');
    const outboxDatabase = uniqueDatabase('outbox');
    const platform = new SimulatedPlatform({ databaseName });
    const before = await platform.load();
    const first = storeOn(platform, new Outbox(outboxDatabase));
    await first.load();

    platform.configure({ offline: true });
    void first.setActiveStatus('in-a-meeting').catch(() => undefined);
    void first.updateNumber('home', { label: 'Cabin' }).catch(() => undefined);
    void first.setActiveStatus('out-of-office').catch(() => undefined);
    const outbox = new Outbox(outboxDatabase);
    await waitUntil(async () => (await outbox.list(platform.scope)).length === 3, 'the three were not written down');
    first.dispose(); // the tab is closed

    // The page is opened again, with the platform reachable.
    const reopened = new SimulatedPlatform({ databaseName });
    const second = storeOn(reopened, new Outbox(outboxDatabase));
    await second.load();
    await waitUntil(async () => (await outbox.list(platform.scope)).length === 0, 'the outbox was never sent');
    await waitUntil(() => second.state.pending.length === 0);
    const after = await reopened.load();
    expect(after.version, 'each applied exactly once').to.equal(before.version + 3);
    expect(after.activeStatusId, 'in order: the last one wins').to.equal('out-of-office');
    expect(after.numbers.find((n) => n.id === 'home')?.label).to.equal('Cabin');
    expect(second.state.data?.activeStatusId).to.equal('out-of-office');
  });

  it('SYNC-4 a queued change the rules no longer allow is dropped with its reason, not sent', async () => {
    const databaseName = uniqueDatabase('platform');
    const outboxDatabase = uniqueDatabase('outbox');
    const platform = new SimulatedPlatform({ databaseName });
    const first = storeOn(platform, new Outbox(outboxDatabase));
    await first.load();

    platform.configure({ offline: true });
    void first
      .updateStatus({ id: 'in-a-meeting', remoteExtensionId: 'work-mobile', callUsing: 'work-mobile', sendCallsTo: 'work-mobile' })
      .catch(() => undefined);
    const outbox = new Outbox(outboxDatabase);
    await waitUntil(async () => (await outbox.list(platform.scope)).length === 1);
    first.dispose();

    // Meanwhile the administrator removes the remote extension that change uses.
    const admin = new SimulatedPlatform({ databaseName });
    await admin.admin.removeNumber('work-mobile');
    const before = await admin.load();

    const second = storeOn(new SimulatedPlatform({ databaseName }), new Outbox(outboxDatabase));
    await second.load();
    await waitUntil(() => second.state.dropped.length === 1, 'the change was not dropped');
    expect(second.state.dropped[0]?.code).to.be.a('string');
    expect(await outbox.list(platform.scope)).to.deep.equal([]);
    expect((await admin.load()).version, 'nothing was sent').to.equal(before.version);
  });

  it('SYNC-4 a change the platform answers "not now" stays pending and in the outbox, and is sent once when it answers', async () => {
    const platform = new HeldPlatform({ databaseName: uniqueDatabase('platform') });
    const outbox = new Outbox(uniqueDatabase('outbox'));
    const store = storeOn(platform, outbox);
    await store.load();
    const before = await platform.load();

    platform.configure({ failureRate: 1 });
    let settled = false;
    const change = store.setActiveStatus('do-not-disturb').then(() => (settled = true));
    await waitUntil(() => platform.changes >= 3, 'the Store never sent again');
    expect(settled, 'not settled while the platform fails').to.equal(false);
    expect(store.state.data?.activeStatusId, 'still shown').to.equal('do-not-disturb');
    expect(store.state.pending.map((c) => c.type)).to.deep.equal(['status/activate']);
    expect((await outbox.list(platform.scope)).map((c) => c.type)).to.deep.equal(['status/activate']);

    platform.configure({ failureRate: 0 });
    await change;
    const after = await platform.load();
    expect(after.version, 'applied once').to.equal(before.version + 1);
    expect(after.activeStatusId).to.equal('do-not-disturb');
    expect(await outbox.list(platform.scope)).to.deep.equal([]);
  });

  it('SYNC-3 SYNC-4 a change the platform refuses by its rules is not kept: it rolls back with the reason', async () => {
    const databaseName = uniqueDatabase('platform');
    // This tab's platform has no change feed, so it does not hear of the administrator below.
    const platform = new (class extends SimulatedPlatform {
      override subscribe(_listener: ChangeListener): () => void {
        return () => undefined;
      }
    })({ databaseName });
    const outbox = new Outbox(uniqueDatabase('outbox'));
    const store = storeOn(platform, outbox);
    await store.load();
    await new SimulatedPlatform({ databaseName }).admin.removeNumber('home');

    const failed = await store.updateNumber('home', { label: 'Cabin' }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failed).to.have.nested.property('problem.code', 'number-not-found');
    expect(store.state.pending).to.deep.equal([]);
    expect(await outbox.list(platform.scope)).to.deep.equal([]);
    await waitUntil(() => store.state.data?.numbers.every((n) => n.id !== 'home'), 'the refresh never came');
  });

  it('SYNC-4 My Numbers says which queued change was dropped, and why', async () => {
    const databaseName = uniqueDatabase('platform');
    const platform = new SimulatedPlatform({ databaseName });
    // The provider's own outbox database, as a page before a reload would have left it.
    const first = storeOn(platform, new Outbox());
    await first.load();
    platform.configure({ offline: true });
    void first
      .updateStatus({ id: 'in-a-meeting', remoteExtensionId: 'work-mobile', callUsing: 'work-mobile', sendCallsTo: 'work-mobile' })
      .catch(() => undefined);
    await waitUntil(async () => (await new Outbox().list(platform.scope)).length === 1);
    first.dispose();
    await new SimulatedPlatform({ databaseName }).admin.removeNumber('work-mobile');

    const { element } = await inProvider<MyNumbers>(html`<my-numbers></my-numbers>`, {
      platform: new SimulatedPlatform({ databaseName }),
    });
    await waitUntil(
      () => element.shadowRoot?.textContent?.includes('A change made while offline was not made:'),
      'My Numbers never said so',
    );
    await expect(element).to.be.accessible();
  });
});
