// The rules, enforced by the server with the model's own code (FMT-4): refusals carry the rule's
// problem and its English message, and the status the model's problemKind gives them. Also
// If-Match and idempotent replays.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectError, newId, newUser, violations } from './api.mjs';
import { serverForSuite } from './spawn.mjs';

const create = (dial, fields = {}) => {
  const id = newId();
  return { type: 'number/create', id, number: { id: `n-${id}`, label: 'Cabin', dial, remoteExtension: false, ...fields } };
};
const update = (numberId, changes) => ({ type: 'number/update', id: newId(), numberId, changes });
const remove = (numberId) => ({ type: 'number/delete', id: newId(), numberId });
const routing = (status) => ({ type: 'status/update', id: newId(), status });

describe('reference server: rules', () => {
  let server;
  serverForSuite((started) => {
    server = started;
  });

  it('NUM-3, NUM-5: 403 delete-admin-provisioned for the administrator’s work-mobile', async () => {
    const { api } = await newUser(server);
    const body = await expectError(await api.change('DELETE', '/numbers/work-mobile', remove('work-mobile')), 403, 'delete-admin-provisioned');
    assert.deepEqual(body.problem, { code: 'delete-admin-provisioned' });
    assert.ok((await api.snapshot()).numbers.some((n) => n.id === 'work-mobile'));
  });

  it('NUM-5: 409 delete-in-use names the statuses that use the number', async () => {
    const { api } = await newUser(server);
    const meeting = { id: 'in-a-meeting', remoteExtensionId: null, callUsing: 'mobile', sendCallsTo: 'desk-phone' };
    assert.equal((await api.change('PUT', '/statuses/in-a-meeting', routing(meeting))).status, 200);
    const body = await expectError(await api.change('DELETE', '/numbers/mobile', remove('mobile')), 409, 'delete-in-use');
    assert.deepEqual(body.problem, { code: 'delete-in-use', statuses: ['In a Meeting'] });
    assert.match(body.message, /In a Meeting/);
  });

  it('NUM-3: a number the user created is deleted', async () => {
    const { api } = await newUser(server);
    const response = await api.change('DELETE', '/numbers/home', remove('home'));
    assert.equal(response.status, 200);
    assert.ok(!(await response.json()).numbers.some((n) => n.id === 'home'));
  });

  it('EDIT-2: 403 number-locked renumbering work-mobile; EDIT-3: its label still changes', async () => {
    const { api } = await newUser(server);
    const body = await expectError(
      await api.change('PATCH', '/numbers/work-mobile', update('work-mobile', { dial: '0701111111' })),
      403,
      'number-locked',
    );
    assert.equal(body.problem.code, 'number-locked');
    assert.ok(body.problem.reasons.some((reason) => reason.kind === 'admin-provisioned'));
    assert.match(body.message, /configured by your administrator/);

    const relabelled = await api.change('PATCH', '/numbers/work-mobile', update('work-mobile', { label: 'Remote Extension Car' }));
    assert.equal(relabelled.status, 200);
    const number = (await relabelled.json()).numbers.find((n) => n.id === 'work-mobile');
    assert.deepEqual([number.label, number.dial], ['Remote Extension Car', '0701234567']);
  });

  it('FMT-4, FMT-2: 422 for dial 12345, with the dial plan’s hint in message', async () => {
    const { api } = await newUser(server);
    const body = await expectError(await api.change('POST', '/numbers', create('12345')), 422, 'number-destination-code');
    assert.equal(
      body.message,
      "The number doesn't start with a destination code. Start with the destination code 0, then the number, e.g. 09818123456.",
    );
    assert.deepEqual(body.problem, { code: 'number-destination-code', example: '09818123456', codes: ['0'] });
  });

  it('FMT-1, FMT-2: a formatted number is stored as digits; FMT-3: the same number again is 409 number-duplicate', async () => {
    const { api } = await newUser(server);
    const created = await api.change('POST', '/numbers', create('070-555 12.34'));
    assert.equal(created.status, 200);
    assert.ok((await created.json()).numbers.some((n) => n.dial === '0705551234'));
    await expectError(await api.change('POST', '/numbers', create('0705551234')), 409, 'number-duplicate');
  });

  it('409 version-stale for a stale If-Match, and nothing changes', async () => {
    const { api } = await newUser(server);
    const first = await api.change('POST', '/numbers', create('0706000001'), { 'if-match': '"1"' });
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('etag'), '"2"');
    const body = await expectError(await api.change('POST', '/numbers', create('0706000002'), { 'if-match': '"1"' }), 409, 'version-stale');
    assert.deepEqual(body.problem, { code: 'version-stale' });
    const snapshot = await api.snapshot();
    assert.equal(snapshot.version, 2);
    assert.ok(!snapshot.numbers.some((n) => n.dial === '0706000002'));
  });

  it('a replayed Idempotency-Key answers the same snapshot version and applies once, even with its old If-Match', async () => {
    const { api } = await newUser(server);
    const command = create('0706000003');
    const first = await api.change('POST', '/numbers', command, { 'if-match': '"1"' });
    const again = await api.change('POST', '/numbers', command, { 'if-match': '"1"' });
    assert.deepEqual([first.status, again.status], [200, 200]);
    const [a, b] = [await first.json(), await again.json()];
    assert.equal(b.version, a.version);
    assert.equal(again.headers.get('etag'), first.headers.get('etag'));
    assert.equal(b.numbers.filter((n) => n.dial === '0706000003').length, 1);
  });

  it('STAT-5: a status saves its Remote Extension, Call Using and Send my calls to in one request; STAT-2: only a remote extension can be its RE; ACT-1 activates it', async () => {
    const { api } = await newUser(server);
    const meeting = { id: 'in-a-meeting', remoteExtensionId: 'work-mobile', callUsing: 'work-mobile', sendCallsTo: 'work-mobile' };
    const saved = await api.change('PUT', '/statuses/in-a-meeting', routing(meeting));
    assert.equal(saved.status, 200);
    assert.deepEqual(
      (await saved.json()).statuses.find((s) => s.id === 'in-a-meeting'),
      { ...meeting, name: 'In a Meeting', presence: 'busy' },
    );
    await expectError(
      await api.change('PUT', '/statuses/in-a-meeting', routing({ ...meeting, remoteExtensionId: 'mobile' })),
      422,
      'not-remote-extension',
    );
    await expectError(await api.change('PUT', '/statuses/no-such-status', routing({ ...meeting, id: 'no-such-status' })), 404, 'status-not-found');
    await expectError(await api.change('PUT', '/statuses/available', routing(meeting)), 400, 'malformed-request');

    const activated = await api.change('PUT', '/active-status', { type: 'status/activate', id: newId(), statusId: 'in-a-meeting' });
    assert.equal((await activated.json()).activeStatusId, 'in-a-meeting');
    await expectError(
      await api.change('PUT', '/active-status', { type: 'status/activate', id: newId(), statusId: 'gone' }),
      404,
      'status-not-found',
    );
  });

  it('CALL-2: a call is placed from one of the user’s devices; an unknown device is 422', async () => {
    const { api } = await newUser(server);
    const placed = await api.send('POST', '/calls', { body: { deviceId: 'work-mobile', dial: '+46 8 123 456' } });
    assert.equal(placed.status, 201);
    const call = await placed.json();
    assert.deepEqual([call.deviceId, call.dial], ['work-mobile', '+468123456']);
    await expectError(await api.send('POST', '/calls', { body: { deviceId: 'nowhere', dial: '123' } }), 422, 'unknown-device');
  });

  it('the number limit (issue 17): the 101st number is 409 numbers-limit, and nothing is added', async () => {
    const { api } = await newUser(server);
    for (let i = (await api.snapshot()).numbers.length; i < 100; i++) {
      assert.equal((await api.change('POST', '/numbers', create(`06${10_000_000 + i}`))).status, 200);
    }
    const body = await expectError(await api.change('POST', '/numbers', create('0981812345')), 409, 'numbers-limit');
    assert.deepEqual(body.problem, { code: 'numbers-limit', max: 100 });
    assert.equal(body.message, 'You can have at most 100 numbers. Delete one you no longer use, then add the new one.');
    const snapshot = await api.snapshot();
    assert.equal(snapshot.numbers.length, 100);
    assert.ok(!snapshot.numbers.some((n) => n.dial === '0981812345'));
  });

  it('PC-4 (issue 17): an Idempotency-Key reused with another body or on another route is 422 idempotency-key-reused, nothing applied; the same body again is the snapshot, applied once', async () => {
    const { api } = await newUser(server);
    const command = create('0706000004');
    const first = await api.change('POST', '/numbers', command);
    assert.equal(first.status, 200);
    const version = (await first.json()).version;

    const otherBody = { ...command, number: { ...command.number, label: 'Boat', dial: '0706000005' } };
    const reused = await expectError(await api.change('POST', '/numbers', otherBody), 422, 'idempotency-key-reused');
    assert.deepEqual(reused.problem, { code: 'idempotency-key-reused' });
    assert.equal(reused.message, 'This Idempotency-Key was already used for a different change. Send each change with a key of its own.');
    await expectError(await api.change('DELETE', '/numbers/home', { ...remove('home'), id: command.id }), 422, 'idempotency-key-reused');
    await expectError(
      await api.change('PUT', '/active-status', { type: 'status/activate', id: command.id, statusId: 'in-a-meeting' }),
      422,
      'idempotency-key-reused',
    );
    const after = await api.snapshot();
    assert.equal(after.version, version);
    assert.ok(after.numbers.some((n) => n.id === 'home'));
    assert.ok(!after.numbers.some((n) => n.dial === '0706000005'));
    assert.equal(after.activeStatusId, 'available');

    const again = await api.change('POST', '/numbers', command);
    assert.equal(again.status, 200);
    const replayed = await again.json();
    assert.equal(replayed.version, version);
    assert.equal(replayed.numbers.filter((n) => n.dial === '0706000004').length, 1);
  });

  it('If-Match is the ETag exactly as sent: "01", "0012", W/"1" and "+1" are 400 and change nothing', async () => {
    const { api } = await newUser(server);
    for (const ifMatch of ['"01"', '"0012"', 'W/"1"', '"+1"', '"1.0"', '*']) {
      const body = await expectError(await api.change('POST', '/numbers', create('0706000006'), { 'if-match': ifMatch }), 400, 'malformed-request');
      assert.match(body.message, /If-Match/);
    }
    const snapshot = await api.snapshot();
    assert.equal(snapshot.version, 1);
    assert.ok(!snapshot.numbers.some((n) => n.dial === '0706000006'));
    assert.equal((await api.change('POST', '/numbers', create('0706000006'), { 'if-match': '"1"' })).status, 200);
  });

  it('ADD-4 FMT-4 a label with a lone surrogate is 422 label-broken-character, in create and in update', async () => {
    const { api } = await newUser(server);
    const body = await expectError(await api.change('POST', '/numbers', create('0706000007', { label: 'Cabin \uD83D' })), 422, 'label-broken-character');
    assert.deepEqual(body.problem, { code: 'label-broken-character' });
    await expectError(await api.change('PATCH', '/numbers/home', update('home', { label: '\uDCF1 Home' })), 422, 'label-broken-character');
    const snapshot = await api.snapshot();
    assert.equal(snapshot.version, 1);
    assert.equal(snapshot.numbers.find((n) => n.id === 'home').label, 'Home');
  });

  it('PC-3 every answer above matched the contract', async () => {
    assert.deepEqual(await violations(server), []);
  });
});
