/**
 * Contract tests: the REST client against the reference server over real HTTP (the test runner
 * starts the server, see test/rest-server-plugin.mjs). The server checks each of its answers
 * against openapi.yaml; after every test, no answer may have broken it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { platformFailure } from '../helpers.js';
import { waitUntil } from '../wait.js';
import '../../entries/define.js';
import type { RemoteExtensionProvider } from '../../entries/index.js';
import * as v from 'valibot';
import { newId, SnapshotSchema, type Snapshot } from '../../src/model/index.js';
import type { PlatformChange, RestAuth } from '../../src/platform/index.js';
import { RestPlatformClient } from '../../src/platform/rest/index.js';
import { SnapshotCache, Store } from '../../src/store/index.js';
import { byRole, hasRole } from '../components/queries.js';

interface ServerInfo {
  readonly endpoint: string;
  readonly adminToken: string;
  readonly hooks: string;
}

const server = (await (await fetch('/__rest-server.json')).json()) as ServerInfo;

interface Violation {
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

async function hook(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`${server.hooks}${path}`, init);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response;
}

/**
 * Faults are for one user's requests only: Chromium and Firefox run these tests at the same time
 * against the same server.
 */
async function fault(user: string, body: object): Promise<void> {
  await hook('/faults', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user, ...body }),
  });
}

/** Contract violations in the answers to this user's requests. */
async function violations(user: string): Promise<Violation[]> {
  return (await (await hook(`/violations?user=${encodeURIComponent(user)}`)).json()) as Violation[];
}

/** The users the current test made; their answers are checked against the contract after it. */
let users: string[] = [];

/** A user of their own, with a token minted by the server's test hook. */
async function newUser(): Promise<{ user: string; token: string }> {
  const user = `u-${newId().slice(0, 12)}`;
  users.push(user);
  const { token } = (await (await hook(`/users/${user}/token`, { method: 'POST' })).json()) as { token: string };
  return { user, token };
}

function clientFor(user: string, token: string, options: { retries?: number } = {}): RestPlatformClient {
  return new RestPlatformClient({
    endpoint: server.endpoint,
    user,
    auth: { kind: 'bearer', token: () => token },
    backoff: 5,
    random: () => 0.5,
    ...options,
  });
}

async function signedIn() {
  const { user, token } = await newUser();
  return { user, token, client: clientFor(user, token) };
}

async function admin(method: string, path: string, body?: object): Promise<Response> {
  return fetch(`${server.endpoint}/admin${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${server.adminToken}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : null,
  });
}

const create = (label: string, dial: string, remoteExtension = false) => ({
  type: 'number/create' as const,
  id: newId(),
  number: { id: newId(), label, dial, remoteExtension },
});

describe('REST client against the reference server (PC-3)', () => {
  /** Answers a test corrupts on purpose; the contract check flags exactly those. */
  let corrupted = 0;

  beforeEach(() => {
    users = [];
    corrupted = 0;
  });

  afterEach(async () => {
    const found = (await Promise.all(users.map(violations))).flat();
    expect(found.length, `answers that broke openapi.yaml: ${JSON.stringify(found)}`).to.equal(corrupted);
  });

  describe('each endpoint', () => {
    it('PC-3 GET /snapshot: the user’s settings, validated', async () => {
      const { user, client } = await signedIn();
      const snapshot = await client.load();
      expect(snapshot.user.id).to.equal(user);
      expect(snapshot.numbers.map((n) => n.id)).to.deep.equal(['work-mobile', 'mobile', 'home']);
      expect(snapshot.activeStatusId).to.equal('available');
    });

    it('PC-3 ADD-2 POST /numbers adds a remote extension', async () => {
      const { client } = await signedIn();
      const before = await client.load();
      const command = create('Cabin', '0981-812 34 56', true);
      const after = await client.createNumber(command);
      expect(after.version).to.equal(before.version + 1);
      expect(after.numbers.find((n) => n.id === command.number.id)).to.include({
        label: 'Cabin',
        dial: '09818123456',
        remoteExtension: true,
        adminProvisioned: false,
      });
      expect((await client.load()).numbers).to.have.length(4);
    });

    it('PC-3 EDIT-3 PATCH /numbers/{id} renames even an admin-provisioned number', async () => {
      const { client } = await signedIn();
      await client.load();
      const after = await client.updateNumber({
        type: 'number/update',
        id: newId(),
        numberId: 'work-mobile',
        changes: { label: 'Remote Extension Car' },
      });
      expect(after.numbers.find((n) => n.id === 'work-mobile')?.label).to.equal('Remote Extension Car');
    });

    it('PC-3 NUM-5 DELETE /numbers/{id} deletes the user’s own number', async () => {
      const { client } = await signedIn();
      await client.load();
      const after = await client.deleteNumber({ type: 'number/delete', id: newId(), numberId: 'home' });
      expect(after.numbers.map((n) => n.id)).to.deep.equal(['work-mobile', 'mobile']);
    });

    it('PC-3 STAT-5 PUT /statuses/{id} saves the routing in one call', async () => {
      const { client } = await signedIn();
      await client.load();
      const after = await client.updateStatus({
        type: 'status/update',
        id: newId(),
        status: { id: 'in-a-meeting', remoteExtensionId: 'work-mobile', callUsing: 'work-mobile', sendCallsTo: 'softphone' },
      });
      expect(after.statuses.find((s) => s.id === 'in-a-meeting')).to.include({
        remoteExtensionId: 'work-mobile',
        callUsing: 'work-mobile',
        sendCallsTo: 'softphone',
      });
    });

    it('PC-3 ACT-1 PUT /active-status makes a status active', async () => {
      const { client } = await signedIn();
      await client.load();
      const after = await client.setActiveStatus({ type: 'status/activate', id: newId(), statusId: 'do-not-disturb' });
      expect(after.activeStatusId).to.equal('do-not-disturb');
    });

    it('PC-3 CALL-2 POST /calls places a call from a device', async () => {
      const { client } = await signedIn();
      const call = await client.placeCall('desk-phone', '47 12');
      expect(call).to.include({ deviceId: 'desk-phone', dial: '4712' });
      expect(call.callId).to.match(/^[\w-]+$/u);
    });
  });

  describe('each error', () => {
    it('FMT-4 PC-1 invalid-input: 422 carries the dial plan’s problem, and nothing changes', async () => {
      const { client } = await signedIn();
      const error = await platformFailure(client.createNumber(create('Short', '12345')));
      expect(error.code).to.equal('invalid-input');
      expect(error.retryable, 'a refusal by the rules is final').to.equal(false);
      expect(error.problem?.code).to.equal('number-destination-code');
      expect(error.message).to.contain('09818123456');
      expect((await client.load()).numbers).to.have.length(3);
    });

    it('NUM-5 EDIT-2 a client that skips the UI still cannot delete or renumber an admin-provisioned number', async () => {
      const { token, client } = await signedIn();
      // Straight HTTP, as a script would send it.
      const response = await fetch(`${server.endpoint}/numbers/work-mobile`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': newId() },
      });
      expect(response.status).to.equal(403);
      const body = (await response.json()) as { code: string; message: string };
      expect(body.code).to.equal('delete-admin-provisioned');
      // And through the client: typed, with the rule's problem.
      const renumber = await platformFailure(
        client.updateNumber({ type: 'number/update', id: newId(), numberId: 'work-mobile', changes: { dial: '0701111111' } }),
      );
      expect(renumber.code).to.equal('forbidden');
      expect(renumber.problem?.code).to.equal('number-locked');
      const work = (await client.load()).numbers.find((n) => n.id === 'work-mobile');
      expect(work).to.include({ dial: '0701234567', adminProvisioned: true });
    });

    it('PC-1 not-found: 404 for a number that does not exist', async () => {
      const { client } = await signedIn();
      const error = await platformFailure(client.deleteNumber({ type: 'number/delete', id: newId(), numberId: 'no-such' }));
      expect(error.code).to.equal('not-found');
      expect(error.problem?.code).to.equal('number-not-found');
    });

    it('FMT-3 PC-1 conflict: 409 for a number the user already has', async () => {
      const { client } = await signedIn();
      const error = await platformFailure(client.createNumber(create('Again', '087654321')));
      expect(error.code).to.equal('conflict');
      expect(error.problem).to.deep.equal({ code: 'number-duplicate', label: 'Home' });
    });

    it('PC-1 forbidden: 401 without a valid token', async () => {
      const { user } = await newUser();
      const error = await platformFailure(clientFor(user, 'not-a-token').load());
      expect(error.code).to.equal('forbidden');
      const bare = await fetch(`${server.endpoint}/snapshot`);
      expect(bare.status).to.equal(401);
    });

    it('PC-1 unavailable: 503, 429, 408, 500, 502 and 504 are retried and then succeed', async () => {
      const { user, client } = await signedIn();
      await fault(user, { failNext: { status: 503, count: 2 } });
      expect((await client.load()).numbers).to.have.length(3);
      for (const status of [429, 408, 500, 502, 504]) {
        await fault(user, { failNext: { status, count: 1 } });
        expect((await client.load()).numbers, `after a ${status}`).to.have.length(3);
      }
      // A change too: sent again with its Idempotency-Key, and applied once.
      await fault(user, { failNext: { status: 500, count: 2 } });
      const after = await client.setActiveStatus({ type: 'status/activate', id: newId(), statusId: 'do-not-disturb' });
      expect(after.version).to.equal(2);
    });

    it('PC-1 unavailable: the last failure says how long the server asked to wait, and is retryable', async () => {
      const { user, token } = await newUser();
      const client = clientFor(user, token, { retries: 0 });
      await fault(user, { failNext: { status: 429, count: 1, retryAfter: 7 } });
      const error = await platformFailure(client.load());
      expect([error.code, error.retryAfterMs, error.retryable]).to.deep.equal(['unavailable', 7000, true]);
      await fault(user, { failNext: { status: 502, count: 1 } });
      const bad = await platformFailure(client.load());
      expect([bad.code, bad.retryAfterMs, bad.retryable]).to.deep.equal(['unavailable', null, true]);
    });

    it('PC-1 unavailable: retries stop after the limit', async () => {
      const { user, token } = await newUser();
      const client = clientFor(user, token, { retries: 2 });
      await fault(user, { failNext: { status: 503, count: 3 } });
      expect((await platformFailure(client.load())).code).to.equal('unavailable');
      expect((await client.load()).user.id).to.equal(user);
    });

    it('PC-1 offline: a server that cannot be reached is offline, after the retries', async () => {
      const client = new RestPlatformClient({
        endpoint: 'http://127.0.0.1:9/api/v1',
        user: 'nobody',
        retries: 1,
        backoff: 5,
        random: () => 0.5,
      });
      expect((await platformFailure(client.load())).code).to.equal('offline');
    });

    it('PC-1 invalid-input: 413 for a body over the limit, 400 for a malformed command', async () => {
      const { client } = await signedIn();
      const huge = await platformFailure(client.createNumber(create('x'.repeat(20_000), '0981812345')));
      expect(huge.code).to.equal('invalid-input');
      const malformed = await platformFailure(
        client.updateNumber({
          type: 'number/update',
          id: newId(),
          numberId: 'home',
          changes: { fmc: 'yes' as unknown as boolean },
        }),
      );
      expect(malformed.code).to.equal('invalid-input');
      expect((await client.load()).numbers.find((n) => n.id === 'home')?.fmc).to.equal(false);
    });

    it('PC-1 malformed JSON is 400 malformed-request, in the one error shape', async () => {
      const { token } = await newUser();
      const response = await fetch(`${server.endpoint}/numbers`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': 'k1' },
        body: '{"type":"number/create"',
      });
      expect(response.status).to.equal(400);
      expect(((await response.json()) as { code: string }).code).to.equal('malformed-request');
    });
  });

  describe('replays and stale writes', () => {
    it('PC-3 an idempotent replay answers as the first time and applies once', async () => {
      const { client } = await signedIn();
      const before = await client.load();
      const command = create('Cabin', '0981812345');
      const first = await client.createNumber(command);
      const again = await client.createNumber(command);
      expect(first.version).to.equal(before.version + 1);
      expect(again.version).to.equal(first.version);
      expect((await client.load()).numbers.filter((n) => n.label === 'Cabin')).to.have.length(1);
    });

    it('PC-3 409 version-stale: a change based on old settings is refused and changes nothing', async () => {
      const { user, token, client } = await signedIn();
      await client.load();
      // The same user changes something on another device.
      const elsewhere = clientFor(user, token);
      await elsewhere.load();
      await elsewhere.setActiveStatus({ type: 'status/activate', id: newId(), statusId: 'out-of-office' });

      const error = await platformFailure(client.setActiveStatus({ type: 'status/activate', id: newId(), statusId: 'in-a-meeting' }));
      expect(error.code).to.equal('conflict');
      expect(error.problem?.code).to.equal('version-stale');
      expect([error.stale, error.retryable], 'to be judged again on the new settings').to.deep.equal([true, true]);
      expect((await client.load()).activeStatusId).to.equal('out-of-office');
      // Having seen the new settings, the same change goes through.
      const after = await client.setActiveStatus({ type: 'status/activate', id: newId(), statusId: 'in-a-meeting' });
      expect(after.activeStatusId).to.equal('in-a-meeting');
    });
  });

  describe('malformed answers (PC-4)', () => {
    it('PC-4 a response that breaks the schema is bad-response, and the Store keeps what it had', async () => {
      const { user, client } = await signedIn();
      const store = new Store({ client, cache: null });
      const states: unknown[] = [];
      store.subscribe((state) => states.push(state.data));
      await store.load();
      const before = store.state.data;
      expect(before?.numbers).to.have.length(3);

      await fault(user, { corruptNext: 1 });
      corrupted = 1;
      const error = await platformFailure(client.load());
      expect(error.code).to.equal('bad-response');

      await fault(user, { corruptNext: 1 });
      corrupted = 2;
      const refused = await platformFailure(store.setActiveStatus('do-not-disturb'));
      expect(refused.code).to.equal('bad-response');
      await waitUntil(() => store.state.pending.length === 0);
      // The malformed answers never reached the Store's state: every state it showed was valid.
      expect(states.every((data) => data === null || v.is(SnapshotSchema, data))).to.equal(true);
      expect(store.state.data?.numbers).to.have.length(3);
      store.dispose();
    });
  });

  describe('the change feed (SYNC-6)', () => {
    it('SYNC-6 an administrator’s change arrives through the feed', async () => {
      const { user, client } = await signedIn();
      const changes: Snapshot[] = [];
      const stop = client.subscribe((change: PlatformChange) => changes.push(change.snapshot));
      try {
        await waitUntil(() => changes.length > 0, 'the feed never sent the current settings');
        const response = await admin('POST', `/users/${user}/remote-extensions`, {
          id: 'car-phone',
          name: 'Car phone',
          dial: '0705556677',
        });
        expect(response.status).to.equal(200);
        await waitUntil(
          () => changes.some((s) => s.numbers.some((n) => n.id === 'car-phone')),
          'the administrator’s number never arrived',
        );
        const car = changes.at(-1)?.numbers.find((n) => n.id === 'car-phone');
        expect(car).to.include({ label: 'Remote Extension Car phone', adminProvisioned: true, remoteExtension: true });
      } finally {
        stop();
      }
    });

    it('SYNC-6 a dropped feed reconnects with Last-Event-ID and catches up on what it missed', async () => {
      const { user, client } = await signedIn();
      const changes: Snapshot[] = [];
      const stop = client.subscribe((change: PlatformChange) => changes.push(change.snapshot));
      try {
        await waitUntil(() => changes.length > 0, 'the feed never sent the current settings');
        await fault(user, { dropFeeds: true });
        // Made while the feed is down (or reconnecting): it must still arrive.
        await admin('DELETE', `/users/${user}/numbers/home`);
        await waitUntil(
          () => changes.some((s) => !s.numbers.some((n) => n.id === 'home')),
          'the change made while the feed was down never arrived',
        );
      } finally {
        stop();
      }
    });
  });

  describe('signed in with the platform’s own session cookie', () => {
    it('PC-3 a client with only the cookie reads, and changes with the CSRF token from GET /session', async () => {
      const { user, token } = await newUser();
      // Same site as this page (ports do not count), so the SameSite=Strict cookie travels.
      const endpoint = server.endpoint.replace('127.0.0.1', 'localhost');
      // Signing in to the platform in this browser: its login sets the session cookie.
      const login = await fetch(`${endpoint}/session`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        credentials: 'include',
      });
      expect(login.status).to.equal(200);
      const { csrfToken } = (await login.json()) as { csrfToken: string };

      const client = new RestPlatformClient({ endpoint, user, auth: { kind: 'cookie' }, backoff: 5, random: () => 0.5 });
      expect((await client.load()).user.id).to.equal(user);
      const after = await client.setActiveStatus({ type: 'status/activate', id: newId(), statusId: 'in-a-meeting' });
      expect(after.activeStatusId).to.equal('in-a-meeting');

      // The cookie alone does not make a change: a page elsewhere could send it (CSRF).
      const command = { type: 'status/activate', id: newId(), statusId: 'available' };
      const forged = await fetch(`${endpoint}/active-status`, {
        method: 'PUT',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': command.id },
        body: JSON.stringify(command),
      });
      expect(forged.status).to.equal(401);

      // Signing out ends it for the client too.
      const logout = await fetch(`${endpoint}/session`, {
        method: 'DELETE',
        credentials: 'include',
        headers: { 'X-CSRF-Token': csrfToken },
      });
      expect(logout.status).to.equal(204);
      expect((await platformFailure(client.load())).code).to.equal('forbidden');
    });
  });

  describe('through the elements', () => {
    it('PC-3 <remote-extension-provider platform="rest"> shows and changes the server’s settings', async () => {
      const { user, token } = await newUser();
      const auth: RestAuth = { kind: 'bearer', token: () => token };
      const provider = await fixture<RemoteExtensionProvider>(html`
        <remote-extension-provider platform="rest" endpoint=${server.endpoint} user=${user} .auth=${auth}>
          <availability-menu></availability-menu>
        </remote-extension-provider>
      `);
      const menu = provider.querySelector('availability-menu')!;
      await waitUntil(() => hasRole(menu, 'button', 'Availability: Available'), 'the server’s settings never showed');
      byRole(menu, 'button', 'Availability: Available').click();
      await waitUntil(() => hasRole(menu, 'menuitemradio', 'Do Not Disturb'), 'the menu never opened');
      byRole(menu, 'menuitemradio', 'Do Not Disturb').click();
      await waitUntil(() => hasRole(menu, 'button', 'Availability: Do Not Disturb'));
      await waitUntil(() => provider.store?.state.pending.length === 0);
      expect((await clientFor(user, token).load()).activeStatusId).to.equal('do-not-disturb');
      await new SnapshotCache().remove({ platform: `rest:${server.endpoint}`, user });
    });
  });
});
