// Clients that hold connections without finishing a request: a request must arrive within the
// headers and request timeouts, and the server holds at most so many connections. Small limits
// are set for the test; the defaults are in demo/server/config.ts and README.md.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { violations, within } from './api.mjs';
import { serverForSuite } from './spawn.mjs';

const TOKEN = 'slow-token';

/**
 * A raw connection. `answer` resolves with everything the server sent once it closes the
 * connection; `first` with the first bytes it sends (or '' if it closes without any).
 */
function rawConnection(server) {
  const socket = connect(server.port, '127.0.0.1');
  let received = '';
  // A connection closed by the server may arrive as a reset; the test looks at what came before.
  socket.on('error', () => undefined);
  const answer = new Promise((resolve) => socket.once('close', () => resolve(received)));
  const first = new Promise((resolve) => {
    socket.on('data', (chunk) => {
      received += chunk;
      resolve(received);
    });
    void answer.then(resolve);
  });
  socket.setEncoding('utf8');
  return { socket, answer, first };
}

describe('reference server: slow clients', () => {
  let server;
  serverForSuite(
    (started) => {
      server = started;
    },
    { USER_TOKENS: `slow=${TOKEN}`, HEADERS_TIMEOUT_MS: '500', REQUEST_TIMEOUT_MS: '1000', MAX_CONNECTIONS: '3' },
  );

  it('a request whose headers never end is answered 408 and its connection closed', async () => {
    const { socket, answer } = rawConnection(server);
    socket.write('GET /api/v1/snapshot HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    assert.match(await within('the server to close a request without its end of headers', answer), /^HTTP\/1\.1 408 /);
  });

  it('a connection that never sends anything is closed', async () => {
    const { answer } = rawConnection(server);
    await within('the server to close a silent connection', answer);
  });

  it('a request whose body never ends is answered 408 and its connection closed', async () => {
    const { socket, answer } = rawConnection(server);
    const head = `PUT /api/v1/active-status HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\n`;
    socket.write(`${head}Content-Type: application/json\r\nIdempotency-Key: c-1\r\nContent-Length: 100\r\n\r\n{"type":`);
    assert.match(await within('the server to close a request without its whole body', answer), /^HTTP\/1\.1 408 /);
  });

  it('a connection over the limit is closed at once; the ones held are served', async () => {
    const feed = `GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\n\r\n`;
    const held = [rawConnection(server), rawConnection(server), rawConnection(server)];
    try {
      for (const connection of held) connection.socket.write(feed);
      for (const connection of held) assert.match(await within('a held feed', connection.first), /^HTTP\/1\.1 200 /);
      const extra = rawConnection(server);
      extra.socket.write(feed);
      assert.equal(await within('the server to close a connection over the limit', extra.answer), '');
    } finally {
      for (const { socket } of held) socket.destroy();
    }
    // Once a held one is gone, a new one is served (the server sees the hang-ups a moment later).
    await within('a connection to be served again', (async () => {
      for (;;) {
        const next = rawConnection(server);
        next.socket.write(`GET /api/v1/snapshot HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nConnection: close\r\n\r\n`);
        if (/^HTTP\/1\.1 200 /.test(await next.answer)) return;
      }
    })());
  });

  it('PC-3 every answer above matched the contract', async () => {
    assert.deepEqual(await violations(server), []);
  });
});
