/**
 * The soak test (SYNC-2..5, SYNC-8): two Stores standing for two tabs of one user make 500 random
 * changes against the simulated platform, which fails 20% of calls ("not now"), delays the rest at
 * random, and now and then cannot be reached at all. Every failure is sent again until the
 * platform answers; only the rules refuse a change. At the end the views, the caches and the
 * platform agree; every change the platform accepted was applied exactly once; every change was
 * either accepted or refused by the rules; and every number the user was told was added (and
 * never deleted) is there.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { SimulatedPlatform } from '../../src/platform/simulated/index.js';
import { Outbox, SnapshotCache, Store } from '../../src/store/index.js';
import { randomChange, seeded, tally } from './soak-changes.js';
import { cleanUp, uniqueDatabase } from '../helpers.js';

const OPERATIONS = 500;

interface Tab {
  readonly platform: SimulatedPlatform;
  readonly store: Store;
  readonly cache: SnapshotCache;
}

describe('soak: two tabs, a flaky platform, 500 changes', () => {
  const tabs: Tab[] = [];
  afterEach(async () => {
    for (const { store } of tabs.splice(0)) store.dispose();
    await cleanUp();
  });

  it('SYNC-2 SYNC-3 SYNC-4 SYNC-5 views, caches and platform agree; every accepted change applied once; nothing saved is lost', async function () {
    this.timeout(120_000);
    const seed = Number(new URLSearchParams(location.search).get('soak-seed') ?? 20261126);
    const random = seeded(seed);
    const databaseName = uniqueDatabase('platform');
    const knobs = { latency: { min: 0, max: 8 }, failureRate: 0.2 };
    // Each tab: a Store, with the page's cache and outbox databases as a provider's has, on a
    // simulator of the same account. Its pauses before sending again are milliseconds, not the
    // 1 to 30 s a person's browser waits.
    for (let tab = 0; tab < 2; tab++) {
      const platform = new SimulatedPlatform({ databaseName, random: seeded(seed + 1), ...knobs });
      const cache = new SnapshotCache();
      const store = new Store({ client: platform, cache, outbox: new Outbox(), retryPause: { first: 5, cap: 40 } });
      tabs.push({ platform, store, cache });
    }
    const judge = new SimulatedPlatform({ databaseName });
    const initialVersion = (await judge.load()).version;
    // Loads fail 20% of the time too; a Store asks again until it has the platform's word.
    for (const { store } of tabs) {
      await store.load();
      while (store.state.source !== 'platform') await store.refresh();
    }

    const counts = { ...tally(), offlineSpells: 0 };
    const settling: Promise<void>[] = [];
    const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
    let offline = false;
    const setOffline = (value: boolean) => {
      offline = value;
      for (const { platform } of tabs) platform.configure({ offline: value });
      if (!value) window.dispatchEvent(new Event('online'));
    };

    for (let i = 0; i < OPERATIONS; i++) {
      // Now and then the network goes away for a while.
      if (!offline && random() < 0.02) {
        setOffline(true);
        counts.offlineSpells++;
      } else if (offline && random() < 0.2) {
        setOffline(false);
      }
      const { store } = pick(tabs)!;
      const settled = randomChange(store, random, i, counts);
      if (!settled) continue;
      settling.push(settled);
      // Most changes are awaited, as a person waits; some are fired off while others are in flight.
      if (random() < 0.7 && !offline) await settled;
    }

    setOffline(false);
    await Promise.all(settling);
    for (const { platform } of tabs) platform.configure({ failureRate: 0, latency: 0 });
    const final = await judge.load();
    for (const { store } of tabs) {
      await store.refresh();
      await waitUntil(() => store.state.pending.length === 0 && store.state.data?.version === final.version, 'a tab never caught up');
    }
    console.log(
      `soak (seed ${seed}): ${OPERATIONS} operations, ${counts.accepted} accepted, ${counts.refused} refused by the rules, ` +
        `${counts.failed} failed otherwise, ${counts.offlineSpells} offline spells; platform version ${initialVersion} → ${final.version}`,
    );

    // Every accepted change was applied exactly once, and nothing else was.
    expect(final.version - initialVersion).to.equal(counts.accepted);
    // A failure that says "not now" is sent again until it is answered (SYNC-4): every change was
    // accepted or refused by the rules, none lost to a flaky platform.
    expect(counts.failed, 'changes rolled back without a rule saying no').to.equal(0);
    expect(counts.accepted + counts.refused).to.equal(settling.length);
    // Views, caches and platform agree.
    for (const { store, cache, platform } of tabs) {
      expect(store.state.data).to.deep.equal(final);
      await waitUntil(async () => (await cache.read(platform.scope))?.version === final.version, 'a cache fell behind');
      expect(await cache.read(platform.scope)).to.deep.equal(final);
    }
    // Nothing the user was told was added is missing, unless they deleted it later.
    for (const id of counts.added) {
      if (!counts.deleted.has(id)) expect(final.numbers.some((n) => n.id === id), `number ${id}`).to.equal(true);
    }
    for (const id of counts.deleted) expect(final.numbers.some((n) => n.id === id), `deleted ${id}`).to.equal(false);
    expect(await new Outbox().list(judge.scope)).to.deep.equal([]);
    await new SnapshotCache().remove(judge.scope);
  });
});
