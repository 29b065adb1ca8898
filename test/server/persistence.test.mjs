// The data file: an acknowledged change survives a crash (SIGKILL right after the answer), the
// file is never left half-written, and a corrupt file is set aside rather than trusted.
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { api, newId, violations } from './api.mjs';
import { scratchFolder, startServer } from './spawn.mjs';

// Minted tokens live in memory; a user that must outlive a restart has a configured token.
const env = { USER_TOKENS: 'keeper=keeper-token' };
const auth = { authorization: 'Bearer keeper-token' };

const createCommand = (dial) => {
  const id = newId();
  return { type: 'number/create', id, number: { id: `n-${id}`, label: `Line ${dial}`, dial, remoteExtension: false } };
};

const temporaryFiles = async (folder) => (await readdir(folder.path)).filter((name) => name.endsWith('.tmp'));

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
    const stored = JSON.parse(await readFile(folder.dataFile, 'utf8'));
    assert.equal(stored.accounts.keeper.snapshot.version, acknowledged.version);
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
});
