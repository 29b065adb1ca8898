/**
 * The HTTP soak (SYNC-3 SYNC-4 SYNC-5 PC-3): test/store/soak.test.ts's two tabs of one user, each
 * a Store over the REST client, against the reference server (a process of its own that the test
 * runner can restart, see test/rest-server-plugin.mjs). At seeded points the server answers 503,
 * 429 or 500 for a stretch of requests, once 429 with `Retry-After: 1`, and twice its process is
 * stopped (SIGTERM, then SIGKILL) and started again on the same port and data file. Every change
 * that failed "not now" or was cut by a restart waits in the outbox and is sent again with its
 * idempotency key; only the rules refuse one. At the end nothing acknowledged is lost, nothing is
 * applied twice, both tabs heard the last version without asking, and views, caches and server
 * agree.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { newId } from '../../src/model/index.js';
import type { RestAuth } from '../../src/platform/index.js';
import { RestPlatformClient } from '../../src/platform/rest/index.js';
import { Outbox, SnapshotCache, Store } from '../../src/store/index.js';
import { randomChange, seeded, tally } from '../store/soak-changes.js';
import { cleanUp } from '../helpers.js';

const OPERATIONS = 150;
const BASE = '/__rest-server/restartable';

interface ServerInfo {
  readonly endpoint: string;
  readonly hooks: string;
}

const server = (await (await fetch(`${BASE}.json`)).json()) as ServerInfo;

async function hook(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`${server.hooks}${path}`, init);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response;
}

/** Stops the server's process and starts it again on the same port and data file. */
async function restart(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  const response = await fetch(`${BASE}/restart?signal=${signal}`, { method: 'POST' });
  if (!response.ok) throw new Error(`restart: ${response.status} ${await response.text()}`);
  const { endpoint } = (await response.json()) as { endpoint: string };
  expect(endpoint, 'back where the tabs point').to.equal(server.endpoint);
}

const NOT_NOW: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** The tabs' requests to the server: how many, and how many failed "not now" or never arrived. */
const requests = { sent: 0, notNow: 0, unreachable: 0 };
const realFetch = window.fetch;

/** Counts the requests made to the API; everything else passes untouched. */
function countRequests(): void {
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith(server.endpoint)) return realFetch(input, init);
    requests.sent++;
    try {
      const response = await realFetch(input, init);
      if (NOT_NOW.has(response.status)) requests.notNow++;
      return response;
    } catch (error) {
      if (!init?.signal?.aborted) requests.unreachable++;
      throw error;
    }
  };
}

interface Tab {
  readonly store: Store;
  readonly cache: SnapshotCache;
}

describe('HTTP soak: two tabs, a failing and restarting reference server', () => {
  const tabs: Tab[] = [];
  afterEach(async () => {
    window.fetch = realFetch;
    for (const { store } of tabs.splice(0)) store.dispose();
    await cleanUp();
  });

  it('SYNC-3 SYNC-4 SYNC-5 PC-3 nothing acknowledged is lost, nothing applied twice; views, caches and server agree', async function () {
    const started = performance.now();
    const seed = Number(new URLSearchParams(location.search).get('soak-seed') ?? 20261127);
    const random = seeded(seed);
    const user = `soak-${newId().slice(0, 12)}`;
    const { token } = (await (await hook(`/users/${user}/token`, { method: 'POST' })).json()) as { token: string };
    const auth: RestAuth = { kind: 'bearer', token: () => token };
    const options = { endpoint: server.endpoint, user, auth };
    countRequests();
    // Each tab: a Store with the page's cache and outbox databases, as a provider's has. The client
    // tries once more after a short pause, then the Store's outbox takes over; the pauses are
    // milliseconds, not the quarter seconds and 1 to 30 s a person's browser waits.
    for (let tab = 0; tab < 2; tab++) {
      const client = new RestPlatformClient({ ...options, retries: 1, backoff: 10, random: seeded(seed + tab + 1) });
      const cache = new SnapshotCache();
      const store = new Store({ client, cache, outbox: new Outbox(), retryPause: { first: 5, cap: 40 } });
      tabs.push({ store, cache });
    }
    /** What the server has now, asked by a client of its own. */
    const judge = new RestPlatformClient(options);
    const initialVersion = (await judge.load()).version;
    for (const { store } of tabs) {
      await store.load();
      expect(store.state.source).to.equal('platform');
    }

    const fault = async (failNext: { status: 503 | 429 | 500; count: number; retryAfter?: number }) =>
      hook('/faults', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ user, failNext }),
      });
    // Where the server stops and starts again, and where it asks once for a whole second's pause.
    const restartAt = new Map([
      [Math.floor(OPERATIONS * (0.2 + random() * 0.2)), 'SIGTERM' as const],
      [Math.floor(OPERATIONS * (0.6 + random() * 0.2)), 'SIGKILL' as const],
    ]);
    const slowAt = Math.floor(OPERATIONS * (0.4 + random() * 0.2));

    const counts = { ...tally(), stretches: 0, restarts: 0, restartMs: 0 };
    const settling: Promise<void>[] = [];
    const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];

    for (let i = 0; i < OPERATIONS; i++) {
      // Now and then the server says "not now" to the user's next few requests.
      if (i === slowAt) {
        await fault({ status: 429, count: 1, retryAfter: 1 });
        counts.stretches++;
      } else if (random() < 0.08) {
        const status = pick([503, 429, 500] as const)!;
        const count = 1 + Math.floor(random() * 6);
        await fault(status === 429 ? { status, count, retryAfter: 0 } : { status, count });
        counts.stretches++;
      }
      const { store } = pick(tabs)!;
      const settled = randomChange(store, random, i, counts);
      if (!settled) continue;
      settling.push(settled);
      const signal = restartAt.get(i);
      if (signal) {
        // With this change (and any others) still on its way.
        const stopped = performance.now();
        await restart(signal);
        counts.restarts++;
        counts.restartMs += performance.now() - stopped;
      } else if (random() < 0.7) {
        // Most changes are awaited, as a person waits; some are fired off while others are in flight.
        await settled;
      }
    }

    // The server answers again, and everything the tabs still hold is sent.
    await fault({ status: 503, count: 0 });
    await Promise.all(settling);
    const final = await judge.load();
    // Both tabs hear the last version without asking: from the server's feed, or from each other.
    for (const [n, { store }] of tabs.entries()) {
      await waitUntil(
        () => store.state.pending.length === 0 && store.state.data?.version === final.version,
        `tab ${n + 1} never heard version ${final.version}`,
      );
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `HTTP soak (seed ${seed}): ${OPERATIONS} operations, ${counts.accepted} accepted, ${counts.refused} refused by the rules, ` +
        `${counts.failed} failed otherwise; ${counts.stretches} fault stretches, ${counts.restarts} restarts (down ${(counts.restartMs / 1000).toFixed(1)} s); ` +
        `${requests.sent} requests, ${requests.notNow} answered "not now", ${requests.unreachable} unreachable; ` +
        `server version ${initialVersion} → ${final.version}; ${seconds} s`,
    );

    // Every acknowledged change is on the server (a restart lost none) and none was applied twice
    // (a retry after a cut answer carried its idempotency key).
    expect(final.version - initialVersion, 'accepted changes applied exactly once').to.equal(counts.accepted);
    expect(counts.failed, 'changes rolled back without a rule saying no').to.equal(0);
    expect(counts.accepted + counts.refused).to.equal(settling.length);
    expect(counts.restarts).to.equal(2);
    // Views, caches and server agree.
    for (const { store, cache } of tabs) {
      expect(store.state.data).to.deep.equal(final);
      await waitUntil(async () => (await cache.read(judge.scope))?.version === final.version, 'a cache fell behind');
      expect(await cache.read(judge.scope)).to.deep.equal(final);
    }
    for (const id of counts.added) {
      if (!counts.deleted.has(id)) expect(final.numbers.some((n) => n.id === id), `number ${id}`).to.equal(true);
    }
    for (const id of counts.deleted) expect(final.numbers.some((n) => n.id === id), `deleted ${id}`).to.equal(false);
    expect(await new Outbox().list(judge.scope)).to.deep.equal([]);
    // The server's answers since its last start kept to the contract.
    const violations = (await (await hook(`/violations?user=${user}`)).json()) as unknown[];
    expect(violations).to.deep.equal([]);
    await new SnapshotCache().remove(judge.scope);
  });
});
