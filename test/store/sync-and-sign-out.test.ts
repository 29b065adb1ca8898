/**
 * SYNC-5: Stores of the same platform and user (other tabs, other providers) share what they hear
 * from the platform, feed or no feed. SYNC-7: signing out leaves nothing of the user behind.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import type { ChangeListener, PlatformScope } from '../../src/platform/index.js';
import { SimulatedPlatform } from '../../src/platform/simulated/index.js';
import { SnapshotCache, Store } from '../../src/store/index.js';
import { channelDelivered, cleanUp, heldPlatform, storeFor, uniqueDatabase } from '../helpers.js';

/** The real simulator, but with no change feed: a platform whose client cannot push. */
class FeedlessPlatform extends SimulatedPlatform {
  override subscribe(_listener: ChangeListener): () => void {
    return () => undefined;
  }
}

/** The BroadcastChannel on which the Stores of `scope` tell each other what they heard (SYNC-5). */
const channelOf = (scope: PlatformScope) => `remote-extension:${scope.platform}:${scope.user}`;

/** A cache that keeps its reads, so that a test can wait until a Store has read it. */
class WatchedCache extends SnapshotCache {
  readonly reads: Promise<unknown>[] = [];

  override read(scope: PlatformScope) {
    const read = super.read(scope);
    this.reads.push(read);
    return read;
  }
}

describe('Store across tabs and providers (SYNC-5)', () => {
  afterEach(cleanUp);

  it('SYNC-5 a change made through one Store shows in another of the same user within a second, without a feed', async () => {
    const databaseName = uniqueDatabase('platform');
    const first = storeFor(new FeedlessPlatform({ databaseName }));
    const second = storeFor(new FeedlessPlatform({ databaseName }));
    await Promise.all([first.load(), second.load()]);
    expect(second.state.data?.activeStatusId).to.equal('available');

    const started = performance.now();
    await first.setActiveStatus('do-not-disturb');
    await waitUntil(() => second.state.data?.activeStatusId === 'do-not-disturb', 'the other Store never heard');
    expect(performance.now() - started).to.be.below(1000);
    expect(second.state.data?.version).to.equal(first.state.data?.version);
  });

  it('SYNC-5 two Stores do not echo each other: each takes a version once', async () => {
    const databaseName = uniqueDatabase('platform');
    const first = storeFor(new FeedlessPlatform({ databaseName }));
    const second = storeFor(new FeedlessPlatform({ databaseName }));
    await Promise.all([first.load(), second.load()]);
    const versionsSeen: number[] = [];
    first.subscribe((state) => versionsSeen.push(state.data?.version ?? -1));
    await second.setActiveStatus('in-a-meeting');
    await waitUntil(() => first.state.data?.activeStatusId === 'in-a-meeting');
    // An echo would be `first` posting what it heard, `second` hearing it (and, echoing too,
    // posting it back), and `first` hearing that: two rounds on the channel.
    await channelDelivered(channelOf(first.client.scope));
    await channelDelivered(channelOf(first.client.scope));
    expect(versionsSeen).to.deep.equal([second.state.data?.version]);
  });

  it('SYNC-5 another user’s Store hears nothing', async () => {
    const databaseName = uniqueDatabase('platform');
    const alice = storeFor(new FeedlessPlatform({ databaseName, user: 'alice' }));
    const bob = storeFor(new FeedlessPlatform({ databaseName, user: 'bob' }));
    await Promise.all([alice.load(), bob.load()]);
    await alice.setActiveStatus('out-of-office');
    // Alice's Store has posted what the platform answered; everything on her channel and on Bob's
    // has now been heard.
    await channelDelivered(channelOf(alice.client.scope));
    await channelDelivered(channelOf(bob.client.scope));
    expect(bob.state.data?.activeStatusId).to.equal('available');
  });

  it('SYNC-2 SYNC-5 a Store showing the cache while its platform has not answered hears another Store’s change', async () => {
    const databaseName = uniqueDatabase('platform');
    const cacheDatabase = uniqueDatabase('cache');
    const first = storeFor(new FeedlessPlatform({ databaseName }), cacheDatabase);
    await first.load();
    const cache = new SnapshotCache(cacheDatabase);
    await waitUntil(async () => (await cache.read(first.client.scope)) !== undefined, 'the cache was never written');

    // Its platform answers in a minute: it shows the cache, and listens from then on (SYNC-5).
    const second = storeFor(new FeedlessPlatform({ databaseName, latency: 60_000 }), cacheDatabase);
    void second.load();
    await waitUntil(() => second.state.source === 'cache', 'the second Store never showed the cache');
    await first.setActiveStatus('do-not-disturb');
    await waitUntil(() => second.state.data?.activeStatusId === 'do-not-disturb', 'the second Store never heard');
    expect(second.state.source).to.equal('platform');
  });

  it('PC-4 SYNC-5 a malformed message on the channel changes nothing', async () => {
    const databaseName = uniqueDatabase('platform');
    const store = storeFor(new FeedlessPlatform({ databaseName }));
    await store.load();
    const before = store.state.data;
    const channel = new BroadcastChannel(`remote-extension:simulated:${databaseName}:demo-user`);
    channel.postMessage({ snapshot: { ...before, version: 999, activeStatusId: 'no-such-status' } });
    channel.postMessage('garbage');
    await channelDelivered(channel.name, channel);
    channel.close();
    expect(store.state.data).to.equal(before);
  });
});

describe('Store.signOut (SYNC-7)', () => {
  afterEach(cleanUp);

  it('SYNC-7 removes the user’s cached settings, and the next Store starts from nothing', async () => {
    const cacheDatabase = uniqueDatabase('cache');
    const platform = new SimulatedPlatform({ databaseName: uniqueDatabase('platform') });
    const store = storeFor(platform, cacheDatabase);
    await store.load();
    const cache = new WatchedCache(cacheDatabase);
    await waitUntil(async () => (await cache.read(platform.scope)) !== undefined, 'the cache was never written');

    await store.signOut();
    expect(await cache.read(platform.scope)).to.equal(undefined);
    cache.reads.length = 0;
    const next = new Store({ client: new SimulatedPlatform({ databaseName: uniqueDatabase('platform'), latency: 60_000 }), cache });
    void next.load();
    // The next Store has read the cache and taken what it found (it awaited the read before this).
    await waitUntil(() => cache.reads.length === 1, 'the next Store never read the cache');
    await cache.reads[0];
    expect(next.state.data).to.equal(null);
    next.dispose();
  });

  it('SYNC-7 first sends what is pending and waits for the answer', async () => {
    const platform = heldPlatform();
    const store = storeFor(platform);
    await store.load();
    platform.hold();
    const change = store.setActiveStatus('do-not-disturb');
    await waitUntil(() => platform.waiting === 1, 'the change was never sent');
    const signedOut = store.signOut();
    platform.release();
    await signedOut;
    await change;
    expect((await platform.load()).activeStatusId).to.equal('do-not-disturb');
  });

  it('SYNC-7 with discardPending abandons what is pending', async () => {
    const platform = heldPlatform();
    const store = storeFor(platform);
    await store.load();
    platform.hold();
    const change = store.setActiveStatus('do-not-disturb').catch((error: unknown) => error);
    await waitUntil(() => platform.waiting === 1, 'the change was never sent');
    await store.signOut({ discardPending: true });
    await change;
    // The abandoned call was aborted while held: letting held calls go on now sends nothing.
    platform.release();
    expect((await platform.load()).activeStatusId).to.equal('available');
  });
});
