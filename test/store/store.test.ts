import { expect } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { SimulatedPlatform } from '../../src/platform/simulated/index.js';
import { cacheKey, SnapshotCache, Store, type StoreState } from '../../src/store/index.js';
import {
  cleanUp,
  HeldPlatform,
  heldPlatform,
  putRaw,
  simulatedPlatform,
  storeFor,
  uniqueDatabase,
  withIndexedDb,
} from '../helpers.js';

/** Every state a Store announces, in order. */
function record(store: Store): StoreState[] {
  const states: StoreState[] = [];
  store.subscribe((state) => states.push(state));
  return states;
}

describe('Store', () => {
  afterEach(cleanUp);

  describe('SYNC-1 loading', () => {
    it('SYNC-1 asks the platform once however many times load() is called', async () => {
      const platform = new HeldPlatform({ databaseName: uniqueDatabase('platform') });
      const store = storeFor(platform);
      await Promise.all([store.load(), store.load(), store.load()]);
      await store.load();
      expect(platform.loads).to.equal(1);
      expect(store.state.phase).to.equal('ready');
      expect(store.state.source).to.equal('platform');
      expect(store.state.data?.numbers).to.have.length(3);
    });

    it('SYNC-1 shows a typed load error and recovers on refresh', async () => {
      const platform = simulatedPlatform({ failureRate: 1 });
      const store = storeFor(platform);
      await store.load();
      expect(store.state.phase).to.equal('error');
      expect(store.state.loadError?.code).to.equal('unavailable');
      expect(store.state.data).to.equal(null);
      platform.configure({ failureRate: 0 });
      await store.refresh();
      expect(store.state.phase).to.equal('ready');
      expect(store.state.loadError).to.equal(null);
    });

    it('SYNC-1 hands out frozen snapshots that no subscriber can change', async () => {
      const store = storeFor(simulatedPlatform());
      await store.load();
      const { data } = store.state;
      expect(Object.isFrozen(store.state)).to.be.true;
      expect(() => {
        (data!.numbers[0] as { label: string }).label = 'hacked';
      }).to.throw(TypeError);
      expect(store.state.data?.numbers[0]?.label).to.equal('Remote Extension Work mobile');
    });
  });

  describe('SYNC-2 cache', () => {
    it('SYNC-2 paints a second load from the cache before the platform answers', async () => {
      const platformDb = uniqueDatabase('platform');
      const cacheDb = uniqueDatabase('cache');
      const first = storeFor(new SimulatedPlatform({ databaseName: platformDb }), cacheDb);
      await first.load();
      await first.createNumber({ label: 'Cabin', dial: '0812345678', remoteExtension: false });
      const cache = new SnapshotCache(cacheDb);
      const scope = first.client.scope;
      await waitUntil(async () => (await cache.read(scope))?.numbers.length === 4, 'the cache was never written');
      first.dispose();

      // The platform now takes a minute to answer: whatever shows comes from the cache.
      const slow = new HeldPlatform({ databaseName: platformDb, latency: 60_000 });
      const second = storeFor(slow, cacheDb);
      const states = record(second);
      void second.load();
      await waitUntil(() => second.state.source === 'cache', 'the cache did not paint');
      expect(slow.loads).to.equal(1);
      expect(second.state.phase).to.equal('ready');
      expect(second.state.data?.numbers.map((n) => n.label)).to.include('Cabin');
      expect(states.some((s) => s.source === 'platform')).to.be.false;
    });

    it('SYNC-2 replaces the cached paint with the platform answer', async () => {
      const platformDb = uniqueDatabase('platform');
      const cacheDb = uniqueDatabase('cache');
      const platform = new SimulatedPlatform({ databaseName: platformDb });
      await new SnapshotCache(cacheDb).write(platform.scope, {
        ...(await platform.load()),
        activeStatusId: 'do-not-disturb',
      });
      const held = new HeldPlatform({ databaseName: platformDb });
      const store = storeFor(held, cacheDb);
      const states = record(store);
      held.hold();
      const loading = store.load();
      await waitUntil(() => store.state.source === 'cache' && held.waiting === 1, 'the cache did not paint before the platform answered');
      held.release();
      await loading;
      expect(states.find((s) => s.source === 'cache')?.data?.activeStatusId).to.equal('do-not-disturb');
      expect(store.state.source).to.equal('platform');
      expect(store.state.data?.activeStatusId).to.equal('available');
    });

    it('SYNC-2 keys the cache by platform and user, so another user never sees it', async () => {
      const platformDb = uniqueDatabase('platform');
      const cacheDb = uniqueDatabase('cache');
      const ann = new SimulatedPlatform({ databaseName: platformDb, user: 'ann' });
      await new SnapshotCache(cacheDb).write(ann.scope, await ann.load());
      const bob = new SimulatedPlatform({ databaseName: platformDb, user: 'bob', latency: 60_000 });
      expect(await new SnapshotCache(cacheDb).read(bob.scope)).to.equal(undefined);
      expect((await new SnapshotCache(cacheDb).read(ann.scope))?.user.id).to.equal('ann');
    });

    it('SYNC-2 drops a cache entry that holds garbage and loads from the platform', async () => {
      const cacheDb = uniqueDatabase('cache');
      const platform = simulatedPlatform();
      await putRaw(cacheDb, 'snapshots', cacheKey(platform.scope), { schemaVersion: 1, savedAt: 0, snapshot: { numbers: '<script>' } });
      const store = storeFor(platform, cacheDb);
      const states = record(store);
      await store.load();
      expect(states.some((s) => s.source === 'cache')).to.be.false;
      expect(store.state.source).to.equal('platform');
      expect(store.state.data?.numbers).to.have.length(3);
    });

    it('SYNC-2 drops a cache entry of another schema version', async () => {
      const cacheDb = uniqueDatabase('cache');
      const platform = simulatedPlatform();
      const snapshot = await platform.load();
      await putRaw(cacheDb, 'snapshots', cacheKey(platform.scope), { schemaVersion: 0, savedAt: 0, snapshot });
      expect(await new SnapshotCache(cacheDb).read(platform.scope)).to.equal(undefined);
    });
  });

  describe('SYNC-3 optimistic changes', () => {
    it('SYNC-3 shows a change at once and settles it when the platform agrees', async () => {
      const platform = heldPlatform();
      const store = storeFor(platform);
      await store.load();
      platform.hold();
      const saving = store.createNumber({ label: 'Cabin', dial: '08-123 456 78', remoteExtension: false });
      expect(store.state.pending).to.have.length(1);
      expect(store.state.data?.numbers.find((n) => n.label === 'Cabin')?.dial).to.equal('0812345678');
      await waitUntil(() => platform.waiting === 1, 'the change was never sent');
      platform.release();
      const id = await saving;
      expect(store.state.pending).to.have.length(0);
      expect(store.state.data?.numbers.find((n) => n.id === id)?.label).to.equal('Cabin');
      expect((await platform.load()).numbers.find((n) => n.id === id)?.label).to.equal('Cabin');
    });

    it('SYNC-3 without an outbox to keep it in, rolls a change back with the reason when the platform fails it', async () => {
      const platform = heldPlatform();
      const store = storeFor(platform);
      await store.load();
      platform.configure({ failureRate: 1 });
      platform.hold();
      const saving = store.updateNumber('mobile', { label: 'Cell' });
      expect(store.state.data?.numbers.find((n) => n.id === 'mobile')?.label).to.equal('Cell');
      await waitUntil(() => platform.waiting === 1, 'the change was never sent');
      platform.release();
      const error = await saving.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).to.have.property('code', 'unavailable');
      expect(store.state.pending).to.have.length(0);
      expect(store.state.data?.numbers.find((n) => n.id === 'mobile')?.label).to.equal('Mobile');
    });

    it('SYNC-3 rolls back when the platform refuses a change the store thought was fine', async () => {
      const platformDb = uniqueDatabase('platform');
      const platform = new SimulatedPlatform({ databaseName: platformDb, latency: 20 });
      const store = storeFor(platform);
      await store.load();
      // An administrator removes the number on the platform; this tab has not heard yet.
      await new SimulatedPlatform({ databaseName: platformDb }).admin.removeNumber('mobile');
      const saving = store.updateNumber('mobile', { label: 'Cell' });
      const error = await saving.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).to.have.property('code', 'not-found');
      expect(error).to.have.nested.property('problem.code', 'number-not-found');
      await waitUntil(() => !store.state.data?.numbers.some((n) => n.id === 'mobile'), 'the view kept the removed number');
      expect(store.state.pending).to.have.length(0);
    });

    it('SYNC-3 refuses at once, without asking the platform, what the rules refuse', async () => {
      const platform = new HeldPlatform({ databaseName: uniqueDatabase('platform') });
      const store = storeFor(platform);
      await store.load();
      const states = record(store);
      const error = await store.createNumber({ label: 'Bad', dial: '+46 8 123', remoteExtension: false }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).to.have.property('code', 'invalid-input');
      expect(error).to.have.nested.property('problem.code', 'number-country-code');
      expect(platform.changes).to.equal(0);
      expect(states).to.have.length(0);
    });

    it('SYNC-3 sends changes in the order they were made', async () => {
      const platform = simulatedPlatform({ latency: { min: 0, max: 30 } });
      const store = storeFor(platform);
      await store.load();
      const id = store.createNumber({ label: 'Cabin', dial: '0812345678', remoteExtension: true });
      const [numberId] = await Promise.all([id, store.setActiveStatus('in-a-meeting')]);
      await store.updateStatus({ id: 'in-a-meeting', remoteExtensionId: numberId, callUsing: numberId, sendCallsTo: numberId });
      await store.setActiveStatus('available');
      const final = await platform.load();
      expect(final.activeStatusId).to.equal('available');
      expect(final.statuses.find((s) => s.id === 'in-a-meeting')?.remoteExtensionId).to.equal(numberId);
      expect(store.state.data).to.deep.equal(final);
    });
  });

  describe('SYNC-6 change feed', () => {
    it('SYNC-6 shows an administrator change without a reload', async () => {
      const platform = simulatedPlatform();
      const store = storeFor(platform);
      await store.load();
      await platform.admin.provisionRemoteExtension('car-phone', 'Car', '0761112233');
      expect(store.state.data?.numbers.find((n) => n.id === 'car-phone')?.label).to.equal('Remote Extension Car');
    });

    it('SYNC-6 hears a change made by another simulator of the account (another tab)', async () => {
      const platformDb = uniqueDatabase('platform');
      const store = storeFor(new SimulatedPlatform({ databaseName: platformDb }));
      await store.load();
      const otherTab = storeFor(new SimulatedPlatform({ databaseName: platformDb }));
      await otherTab.load();
      await otherTab.setActiveStatus('out-of-office');
      await waitUntil(() => store.state.data?.activeStatusId === 'out-of-office', 'the change never arrived');
    });

    it('SYNC-6 ignores a feed snapshot older than what it has', async () => {
      const platform = simulatedPlatform();
      const store = storeFor(platform);
      await store.load();
      const stale = await platform.load();
      await store.setActiveStatus('do-not-disturb');
      const fresh = await platform.load();
      const states = record(store);
      // Another tab's simulator delivers out of order: the stale snapshot first, then a newer one.
      const otherTab = new BroadcastChannel(`${platform.scope.platform}:${platform.scope.user}`);
      otherTab.postMessage({ snapshot: stale });
      otherTab.postMessage({ snapshot: { ...fresh, version: fresh.version + 1, user: { ...fresh.user, displayName: 'Marker' } } });
      otherTab.close();
      await waitUntil(() => store.state.data?.user.displayName === 'Marker', 'the newer snapshot never arrived');
      expect(states.map((s) => s.data?.activeStatusId)).to.not.include('available');
      expect(store.state.data?.activeStatusId).to.equal('do-not-disturb');
    });
  });

  describe('SYNC-8 without IndexedDB', () => {
    it('SYNC-8 works without the cache when IndexedDB is missing', async () => {
      await withIndexedDb(undefined, async () => {
        const cache = new SnapshotCache(uniqueDatabase('cache'));
        const store = new Store({ client: simulatedPlatform(), cache });
        await store.load();
        expect(cache.available).to.be.false;
        await store.createNumber({ label: 'Cabin', dial: '0812345678', remoteExtension: false });
        expect(store.state.data?.numbers.map((n) => n.label)).to.include('Cabin');
        store.dispose();
      });
    });

    it('SYNC-8 works without the cache when IndexedDB throws', async () => {
      const throwing = {
        open() {
          throw new DOMException('The operation failed for reasons unrelated to the database itself.', 'UnknownError');
        },
      };
      await withIndexedDb(throwing, async () => {
        const store = new Store({ client: simulatedPlatform(), cache: new SnapshotCache(uniqueDatabase('cache')) });
        await store.load();
        await store.setActiveStatus('in-a-meeting');
        expect(store.state.data?.activeStatusId).to.equal('in-a-meeting');
        store.dispose();
      });
    });
  });
});
