// GET /events (SYNC-6): changes made elsewhere — by an administrator or on another connection —
// reach every open stream of the user, as Server-Sent Events of whole snapshots.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admin, expectError, faults, newId, newUser, openFeed, violations, within } from './api.mjs';
import { serverForSuite } from './spawn.mjs';

describe('reference server: change feed', () => {
  let server;
  serverForSuite((started) => {
    server = started;
  });

  it('SYNC-6, NUM-4: an administrator’s provisioning reaches an open /events stream', async () => {
    const { user, token } = await newUser(server);
    const feed = await openFeed(server, { authorization: `Bearer ${token}` });
    try {
      const first = await within('first event', feed.next());
      assert.deepEqual([first.event, first.id, first.data.version], ['snapshot', '1', 1]);

      const provisioned = await admin(server).send('POST', `/admin/users/${user}/remote-extensions`, {
        body: { id: 'car-phone', name: 'Car', dial: '0709990000' },
      });
      assert.equal(provisioned.status, 200);
      assert.equal(provisioned.headers.get('etag'), '"2"');

      const event = await within('provisioning event', feed.next());
      assert.deepEqual([event.event, event.id], ['snapshot', '2']);
      const number = event.data.numbers.find((n) => n.id === 'car-phone');
      assert.deepEqual(number, {
        id: 'car-phone',
        label: 'Remote Extension Car',
        dial: '0709990000',
        remoteExtension: true,
        adminProvisioned: true,
        fmc: false,
        callThrough: false,
      });
    } finally {
      feed.close();
    }
  });

  it('SYNC-6: a change on another connection reaches every stream; Last-Event-ID of the current version skips the first snapshot', async () => {
    const { token, api } = await newUser(server);
    const auth = { authorization: `Bearer ${token}` };
    const fresh = await openFeed(server, auth);
    const resumed = await openFeed(server, { ...auth, 'last-event-id': '1' });
    try {
      assert.equal((await within('first event', fresh.next())).id, '1');
      const changed = await api.change('PUT', '/active-status', { type: 'status/activate', id: newId(), statusId: 'out-of-office' });
      assert.equal(changed.status, 200);
      for (const feed of [fresh, resumed]) {
        const event = await within('change event', feed.next());
        assert.deepEqual([event.id, event.data.activeStatusId], ['2', 'out-of-office']);
      }
    } finally {
      fresh.close();
      resumed.close();
    }
  });

  it('SYNC-6: an administrator’s removal reaches the stream, statuses fall back to the default device; 404 for a number that is not there', async () => {
    const { user, token } = await newUser(server);
    const feed = await openFeed(server, { authorization: `Bearer ${token}` });
    try {
      await within('first event', feed.next());
      const removed = await admin(server).send('DELETE', `/admin/users/${user}/numbers/work-mobile`);
      assert.equal(removed.status, 200);
      const event = await within('removal event', feed.next());
      assert.ok(!event.data.numbers.some((n) => n.id === 'work-mobile'));
      const home = event.data.statuses.find((s) => s.id === 'work-from-home');
      assert.deepEqual([home.remoteExtensionId, home.callUsing, home.sendCallsTo], [null, 'desk-phone', 'desk-phone']);
      await expectError(await admin(server).send('DELETE', `/admin/users/${user}/numbers/work-mobile`), 404, 'number-not-found');
    } finally {
      feed.close();
    }
  });

  it('an administrator’s reset brings the sample data back at a higher version, on the feed too', async () => {
    const { user, token, api } = await newUser(server);
    await api.change('DELETE', '/numbers/home', { type: 'number/delete', id: newId(), numberId: 'home' });
    const feed = await openFeed(server, { authorization: `Bearer ${token}` });
    try {
      assert.equal((await within('first event', feed.next())).id, '2');
      const reset = await admin(server).send('POST', `/admin/users/${user}/reset`, { body: { kind: 'mivoice-business' } });
      assert.equal(reset.status, 200);
      const event = await within('reset event', feed.next());
      assert.deepEqual([event.id, event.data.platform.kind], ['3', 'mivoice-business']);
      assert.ok(event.data.numbers.some((n) => n.id === 'home'));
    } finally {
      feed.close();
    }
  });

  it('the dropFeeds hook cuts open streams, as a dropped connection would', async () => {
    const { token } = await newUser(server);
    const feed = await openFeed(server, { authorization: `Bearer ${token}` });
    await within('first event', feed.next());
    await faults(server, { dropFeeds: true });
    assert.equal(await within('end of stream', feed.next()), null);
  });

  it('PC-3 every answer and event above matched the contract', async () => {
    assert.deepEqual(await violations(server), []);
  });
});
