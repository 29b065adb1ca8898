// What one user, or one slow client, may hold of the server: change feeds per user and in all, a
// feed whose client stopped reading, sessions per user. Small limits are set for the test; the
// defaults are in demo/server/config.ts and README.md.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { api, expectError, newId, newUser, openFeed, violations, within } from './api.mjs';
import { serverForSuite } from './spawn.mjs';

const FEED_BUFFER_LIMIT = 64 * 1024;

/** Opens GET /events on a raw socket that reads nothing after the first bytes: a client that stopped reading. */
async function stalledFeed(server, token) {
  const socket = connect(server.port, '127.0.0.1');
  socket.write(`GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n\r\n`);
  const head = await within('the feed’s head', new Promise((resolve) => socket.once('data', resolve)));
  assert.match(String(head), /^HTTP\/1\.1 200 /);
  socket.pause();
  // A cut may arrive as a reset once the socket reads again.
  socket.on('error', () => undefined);
  const closed = new Promise((resolve) => socket.once('close', resolve));
  return { socket, closed };
}

/** The error answer to one feed too many (a feed opened instead is closed, and fails the test). */
async function expectRefused(response, status, code) {
  if (response.status === 200) {
    await response.body.cancel();
    assert.fail(`a feed was opened where ${status} ${code} was expected`);
  }
  return expectError(response, status, code);
}

/** Reads a feed in the background; `reached(version)` resolves once that version's event arrived. */
function readAll(feed) {
  const seen = new Set();
  const waiting = new Map();
  void (async () => {
    for (let event = await feed.next(); event; event = await feed.next()) {
      seen.add(Number(event.id));
      waiting.get(Number(event.id))?.();
    }
  })();
  return { reached: (version) => (seen.has(version) ? Promise.resolve() : new Promise((resolve) => waiting.set(version, resolve))) };
}

/** A number whose id and label are as long as they may be, so each snapshot on the feed is large. */
const bigNumber = (i) => ({
  id: `n${String(i).padStart(4, '0')}-${'x'.repeat(58)}`,
  label: `Line ${i} `.padEnd(50, 'y'),
  dial: `0720${String(i).padStart(6, '0')}`,
  remoteExtension: false,
});

describe('reference server: limits per user and in all', () => {
  let server;
  serverForSuite(
    (started) => {
      server = started;
    },
    { MAX_FEEDS_PER_USER: '2', MAX_FEEDS: '3', MAX_SESSIONS_PER_USER: '3' },
  );

  it('change feeds are capped per user (429) and in all (503); a closed feed frees its place', async () => {
    const [a, b, c] = [await newUser(server), await newUser(server), await newUser(server)];
    const feedOf = (user) => ({ authorization: `Bearer ${user.token}` });
    const open = [await openFeed(server, feedOf(a)), await openFeed(server, feedOf(a))];
    try {
      const third = await expectRefused(await fetch(`${server.base}/events`, { headers: feedOf(a) }), 429, 'rate-limited');
      assert.match(third.message, /2/);
      open.push(await openFeed(server, feedOf(b)));
      const refused = await fetch(`${server.base}/events`, { headers: feedOf(c) });
      await expectRefused(refused, 503, 'unavailable');
      assert.ok(Number(refused.headers.get('retry-after')) > 0);

      open.shift()?.close();
      // The server sees the hang-up a moment later; until then it may still refuse.
      await within('a place after a feed closed', (async () => {
        for (;;) {
          const response = await fetch(`${server.base}/events`, { headers: feedOf(c) });
          if (response.status === 200) return response.body.cancel();
          await expectRefused(response, 503, 'unavailable');
        }
      })());
    } finally {
      for (const feed of open) feed.close();
    }
  });

  it('sessions are capped per user: a user’s own oldest session ends, never another user’s', async () => {
    const signIn = async (client) => {
      const response = await client.send('POST', '/session');
      assert.equal(response.status, 200);
      return api(server, { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] });
    };
    const other = await signIn((await newUser(server)).api);
    const { api: client } = await newUser(server);
    const sessions = [];
    for (let i = 0; i < 5; i++) sessions.push(await signIn(client));
    assert.equal((await other.send('GET', '/session')).status, 200, 'another user’s session survives');
    for (const oldest of sessions.slice(0, 2)) await expectError(await oldest.send('GET', '/session'), 401, 'unauthorized');
    for (const kept of sessions.slice(2)) assert.equal((await kept.send('GET', '/session')).status, 200);
  });

  it('PC-3 every answer above matched the contract', async () => {
    assert.deepEqual(await violations(server), []);
  });
});

describe('reference server: a change feed client that stops reading', () => {
  let server;
  serverForSuite(
    (started) => {
      server = started;
    },
    { FEED_BUFFER_LIMIT: String(FEED_BUFFER_LIMIT) },
  );

  it('a feed whose client stopped reading is cut once it has too much waiting; a reading feed is not', async () => {
    const { token, api: client } = await newUser(server);
    const stalled = await stalledFeed(server, token);
    const reading = readAll(await openFeed(server, { authorization: `Bearer ${token}` }));
    const cut = server.waitForOutput(/Cut a change feed of (\S+): its client stopped reading/);
    let version = 1;
    let wasCut = false;
    void cut.then(() => {
      wasCut = true;
    });
    // Each change sends the whole (growing) snapshot; the kernel's buffers take a few MB first.
    for (let i = 0; !wasCut; i++) {
      assert.ok(i < 1500, 'the stalled feed was never cut');
      const created = await client.change('POST', '/numbers', { type: 'number/create', id: newId(), number: bigNumber(i) });
      const changed =
        created.status === 200
          ? created
          : // Past a limit on numbers: relabel one instead, which sends the whole snapshot too.
            await client.change('PATCH', '/numbers/work-mobile', {
              type: 'number/update',
              id: newId(),
              numberId: 'work-mobile',
              changes: { label: `Mobile ${i}` },
            });
      assert.equal(changed.status, 200, await changed.clone().text());
      version = (await changed.json()).version;
    }
    assert.equal((await cut)[1], (await client.snapshot()).user.id);
    // What it had not read was thrown away, and its connection ends.
    stalled.socket.resume();
    await within('the stalled connection to close', stalled.closed);
    await within(`version ${version} on the reading feed`, reading.reached(version));
  });

  it('PC-3 every answer above matched the contract', async () => {
    assert.deepEqual(await violations(server), []);
  });
});
