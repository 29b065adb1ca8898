/**
 * SYNC-3 SYNC-4 over real HTTP: the Store and the REST client against the reference server (see
 * test/rest-server-plugin.mjs), whose test hooks make it fail on purpose. A change the server
 * answers "not now" stays pending and in the outbox and is applied once, in order, when it answers
 * again; only a refusal by the rules rolls a change back. A server that went back to older data
 * (a reset) is followed without reloading the page.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { newId, type Snapshot } from '../../src/model/index.js';
import type { ChangeListener, RestAuth } from '../../src/platform/index.js';
import { RestPlatformClient } from '../../src/platform/rest/index.js';
import { Outbox, Store } from '../../src/store/index.js';
import { cleanUp, platformFailure, uniqueDatabase } from '../helpers.js';

interface ServerInfo {
  readonly endpoint: string;
  readonly hooks: string;
}

const server = (await (await fetch('/__rest-server.json')).json()) as ServerInfo;

async function hook(path: string, body?: object): Promise<void> {
  const response = await fetch(`${server.hooks}${path}`, {
    method: 'POST',
    ...(body ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
}

/**
 * The REST client without its change feed, so that the only requests are the test's and the
 * failures injected land on them; it notes when each change is sent and how many sends failed.
 * It makes one attempt per send: every failure reaches the Store, whose outbox is under test.
 */
class CountingClient extends RestPlatformClient {
  readonly sent: number[] = [];
  failed = 0;

  override subscribe(_listener: ChangeListener): () => void {
    return () => undefined;
  }
  override setActiveStatus(...args: Parameters<RestPlatformClient['setActiveStatus']>) {
    return this.#count(super.setActiveStatus(...args));
  }
  override updateNumber(...args: Parameters<RestPlatformClient['updateNumber']>) {
    return this.#count(super.updateNumber(...args));
  }
  override createNumber(...args: Parameters<RestPlatformClient['createNumber']>) {
    return this.#count(super.createNumber(...args));
  }

  #count(sending: Promise<Snapshot>): Promise<Snapshot> {
    this.sent.push(performance.now());
    return sending.catch((error: unknown) => {
      this.failed++;
      throw error;
    });
  }
}

const stores: Store[] = [];

async function signedIn() {
  const user = `u-${newId().slice(0, 12)}`;
  const response = await fetch(`${server.hooks}/users/${user}/token`, { method: 'POST' });
  const { token } = (await response.json()) as { token: string };
  const auth: RestAuth = { kind: 'bearer', token: () => token };
  const options = { endpoint: server.endpoint, user, auth, random: () => 0.5 };
  const client = new CountingClient({ ...options, retries: 0 });
  const outbox = new Outbox(uniqueDatabase('outbox'));
  // Pauses of milliseconds, not the 1 to 30 s a person's browser waits.
  const store = new Store({ client, cache: null, outbox, retryPause: { first: 5, cap: 20 } });
  stores.push(store);
  await store.load();
  /** What the server has now, asked by another client. */
  const truth = (): Promise<Snapshot> => new RestPlatformClient(options).load();
  return { user, auth, client, outbox, store, truth };
}

describe('Store over REST: failures that say "not now" (SYNC-4)', () => {
  afterEach(async () => {
    for (const store of stores.splice(0)) store.dispose();
    await cleanUp();
  });

  const cases = [
    { status: 503 },
    { status: 429, retryAfter: 1 },
    { status: 500 },
    { status: 502 },
    { status: 504 },
    { status: 408 },
  ] as const;

  for (const failNext of cases) {
    const named = 'retryAfter' in failNext ? `${failNext.status} with Retry-After` : String(failNext.status);
    it(`SYNC-4 ${named}: changes stay pending and in the outbox, then are applied once each, in order`, async () => {
      const { user, client, outbox, store, truth } = await signedIn();
      const before = await truth();
      // The server fails until the test says it answers again.
      await hook('/faults', { user, failNext: { ...failNext, count: 1000 } });

      let settled = 0;
      const changes = [
        store.setActiveStatus('in-a-meeting'),
        store.updateNumber('home', { label: 'Cabin' }),
        store.setActiveStatus('do-not-disturb'),
      ].map((change) => change.then(() => settled++));
      expect(store.state.data?.activeStatusId, 'shown at once').to.equal('do-not-disturb');
      // The first change has been answered "not now" again and again, and is sent again.
      await waitUntil(() => client.failed >= 3, 'the Store never sent again');
      expect(settled, 'nothing settled while the server failed').to.equal(0);
      expect(store.state.pending.map((c) => c.type)).to.deep.equal(['status/activate', 'number/update', 'status/activate']);
      expect(store.state.data?.numbers.find((n) => n.id === 'home')?.label, 'still shown').to.equal('Cabin');
      expect((await outbox.list(client.scope)).map((c) => c.type)).to.deep.equal([
        'status/activate',
        'number/update',
        'status/activate',
      ]);

      await hook('/faults', { user, failNext: { status: failNext.status, count: 0 } });
      await Promise.all(changes);
      const after = await truth();
      expect(after.version, 'each applied exactly once').to.equal(before.version + 3);
      expect(after.activeStatusId, 'in order: the last one wins').to.equal('do-not-disturb');
      expect(after.numbers.find((n) => n.id === 'home')?.label).to.equal('Cabin');
      expect(client.sent.length - client.failed, 'one answered attempt per change').to.equal(3);
      expect(store.state.pending).to.deep.equal([]);
      expect(store.state.data).to.deep.equal(after);
      expect(await outbox.list(client.scope)).to.deep.equal([]);
      if ('retryAfter' in failNext) {
        // The Store's own pauses are milliseconds here: only the server's Retry-After explains this.
        const [first = 0, second = 0] = client.sent;
        expect(second - first, 'waited as Retry-After asked').to.be.at.least(950);
      }
    });
  }

  it('SYNC-3 a change the server’s rules refuse still rolls back, with the reason, and is not kept', async () => {
    const { user, auth, client, outbox, store, truth } = await signedIn();
    // Another device of the same user removes Home; this Store has no feed and has not heard. The
    // server says the change was based on old settings; judged on the new ones, the rules say no.
    const elsewhere = new RestPlatformClient({ endpoint: server.endpoint, user, auth });
    await elsewhere.load();
    await elsewhere.deleteNumber({ type: 'number/delete', id: newId(), numberId: 'home' });
    const before = await truth();

    const error = await platformFailure(store.updateNumber('home', { label: 'Cabin' }));
    expect(error.problem?.code).to.equal('number-not-found');
    expect(store.state.data?.numbers.some((n) => n.id === 'home')).to.equal(false);
    expect(store.state.pending).to.deep.equal([]);
    expect(await outbox.list(client.scope)).to.deep.equal([]);
    expect((await truth()).version, 'nothing was applied').to.equal(before.version);
  });
});

describe('Store over REST: a server that went back to older data', () => {
  afterEach(async () => {
    for (const store of stores.splice(0)) store.dispose();
    await cleanUp();
  });

  it('SYNC-3 after the server was reset under a live page, a change goes through without a reload', async () => {
    const { store, truth } = await signedIn();
    await store.setActiveStatus('in-a-meeting');
    await store.updateNumber('home', { label: 'Cabin' });
    expect(store.state.data?.version).to.equal(3);

    // The server forgets everything (as a restart from an older file would): version 1 again.
    await hook('/reset');
    await store.setActiveStatus('do-not-disturb');
    const after = await truth();
    expect([after.version, after.activeStatusId]).to.deep.equal([2, 'do-not-disturb']);
    expect(store.state.data, 'the page follows the server').to.deep.equal(after);
    expect(after.numbers.find((n) => n.id === 'home')?.label).to.equal('Home');
    // And the next one too: the client's If-Match follows the server's version.
    await store.updateNumber('mobile', { label: 'Cell' });
    expect((await truth()).version).to.equal(3);
  });

  it('SYNC-4 a pending change the server’s older data no longer allows is dropped with its reason', async () => {
    const { client, outbox, store, truth } = await signedIn();
    const cabin = await store.createNumber({ label: 'Cabin', dial: '0981812345', remoteExtension: false });

    await hook('/reset');
    const error = await platformFailure(store.updateNumber(cabin, { label: 'Lake house' }));
    expect(error.problem?.code).to.equal('number-not-found');
    expect(store.state.dropped.map((p) => p.code)).to.deep.equal(['number-not-found']);
    expect(store.state.pending).to.deep.equal([]);
    expect(await outbox.list(client.scope)).to.deep.equal([]);
    const after = await truth();
    expect(after.version, 'nothing was sent after the reload').to.equal(1);
    await waitUntil(() => store.state.data?.version === 1, 'the Store never took the server’s older data');
    expect(store.state.data?.numbers.some((n) => n.id === cabin)).to.equal(false);
  });
});
