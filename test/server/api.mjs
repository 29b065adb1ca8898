// Requests to the reference server as a client and as an administrator, the test hooks, and a
// small Server-Sent Events reader for the change feed.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ADMIN_TOKEN } from './spawn.mjs';

/**
 * The header every test hook requires: a custom header, so a page elsewhere cannot send it without
 * a CORS preflight, which the server never allows.
 */
export const HOOKS_HEADER = { 'x-test-hooks': '1' };

/** A request to the test hook at `path` (under /__test), with the hooks' header. */
export function hook(server, path, { method = 'GET', body } = {}) {
  return fetch(`${server.origin}/__test${path}`, {
    method,
    headers: { ...HOOKS_HEADER, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A new id for commands and numbers (the contract's Id: letters, digits, _ and -). */
export const newId = () => randomUUID();

/** A user of their own: a fresh token from the test hooks, so the account starts as the sample data. */
export async function newUser(server) {
  const user = `user-${randomUUID()}`;
  const response = await hook(server, `/users/${user}/token`, { method: 'POST' });
  assert.equal(response.status, 200);
  const { token } = await response.json();
  return { user, token, api: api(server, { authorization: `Bearer ${token}` }) };
}

/**
 * Requests with fixed headers (credentials). `send(method, path, { body, headers })` sends JSON;
 * `change(method, path, command, headers)` sends a command with its Idempotency-Key.
 */
export function api(server, fixed) {
  const send = (method, path, { body, headers = {} } = {}) =>
    fetch(`${server.base}${path}`, {
      method,
      headers: { ...fixed, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    send,
    change: (method, path, command, headers = {}) =>
      send(method, path, {
        body: method === 'DELETE' ? undefined : command,
        headers: { 'idempotency-key': command.id, ...headers },
      }),
    snapshot: async () => {
      const response = await send('GET', '/snapshot');
      assert.equal(response.status, 200);
      return response.json();
    },
  };
}

export const admin = (server) => api(server, { authorization: `Bearer ${ADMIN_TOKEN}` });

/**
 * Sets the test hooks' faults: { user?, corruptNext?, failNext?: { status, count, retryAfter? },
 * dropFeeds? }.
 */
export async function faults(server, body) {
  const response = await hook(server, '/faults', { method: 'POST', body });
  assert.equal(response.status, 204);
}

/** The contract check's findings, all or those about one user's account. */
export async function violations(server, user) {
  const query = user === undefined ? '' : `?user=${encodeURIComponent(user)}`;
  const response = await hook(server, `/violations${query}`);
  assert.equal(response.status, 200);
  return response.json();
}

/** The error body of a refused request, after checking its status and code. */
export async function expectError(response, status, code) {
  const body = await response.json();
  assert.equal(response.status, status, JSON.stringify(body));
  assert.equal(body.code, code);
  assert.equal(typeof body.message, 'string');
  return body;
}

/**
 * Opens GET /events; `next()` resolves with the next event `{ event, id, data }` (data parsed),
 * or null when the stream ends or is cut. `close()` hangs up.
 */
export async function openFeed(server, headers) {
  const controller = new AbortController();
  const response = await fetch(`${server.base}/events`, { headers, signal: controller.signal });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const next = async () => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(
          block
            .split('\n')
            .filter((line) => !line.startsWith(':'))
            .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
        );
        if (fields.data !== undefined) return { event: fields.event, id: fields.id, data: JSON.parse(fields.data) };
        continue;
      }
      // A cut connection (dropFeeds) rejects the read; for the test it is an end like any other.
      const { value, done } = await reader.read().catch(() => ({ done: true }));
      if (done) return null;
      buffer += value;
    }
  };
  return { next, close: () => controller.abort() };
}

/**
 * How long a test waits for a feed event before it fails: a ceiling that only turns a hang into a
 * failure, generous because the machine may have two busy cores. Events come in milliseconds.
 */
const CEILING_MS = 20_000;

/** Resolves with `promise`, or rejects after the ceiling with `what` in the message. */
export function within(what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No ${what} within ${CEILING_MS / 1000} s`)), CEILING_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
