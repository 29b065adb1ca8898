// The test hooks other tests rely on, and the contract check that watches every answer: a
// deliberately corrupted answer is flagged, and nothing else is.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admin, expectError, faults, hook, newId, newUser, openFeed, violations, within } from './api.mjs';
import { scratchFolder, serverForSuite, startServer } from './spawn.mjs';

describe('reference server: test hooks and the contract check', () => {
  let server;
  serverForSuite((started) => {
    server = started;
  });

  it('corruptNext keeps status 200 but breaks the snapshot, and the contract check flags exactly that answer', async () => {
    const { api } = await newUser(server);
    await faults(server, { corruptNext: 1 });
    const corrupted = await api.send('GET', '/snapshot');
    assert.equal(corrupted.status, 200);
    const body = await corrupted.json();
    const active = body.statuses.find((s) => s.id === body.activeStatusId);
    assert.equal(active.callUsing, 'no-such-device');
    assert.equal((await api.snapshot()).statuses.find((s) => s.id === body.activeStatusId).callUsing, 'desk-phone');

    const found = await violations(server);
    assert.equal(found.length, 1);
    assert.deepEqual([found[0].method, found[0].path, found[0].status], ['GET', '/snapshot', 200]);
    assert.match(found[0].errors.join('\n'), /SnapshotSchema/);
  });

  it('failNext answers that status with an Error body and does nothing; the contract check leaves it alone', async () => {
    const { api } = await newUser(server);
    const before = await violations(server);
    await faults(server, { failNext: { status: 503, count: 2 } });
    const command = { type: 'status/activate', id: newId(), statusId: 'do-not-disturb' };
    await expectError(await api.change('PUT', '/active-status', command), 503, 'unavailable');
    await expectError(await api.send('GET', '/snapshot'), 503, 'unavailable');
    const snapshot = await api.snapshot();
    assert.deepEqual([snapshot.version, snapshot.activeStatusId], [1, 'available']);
    // The command was never seen: sending it now applies it.
    assert.equal((await (await api.change('PUT', '/active-status', command)).json()).version, 2);
    // An injected failure stands for the network or a gateway, not for the server's own answer.
    assert.deepEqual(await violations(server), before);
  });

  it('faults with a user apply only to requests about that user’s account, an administrator’s included', async () => {
    const alice = await newUser(server);
    const bob = await newUser(server);
    await faults(server, { user: alice.user, failNext: { status: 429, count: 2 }, corruptNext: 1 });
    assert.equal((await bob.api.send('GET', '/snapshot')).status, 200);
    await expectError(await alice.api.send('GET', '/snapshot'), 429, 'rate-limited');
    await expectError(await admin(server).send('POST', `/admin/users/${alice.user}/reset`), 429, 'rate-limited');
    const corrupted = await alice.api.send('GET', '/snapshot');
    assert.equal(corrupted.status, 200);
    assert.equal((await corrupted.json()).statuses[0].callUsing, 'no-such-device');
    assert.equal((await alice.api.send('GET', '/snapshot')).status, 200);

    const [found] = await violations(server, alice.user);
    assert.deepEqual([found.user, found.method, found.path, found.status], [alice.user, 'GET', '/snapshot', 200]);
    assert.deepEqual(await violations(server, bob.user), []);
  });

  it('dropFeeds with a user cuts only that user’s feeds', async () => {
    const alice = await newUser(server);
    const bob = await newUser(server);
    const aliceFeed = await openFeed(server, { authorization: `Bearer ${alice.token}` });
    const bobFeed = await openFeed(server, { authorization: `Bearer ${bob.token}` });
    try {
      await within('first events', Promise.all([aliceFeed.next(), bobFeed.next()]));
      await faults(server, { user: alice.user, dropFeeds: true });
      assert.equal(await within('end of alice’s stream', aliceFeed.next()), null);
      await bob.api.change('PUT', '/active-status', { type: 'status/activate', id: newId(), statusId: 'in-a-meeting' });
      assert.equal((await within('bob’s change', bobFeed.next())).id, '2');
    } finally {
      bobFeed.close();
    }
  });

  it('minted tokens give each test a user of its own; /__test/reset forgets every user’s data', async () => {
    const alice = await newUser(server);
    const bob = await newUser(server);
    await alice.api.change('DELETE', '/numbers/home', { type: 'number/delete', id: newId(), numberId: 'home' });
    assert.equal((await alice.api.snapshot()).version, 2);
    assert.equal((await bob.api.snapshot()).version, 1);
    assert.equal((await hook(server, '/reset', { method: 'POST' })).status, 204);
    const snapshot = await alice.api.snapshot();
    assert.equal(snapshot.version, 1);
    assert.ok(snapshot.numbers.some((n) => n.id === 'home'));
  });

  it('failNext takes 502 and 504 too, and sends Retry-After when asked', async () => {
    const { api } = await newUser(server);
    await faults(server, { failNext: { status: 502, count: 1, retryAfter: 2 } });
    const bad = await api.send('GET', '/snapshot');
    assert.equal(bad.headers.get('retry-after'), '2');
    await expectError(bad, 502, 'bad-gateway');
    await faults(server, { failNext: { status: 504, count: 1 } });
    const late = await api.send('GET', '/snapshot');
    assert.equal(late.headers.get('retry-after'), null);
    await expectError(late, 504, 'gateway-timeout');
    assert.equal((await api.send('GET', '/snapshot')).status, 200);
  });

  it('a hook without its X-Test-Hooks header is refused and changes nothing, and no other page may send the header', async () => {
    const alice = await newUser(server);
    await alice.api.change('DELETE', '/numbers/home', { type: 'number/delete', id: newId(), numberId: 'home' });
    // What a page elsewhere can send without asking first: a "simple" cross-site POST, no body.
    const forged = await fetch(`${server.origin}/__test/reset`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    assert.equal(forged.status, 403);
    assert.equal(forged.headers.get('access-control-allow-origin'), null);
    const minted = await fetch(`${server.origin}/__test/users/mallory/token`, { method: 'POST' });
    assert.equal(minted.status, 403);
    const faulted = await fetch(`${server.origin}/__test/faults`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ failNext: { status: 503, count: 5 } }),
    });
    assert.equal(faulted.status, 403);
    assert.equal((await alice.api.snapshot()).version, 2, 'the data is still there, and no fault was set');

    // Sending the header from a page elsewhere needs a preflight, and the server does not allow it.
    const preflight = await fetch(`${server.origin}/__test/reset`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-test-hooks',
      },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    assert.doesNotMatch(preflight.headers.get('access-control-allow-headers') ?? '', /x-test-hooks/i);
    // Nor from the pages that may use the API.
    const listed = await fetch(`${server.origin}/__test/reset`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:8000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-test-hooks',
      },
    });
    assert.doesNotMatch(listed.headers.get('access-control-allow-headers') ?? '', /x-test-hooks/i);
  });

  it('PC-3 the contract check saw nothing but the two corrupted answers above', async () => {
    const found = await violations(server);
    assert.deepEqual(
      found.map(({ method, path, status }) => `${method} ${path} ${status}`),
      ['GET /snapshot 200', 'GET /snapshot 200'],
    );
  });

  it('without TEST_HOOKS=1 there are no hooks; without CONTRACT_CHECK=1 no violations list', async () => {
    const folder = await scratchFolder();
    const plain = await startServer({ dataFile: `${folder.path}/plain.json`, env: { TEST_HOOKS: '0', CONTRACT_CHECK: '0' } });
    try {
      await expectError(await hook(plain, '/reset', { method: 'POST' }), 404, 'not-found');
    } finally {
      await plain.stop();
    }
    const unchecked = await startServer({ dataFile: `${folder.path}/unchecked.json`, env: { CONTRACT_CHECK: '0' } });
    try {
      await expectError(await hook(unchecked, '/violations'), 404, 'not-found');
    } finally {
      await unchecked.stop();
      await folder.remove();
    }
  });
});
