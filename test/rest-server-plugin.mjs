// A web-test-runner plugin that runs the reference server (demo/server/, built to
// dist/server/server.mjs) beside the tests, so the REST client is tested over real HTTP. It starts
// with test hooks and the contract check on, a data file of its own, and this runner's origin
// allowed; tests read where it is from `/__rest-server.json`, whose first request starts it, so runs
// without REST tests do without it.
//
// The server's test hooks answer only requests with the `X-Test-Hooks: 1` header, which its CORS
// never allows, so no page can call them. Browser tests reach them through this runner instead:
// `/__rest-server/hooks/…` (same origin as the tests) is passed on to `/__test/…` with the header.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverFile = fileURLToPath(new URL('../dist/server/server.mjs', import.meta.url));
const ADMIN_TOKEN = 'test-admin-token';
const HOOKS_PROXY = '/__rest-server/hooks';

export function restServerPlugin() {
  let child;
  let scratch;
  let origin;
  let starting;
  let hooksOrigin;

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
    hooksOrigin = new URL(endpoint).origin;
    return JSON.stringify({ endpoint, adminToken: ADMIN_TOKEN, hooks: HOOKS_PROXY });
  }

  /**
   * Passes a browser test's request for `/__rest-server/hooks/…` on to the server's `/__test/…`.
   * The runner answers what a plugin serves with 200, so a hook's failure is thrown (a 500).
   */
  async function forward(ctx) {
    const chunks = [];
    for await (const chunk of ctx.req) chunks.push(chunk);
    const headers = { 'X-Test-Hooks': '1' };
    const type = ctx.get('content-type');
    if (type) headers['Content-Type'] = type;
    const url = `${hooksOrigin}/__test${ctx.url.slice(HOOKS_PROXY.length)}`;
    const response = await fetch(url, {
      method: ctx.method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${ctx.method} ${url}: ${response.status} ${text}`);
    return { body: text, type: 'json' };
  }

  return {
    name: 'rest-server',
    serverStart({ config }) {
      origin = [`http://${config.hostname}:${config.port}`, `http://localhost:${config.port}`].join(',');
    },
    async serve(context) {
      // A test reads /__rest-server.json before it uses the hooks; either starts the server.
      const hooks = context.path.startsWith(`${HOOKS_PROXY}/`);
      if (context.path !== '/__rest-server.json' && !hooks) return undefined;
      starting ??= start();
      const info = await starting;
      return hooks ? forward(context) : { body: info, type: 'json' };
    },
    serverStop() {
      child?.kill();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    },
  };
}
