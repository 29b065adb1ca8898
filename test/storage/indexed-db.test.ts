/**
 * SYNC-8: IndexedDB failing under a running Store. Another tab deleting or upgrading the database
 * must not be blocked by us, and we must carry on with a new connection; nothing throws uncaught.
 */
import { expect, html } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import type { MyNumbers } from '../../entries/index.js';
import { SimulatedPlatform } from '../../src/platform/simulated/index.js';
import { SnapshotCache } from '../../src/store/index.js';
import { inProvider } from '../components/fixture.js';
import { cleanUp, storeFor, uniqueDatabase, withIndexedDb } from '../helpers.js';

/** Deletes a database as another tab would, saying whether an open connection blocked it. */
function deleteAsAnotherTab(name: string): Promise<'deleted' | 'blocked'> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onblocked = () => resolve('blocked');
    request.onsuccess = () => resolve('deleted');
    request.onerror = () => reject(request.error ?? new Error('delete failed'));
  });
}

/** Opens a database one version up, as another tab's newer code would; says whether we blocked it. */
function upgradeAsAnotherTab(name: string): Promise<'upgraded' | 'blocked'> {
  return new Promise((resolve, reject) => {
    const probe = indexedDB.open(name);
    probe.onerror = () => reject(probe.error ?? new Error('open failed'));
    probe.onsuccess = () => {
      const version = probe.result.version;
      probe.result.close();
      const request = indexedDB.open(name, version + 1);
      request.onblocked = () => resolve('blocked');
      request.onsuccess = () => {
        request.result.close();
        resolve('upgraded');
      };
      request.onerror = () => reject(request.error ?? new Error('upgrade failed'));
    };
  });
}

async function cached(cache: SnapshotCache, platform: SimulatedPlatform) {
  return cache.read(platform.scope);
}

/** A loaded Store with a cache database of its own, once it has written it, and a reader of it. */
async function storeWithWrittenCache() {
  const cacheDatabase = uniqueDatabase('cache');
  const platform = new SimulatedPlatform({ databaseName: uniqueDatabase('platform') });
  const store = storeFor(platform, cacheDatabase);
  await store.load();
  const cache = new SnapshotCache(cacheDatabase);
  await waitUntil(async () => (await cached(cache, platform)) !== undefined, 'the cache was never written');
  return { cacheDatabase, platform, store, cache };
}

describe('IndexedDB failing under a running Store (SYNC-8)', () => {
  afterEach(cleanUp);

  it('SYNC-8 the cache’s database deleted by another tab: not blocked, and the cache is written again', async () => {
    const { cacheDatabase, platform, store, cache } = await storeWithWrittenCache();

    expect(await deleteAsAnotherTab(cacheDatabase)).to.equal('deleted');
    expect(await cached(cache, platform), 'the delete really happened').to.equal(undefined);

    await store.setActiveStatus('do-not-disturb');
    await waitUntil(
      async () => (await cached(cache, platform))?.activeStatusId === 'do-not-disturb',
      'the cache was not written again on a new connection',
    );
    expect(store.state.data?.activeStatusId).to.equal('do-not-disturb');
  });

  it('SYNC-8 the cache’s database upgraded by another tab: not blocked, and the cache keeps working', async () => {
    const { cacheDatabase, platform, store, cache } = await storeWithWrittenCache();

    expect(await upgradeAsAnotherTab(cacheDatabase)).to.equal('upgraded');
    await store.setActiveStatus('in-a-meeting');
    await waitUntil(
      async () => (await cached(cache, platform))?.activeStatusId === 'in-a-meeting',
      'the cache stopped working after the upgrade',
    );
  });

  it('SYNC-8 the simulated platform’s database upgraded by another tab: not blocked, and changes go on being kept', async () => {
    const databaseName = uniqueDatabase('platform');
    const platform = new SimulatedPlatform({ databaseName });
    const store = storeFor(platform);
    await store.load();
    await store.setActiveStatus('out-of-office');

    expect(await upgradeAsAnotherTab(databaseName)).to.equal('upgraded');
    await store.setActiveStatus('work-from-home');
    // Another simulator reads IndexedDB itself: both changes are there.
    expect((await new SimulatedPlatform({ databaseName }).load()).activeStatusId).to.equal('work-from-home');
  });

  it('SYNC-8 without IndexedDB, My Numbers says once that no copy is kept, and works', async () => {
    await withIndexedDb(undefined, async () => {
      const { element, store } = await inProvider<MyNumbers>(html`<my-numbers></my-numbers>`);
      const note = 'This browser isn’t keeping a copy of your numbers, so they load from the platform each time.';
      await waitUntil(() => store.state.storage === 'memory', 'the Store never noticed');
      await element.updateComplete;
      const notes = [...element.shadowRoot!.querySelectorAll('[part="note"]')].map((n) => n.textContent?.trim());
      expect(notes.filter((text) => text === note)).to.have.length(1);
      await store.setActiveStatus('do-not-disturb');
      expect(store.state.data?.activeStatusId).to.equal('do-not-disturb');
      await expect(element).to.be.accessible();
    });
  });

  it('SYNC-8 with IndexedDB, no such note', async () => {
    const { element, store, platform } = await inProvider<MyNumbers>(html`<my-numbers></my-numbers>`);
    // The Store says whether it keeps a copy once a cache read or write has come back: wait until
    // its write of the platform's answer is in the provider's cache (the page's own database).
    const pageCache = new SnapshotCache();
    await waitUntil(
      async () => (await pageCache.read(platform.scope))?.version === store.state.data?.version,
      'the Store never wrote its cache',
    );
    await element.updateComplete;
    expect(store.state.storage).to.equal('device');
    expect(element.shadowRoot!.textContent).not.to.contain('isn’t keeping a copy');
  });
});
