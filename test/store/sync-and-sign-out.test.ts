/**
 * SYNC-5: Stores of the same platform and user (other tabs, other providers) share what they hear
 * from the platform, feed or no feed. SYNC-7: signing out leaves nothing of the user behind.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { ChangeListener } from '../../src/platform/index.js';
import { SimulatedPlatform } from '../../src/platform/simulated/index.js';
import { SnapshotCache, Store } from '../../src/store/index.js';
import { cleanUp, storeFor, uniqueDatabase } from '../helpers.js';

/** The real simulator, but with no change feed: a platform whose client cannot push. */
class FeedlessPlatform extends SimulatedPlatform {
  override subscribe(_listener: ChangeListener): () => void {
    return () => undefined;
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
    await waitUntil(() => second.state.data?.activeStatusId === 'do-not-disturb', 'the other Store never heard', {
      timeout: 1000,
    });
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
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(versionsSeen).to.deep.equal([second.state.data?.version]);
  });

  it('SYNC-5 another user’s Store hears nothing', async () => {
    const databaseName = uniqueDatabase('platform');
    const alice = storeFor(new FeedlessPlatform({ databaseName, user: 'alice' }));
    const bob = storeFor(new FeedlessPlatform({ databaseName, user: 'bob' }));
    await Promise.all([alice.load(), bob.load()]);
    await alice.setActiveStatus('out-of-office');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bob.state.data?.activeStatusId).to.equal('available');
  });

  it('PC-4 SYNC-5 a malformed message on the channel changes nothing', async () => {
    const databaseName = uniqueDatabase('platform');
    const store = storeFor(new FeedlessPlatform({ databaseName }));
    await store.load();
    const before = store.state.data;
    const channel = new BroadcastChannel(`remote-extension:simulated:${databaseName}:demo-user`);
    channel.postMessage({ snapshot: { ...before, version: 999, activeStatusId: 'no-such-status' } });
    channel.postMessage('garbage');
    await new Promise((resolve) => setTimeout(resolve, 200));
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
    const cache = new SnapshotCache(cacheDatabase);
    await waitUntil(async () => (await cache.read(platform.scope)) !== undefined, 'the cache was never written');

    await store.signOut();
    expect(await cache.read(platform.scope)).to.equal(undefined);
    const next = new Store({ client: new SimulatedPlatform({ databaseName: uniqueDatabase('platform'), latency: 60_000 }), cache });
    void next.load();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(next.state.data).to.equal(null);
    next.dispose();
  });

  it('SYNC-7 first sends what is pending and waits for the answer', async () => {
    const platform = new SimulatedPlatform({ databaseName: uniqueDatabase('platform') });
    const store = storeFor(platform);
    await store.load();
    platform.configure({ latency: 200 });
    const change = store.setActiveStatus('do-not-disturb');
    await store.signOut();
    await change;
    platform.configure({ latency: 0 });
    expect((await platform.load()).activeStatusId).to.equal('do-not-disturb');
  });

  it('SYNC-7 with discardPending abandons what is pending', async () => {
    const platform = new SimulatedPlatform({ databaseName: uniqueDatabase('platform') });
    const store = storeFor(platform);
    await store.load();
    platform.configure({ latency: 200 });
    const change = store.setActiveStatus('do-not-disturb').catch((error: unknown) => error);
    await store.signOut({ discardPending: true });
    await change;
    platform.configure({ latency: 0 });
    expect((await platform.load()).activeStatusId).to.equal('available');
  });
});
