// The data file: an acknowledged change survives a crash (SIGKILL right after the answer), the
// file is never left half-written, a corrupt file is set aside rather than trusted, and every
// account comes back after a restart: users of any valid id, and an account that no longer
// validates kept in a file of its own.
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { api, newId, violations, within } from './api.mjs';
import { scratchFolder, startServer } from './spawn.mjs';

// Minted tokens live in memory; a user that must outlive a restart has a configured token.
const env = { USER_TOKENS: 'keeper=keeper-token' };
const auth = { authorization: 'Bearer keeper-token' };

const createCommand = (dial) => {
  const id = newId();
  return { type: 'number/create', id, number: { id: `n-${id}`, label: `Line ${dial}`, dial, remoteExtension: false } };
};

const temporaryFiles = async (folder) => (await readdir(folder.path)).filter((name) => name.endsWith('.tmp'));

/**
 * The accounts in the data file by user, from the current file format (an array of
 * `{ user, account }`) or the first one (an object keyed by user); `save` writes them back in the
 * format they came in.
 */
async function storedAccounts(dataFile) {
  const stored = JSON.parse(await readFile(dataFile, 'utf8'));
  const listed = Array.isArray(stored.accounts);
  const accounts = new Map(listed ? stored.accounts.map(({ user, account }) => [user, account]) : Object.entries(stored.accounts));
  const save = () =>
    writeFile(
      dataFile,
      JSON.stringify({
        ...stored,
        accounts: listed ? [...accounts].map(([user, account]) => ({ user, account })) : Object.fromEntries(accounts),
      }),
    );
  return { accounts, save };
}

describe('reference server: the data file', () => {
  let folder;
  before(async () => {
    folder = await scratchFolder();
  });
  after(() => folder.remove());

  it('an acknowledged change survives SIGKILL right after its answer, and its replay applies nothing', async () => {
    const server = await startServer({ dataFile: folder.dataFile, env });
    const command = createCommand('0700000001');
    const response = await api(server, auth).change('POST', '/numbers', command);
    assert.equal(response.status, 200);
    const acknowledged = await response.json();
    await server.kill('SIGKILL');

    // Whole JSON, and nothing half-written beside it.
    const { accounts } = await storedAccounts(folder.dataFile);
    assert.equal(accounts.get('keeper').snapshot.version, acknowledged.version);
    assert.deepEqual(await temporaryFiles(folder), []);

    const again = await startServer({ dataFile: folder.dataFile, env });
    try {
      const snapshot = await api(again, auth).snapshot();
      assert.deepEqual(snapshot, acknowledged);
      // The idempotency keys were stored too: the retry after the crash changes nothing.
      const replay = await api(again, auth).change('POST', '/numbers', command);
      assert.equal(replay.status, 200);
      assert.equal((await replay.json()).version, acknowledged.version);
      assert.deepEqual(await violations(again), []);
    } finally {
      await again.stop();
    }
  });

  it('a SIGKILL in the middle of a burst of changes leaves a whole file holding every acknowledged one', async () => {
    const server = await startServer({ dataFile: folder.dataFile, env });
    const client = api(server, auth);
    const acknowledged = [];
    let killing;
    const commands = Array.from({ length: 40 }, (_, i) => createCommand(`07100${String(i).padStart(5, '0')}`));
    await Promise.allSettled(
      commands.map(async (command) => {
        const response = await client.change('POST', '/numbers', command);
        if (response.status !== 200) return;
        acknowledged.push(command.number.id);
        // Crash while the other changes are still being written.
        if (acknowledged.length === 10) killing = server.kill('SIGKILL');
      }),
    );
    await killing;
    assert.ok(acknowledged.length >= 10);

    JSON.parse(await readFile(folder.dataFile, 'utf8')); // throws if half-written
    const again = await startServer({ dataFile: folder.dataFile, env });
    try {
      assert.doesNotMatch(again.output(), /not a valid data file/);
      assert.deepEqual(await temporaryFiles(folder), [], 'a restart clears what a crash left mid-write');
      const numbers = new Set((await api(again, auth).snapshot()).numbers.map((n) => n.id));
      for (const id of acknowledged) assert.ok(numbers.has(id), `acknowledged ${id} was lost`);
    } finally {
      await again.stop();
    }
  });

  it('a corrupt data file is moved aside with a warning, and the server starts fresh', async () => {
    await writeFile(folder.dataFile, '{"schemaVersion": 1, "accounts": {"keeper": ');
    const server = await startServer({ dataFile: folder.dataFile, env });
    try {
      assert.match(server.output(), /Warning: .* is not a valid data file; moved it to .*corrupt-\d+/);
      assert.equal((await api(server, auth).snapshot()).version, 1);
      assert.ok((await readdir(folder.path)).some((name) => /^data\.json\.corrupt-\d+$/.test(name)));
      assert.deepEqual(await violations(server), []);
    } finally {
      await server.stop();
    }
  });

  it('users named __proto__, constructor and prototype keep their data and version across a restart', async () => {
    const users = ['__proto__', 'constructor', 'prototype'];
    const special = { USER_TOKENS: users.map((user) => `${user}=${user}-token`).join(',') };
    const as = (server, user) => api(server, { authorization: `Bearer ${user}-token` });
    const server = await startServer({ dataFile: folder.dataFile, env: special });
    const acknowledged = new Map();
    try {
      for (const user of users) {
        const response = await as(server, user).change('POST', '/numbers', createCommand('0700000002'));
        assert.equal(response.status, 200);
        acknowledged.set(user, await response.json());
      }
    } finally {
      await server.stop();
    }
    const again = await startServer({ dataFile: folder.dataFile, env: special });
    try {
      for (const user of users) assert.deepEqual(await as(again, user).snapshot(), acknowledged.get(user), user);
      assert.deepEqual(await violations(again), []);
    } finally {
      await again.stop();
    }
  });

  it('an account that no longer validates is set aside in a file of its own; the others load, and the next write loses nothing', async () => {
    const two = { USER_TOKENS: 'keeper=keeper-token,other=other-token' };
    const other = { authorization: 'Bearer other-token' };
    const server = await startServer({ dataFile: folder.dataFile, env: two });
    try {
      for (const auth of [{ authorization: 'Bearer keeper-token' }, other]) {
        assert.equal((await api(server, auth).change('POST', '/numbers', createCommand('0700000003'))).status, 200);
      }
    } finally {
      await server.stop();
    }
    // Edited by hand (or written by a newer version): a label one character longer than allowed.
    const file = await storedAccounts(folder.dataFile);
    const broken = file.accounts.get('keeper');
    broken.snapshot.numbers[0].label = 'x'.repeat(201);
    await file.save();
    const otherBefore = file.accounts.get('other');

    const again = await startServer({ dataFile: folder.dataFile, env: two });
    try {
      const warning = /Warning: the stored account of "keeper" is not valid; kept it in (\S+) and/;
      const [, aside] = await within('the warning about keeper', again.waitForOutput(warning));
      assert.match(aside, /data\.json\.rejected-keeper-\d+.*\.json$/);
      const kept = async () => JSON.parse(await readFile(aside.startsWith('/') ? aside : join(folder.path, aside), 'utf8'));
      assert.deepEqual((await kept()).account, broken);
      assert.equal((await api(again, auth).snapshot()).version, 1, 'keeper starts fresh');
      assert.deepEqual(await api(again, other).snapshot(), otherBefore.snapshot);

      // The next write (by anyone) leaves keeper out of the data file; the copy aside stays as it was.
      assert.equal((await api(again, other).change('POST', '/numbers', createCommand('0700000004'))).status, 200);
      await again.stop();
      assert.deepEqual((await kept()).account, broken);
      assert.equal((await storedAccounts(folder.dataFile)).accounts.has('keeper'), false);
    } finally {
      await again.stop();
    }
    // A second restart does not set anything aside again, nor touch the copy.
    const third = await startServer({ dataFile: folder.dataFile, env: two });
    try {
      assert.doesNotMatch(third.output(), /Warning/);
      assert.equal((await api(third, other).snapshot()).version, otherBefore.snapshot.version + 1);
      assert.deepEqual(await violations(third), []);
    } finally {
      await third.stop();
    }
  });
});
