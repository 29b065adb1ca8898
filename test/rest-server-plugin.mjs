// A web-test-runner plugin that runs the reference server (demo/server/, built to
// dist/server/server.mjs) beside the tests, so the REST client is tested over real HTTP. It starts
// with test hooks and the contract check on, a data file of its own, and this runner's origin
// allowed; tests read where it is from `/__rest-server.json`, whose first request starts it, so runs
// without REST tests do without it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverFile = fileURLToPath(new URL('../dist/server/server.mjs', import.meta.url));
const ADMIN_TOKEN = 'test-admin-token';

export function restServerPlugin() {
  let child;
  let scratch;
  let origin;
  let starting;

  async function start() {
    if (!existsSync(serverFile)) {
      throw new Error('dist/server/server.mjs is missing: run `npm run build` (npm test does) first.');
    }
    scratch = mkdtempSync(join(tmpdir(), 'rest-server-'));
    child = spawn(process.execPath, [serverFile], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_FILE: join(scratch, 'data.json'),
        ADMIN_TOKEN,
        CORS_ORIGINS: origin,
        TEST_HOOKS: '1',
        CONTRACT_CHECK: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const endpoint = await new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`The reference server did not start in 60 s:\n${output}`)), 60_000);
      const read = (chunk) => {
        output += chunk;
        const match = /Reference server: (http:\/\/\S+)/u.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('exit', (code) => reject(new Error(`The reference server exited (${code}):\n${output}`)));
    });
    child.removeAllListeners('exit');
    // Keep reading, so a full pipe never blocks the server; contract violations go to stderr.
    child.stdout.resume();
    child.stderr.on('data', (chunk) => process.stderr.write(`[reference server] ${chunk}`));
    const hooks = `${new URL(endpoint).origin}/__test`;
    return JSON.stringify({ endpoint, adminToken: ADMIN_TOKEN, hooks });
  }

  return {
    name: 'rest-server',
    serverStart({ config }) {
      origin = [`http://${config.hostname}:${config.port}`, `http://localhost:${config.port}`].join(',');
    },
    async serve(context) {
      if (context.path !== '/__rest-server.json') return undefined;
      starting ??= start();
      return { body: await starting, type: 'json' };
    },
    serverStop() {
      child?.kill();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    },
  };
}
