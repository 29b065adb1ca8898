// Starts the built reference server (dist/server/server.mjs) as a child process on a port the OS
// picks (PORT=0, so parallel test files never race for one), with its own data file, the test
// hooks and the contract check on. Build it first: `npx rollup -c rollup.server.mjs`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('../../dist/server/server.mjs', import.meta.url));
export const ADMIN_TOKEN = 'test-admin-token';

/** A folder of its own for a test's data file; `remove()` deletes it. */
export async function scratchFolder() {
  const path = await mkdtemp(join(tmpdir(), 'reference-server-'));
  return { path, dataFile: join(path, 'data.json'), remove: () => rm(path, { recursive: true, force: true }) };
}

/**
 * Runs the server on `dataFile` and resolves once it prints its address. `env` adds or overrides
 * settings. The result has `base` (the API's base URL), `origin`, `port`, `output()` (stdout and
 * stderr so far), `waitForOutput(pattern)`, `kill(signal)` and `stop()`.
 */
export async function startServer({ dataFile, env = {} }) {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npx rollup -c rollup.server.mjs\` first.`);
  const child = spawn(process.execPath, ['--enable-source-maps', SERVER], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_FILE: dataFile,
      ADMIN_TOKEN,
      TEST_HOOKS: '1',
      CONTRACT_CHECK: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  /** Waiters for `waitForOutput`, each tried again whenever the server prints something. */
  const waiters = new Set();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server printed no address in 60 s:\n${output}`)), 60_000);
    const read = (chunk) => {
      output += chunk;
      for (const waiter of waiters) waiter();
      const match = /^Reference server: (http:\/\/\S+)$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', read);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before printing its address:\n${output}`));
    });
  });
  const kill = async (signal = 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  /** Resolves with the output's first match of `pattern` (no `g` flag), once it is printed. */
  const waitForOutput = (pattern) =>
    new Promise((resolve) => {
      const waiter = () => {
        const match = pattern.exec(output);
        if (!match) return;
        waiters.delete(waiter);
        resolve(match);
      };
      waiters.add(waiter);
      waiter();
    });
  return {
    base,
    origin: new URL(base).origin,
    port: Number(new URL(base).port),
    output: () => output,
    waitForOutput,
    /** Ends the process; SIGKILL (the default) is a crash: no chance to finish anything. */
    kill,
    stop: () => kill('SIGTERM'),
  };
}

/**
 * One server for a `describe` block, on a data file of its own: started before its tests (and
 * handed to `use`), stopped and its folder removed after them. `env` as for `startServer`.
 */
export function serverForSuite(use, env = {}) {
  let folder;
  let server;
  before(async () => {
    folder = await scratchFolder();
    server = await startServer({ dataFile: folder.dataFile, env });
    use(server);
  });
  after(async () => {
    await server?.stop();
    await folder?.remove();
  });
}
