// What the server refuses before any rule is asked: bodies that are too large or not commands,
// missing or wrong credentials, session changes without their CSRF token; and CORS.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admin, api, expectError, newId, newUser, violations } from './api.mjs';
import { serverForSuite } from './spawn.mjs';

const activate = (statusId) => ({ type: 'status/activate', id: newId(), statusId });

describe('reference server: requests', () => {
  let server;
  serverForSuite((started) => {
    server = started;
  });

  it('413 payload-too-large for a 17 KiB body, and nothing changes', async () => {
    const { api: client } = await newUser(server);
    const command = { ...activate('in-a-meeting'), padding: 'x'.repeat(17 * 1024) };
    await expectError(await client.change('PUT', '/active-status', command), 413, 'payload-too-large');
    assert.equal((await client.snapshot()).activeStatusId, 'available');
  });

  it('400 malformed-request: no Idempotency-Key, one that is not the command’s id, not JSON, not application/json, not a command', async () => {
    const { api: client } = await newUser(server);
    const command = activate('in-a-meeting');
    await expectError(await client.send('PUT', '/active-status', { body: command }), 400, 'malformed-request');
    await expectError(await client.change('PUT', '/active-status', command, { 'idempotency-key': newId() }), 400, 'malformed-request');
    await expectError(
      await client.send('PUT', '/active-status', { body: '{"type": ', headers: { 'idempotency-key': command.id } }),
      400,
      'malformed-request',
    );
    await expectError(
      await client.change('PUT', '/active-status', command, { 'content-type': 'text/plain' }),
      400,
      'malformed-request',
    );
    const wrongType = { ...command, type: 'number/delete' };
    await expectError(await client.change('PUT', '/active-status', wrongType), 400, 'malformed-request');
    await expectError(await client.change('PUT', '/active-status', command, { 'if-match': '12' }), 400, 'malformed-request');
    assert.equal((await client.snapshot()).version, 1);
  });

  it('401 unauthorized, with a Bearer challenge, without a token, with a wrong token, and with the admin token as a user', async () => {
    const { token } = await newUser(server);
    const refusals = [
      await fetch(`${server.base}/snapshot`),
      await api(server, { authorization: 'Bearer not-a-token' }).send('GET', '/snapshot'),
      await admin(server).send('GET', '/snapshot'),
      await api(server, { authorization: `Bearer ${token}` }).send('POST', '/admin/users/someone/reset'),
      await api(server, { cookie: 're_session=ended' }).send('GET', '/snapshot'),
    ];
    for (const response of refusals) {
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer realm="[^"]+"$/);
      await expectError(response, 401, 'unauthorized');
    }
  });

  it('HEAD is answered as GET without a body; 404 where GET is', async () => {
    const { api: client } = await newUser(server);
    const get = await client.send('GET', '/snapshot');
    const getBody = await get.text();
    const head = await client.send('HEAD', '/snapshot');
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    for (const name of ['etag', 'content-type', 'content-length', 'cache-control']) {
      assert.equal(head.headers.get(name), get.headers.get(name), name);
    }
    assert.equal(Number(head.headers.get('content-length')), Buffer.byteLength(getBody));
    // The feed's head, and no feed: the answer ends at once.
    const feed = await client.send('HEAD', '/events');
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.equal(await feed.text(), '');
    assert.equal((await client.send('HEAD', '/nothing-here')).status, 404);
    assert.equal((await fetch(`${server.base}/snapshot`, { method: 'HEAD' })).status, 401);
  });

  it('a session cookie change is 401 without X-CSRF-Token or with a wrong one, 200 with it; DELETE /session ends it', async () => {
    const { user, api: client } = await newUser(server);
    const started = await client.send('POST', '/session');
    assert.equal(started.status, 200);
    const { csrfToken, user: sessionUser } = await started.json();
    assert.equal(sessionUser, user);
    const setCookie = started.headers.get('set-cookie') ?? '';
    assert.match(setCookie, /^re_session=\w+; HttpOnly; SameSite=Strict; Path=\/api$/);
    const cookie = api(server, { cookie: setCookie.split(';')[0] });

    assert.equal((await cookie.snapshot()).user.id, user, 'reading needs no CSRF token');
    const command = activate('in-a-meeting');
    await expectError(await cookie.change('PUT', '/active-status', command), 401, 'unauthorized');
    await expectError(await cookie.change('PUT', '/active-status', command, { 'x-csrf-token': 'guess' }), 401, 'unauthorized');
    const accepted = await cookie.change('PUT', '/active-status', command, { 'x-csrf-token': csrfToken });
    assert.equal(accepted.status, 200);
    assert.equal((await accepted.json()).activeStatusId, 'in-a-meeting');

    await expectError(await cookie.send('DELETE', '/session'), 401, 'unauthorized');
    const ended = await cookie.send('DELETE', '/session', { headers: { 'x-csrf-token': csrfToken } });
    assert.equal(ended.status, 204);
    assert.match(ended.headers.get('set-cookie') ?? '', /^re_session=; .*Max-Age=0/);
    await expectError(await cookie.send('GET', '/snapshot'), 401, 'unauthorized');
  });

  it('every answer says no-store and nosniff; a snapshot has its version as ETag; unknown routes are 404', async () => {
    const { api: client } = await newUser(server);
    const response = await client.send('GET', '/snapshot');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('etag'), `"${(await response.json()).version}"`);
    await expectError(await client.send('GET', '/nothing-here'), 404, 'not-found');
    await expectError(await client.send('PATCH', '/snapshot'), 404, 'not-found');
  });

  it('CORS: an allowed origin (by default a loopback page on any port) is reflected with credentials and a preflight answer; another origin gets no CORS headers', async () => {
    const preflight = (origin) =>
      fetch(`${server.base}/numbers`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'idempotency-key' },
      });
    const allowed = await preflight('http://localhost:8000');
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://localhost:8000');
    assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true');
    assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
    assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /Last-Event-ID/);
    // The default (no CORS_ORIGINS) is any page on this machine's loopback, whatever its port, so
    // the demo works on any PORT; never another host, nor a name that only starts like one.
    for (const origin of ['http://localhost:8123', 'http://127.0.0.1:1234', 'http://[::1]:8000', 'http://localhost']) {
      assert.equal((await preflight(origin)).headers.get('access-control-allow-origin'), origin, origin);
    }
    for (const origin of ['http://evil.example', 'http://localhost.evil.example:8000', 'https://example.com:8000', 'null']) {
      assert.equal((await preflight(origin)).headers.get('access-control-allow-origin'), null, origin);
    }

    const { token } = await newUser(server);
    const read = await fetch(`${server.base}/snapshot`, {
      headers: { authorization: `Bearer ${token}`, origin: 'http://127.0.0.1:8000' },
    });
    assert.equal(read.headers.get('access-control-allow-origin'), 'http://127.0.0.1:8000');
    assert.equal(read.headers.get('access-control-expose-headers'), 'ETag, Retry-After');
  });

  it('PC-3 every answer above matched the contract', async () => {
    assert.deepEqual(await violations(server), []);
  });
});
