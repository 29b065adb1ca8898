// A web-test-runner plugin that runs the reference server (demo/server/, built to
// dist/server/server.mjs) beside the tests, so the REST client is tested over real HTTP. It starts
// with test hooks and the contract check on, a data file of its own, and this runner's origin
// allowed; tests read where it is from `/__rest-server.json`, whose first request starts it, so runs
// without REST tests do without it.
//
// The server's test hooks answer only requests with the `X-Test-Hooks: 1` header, which its CORS
// never allows, so no page can call them. Browser tests reach them through this runner instead:
// `/__rest-server/hooks/…` (same origin as the tests) is passed on to `/__test/…` with the header.
//
// A second server, started the same way on the first request for `/__rest-server/restartable.json`,
// is for tests that restart it (the HTTP soak): restarting the one every other test uses would
// break whatever another browser runs at the same time (WTR_CONCURRENT_BROWSERS=2). Its hooks are
// at `/__rest-server/restartable/hooks/…`, and `POST /__rest-server/restartable/restart`
// (`?signal=SIGTERM`, else SIGKILL) stops its process and starts it again on the same port and
// data file, answering `{ endpoint, restarts }` once it listens again; hooks asked for meanwhile
// wait for it. SIGKILL
// gives the server no chance to save anything more: what it acknowledged must already be in its
// file. Tokens minted through its hooks are kept in memory by the server; the runner passes them
// to the new process in USER_TOKENS, as a real platform keeps its users' credentials.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverFile = fileURLToPath(new URL('../dist/server/server.mjs', import.meta.url));
const ADMIN_TOKEN = 'test-admin-token';
const DEFAULT_USER_TOKENS = 'demo-user=demo-token';
const MINT_TOKEN = /^\/users\/([^/?]+)\/token$/u;

/**
 * One reference server process, started on first use, that can be stopped and started again on
 * the same port and data file.
 */
function serverProcess(name, base, { restartable }) {
  let child;
  let exited;
  let scratch;
  let env;
  let endpoint;
  /** The server as started (or restarted) last; requests for it wait for this. */
  let ready;
  let restarts = 0;
  /** user=token pairs minted through the hooks, for a restarted process. */
  const minted = [];

  async function launch() {
    child = spawn(process.execPath, [serverFile], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const current = child;
    exited = new Promise((resolve) => current.once('exit', resolve));
    const address = await new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`The reference server did not start in 60 s:\n${output}`)), 60_000);
      const read = (chunk) => {
        output += chunk;
        const match = /Reference server: (http:\/\/\S+)/u.exec(output);
        if (match) {
          clearTimeout(timer);
          current.stdout.off('data', read);
          current.stderr.off('data', read);
          current.off('exit', failed);
          resolve(match[1]);
        }
      };
      const failed = (code) => reject(new Error(`The reference server exited (${code}):\n${output}`));
      current.stdout.on('data', read);
      current.stderr.on('data', read);
      current.once('exit', failed);
    });
    // Keep reading, so a full pipe never blocks the server; contract violations go to stderr.
    current.stdout.resume();
    current.stderr.on('data', (chunk) => process.stderr.write(`[reference server${name}] ${chunk}`));
    return address;
  }

  async function start(origin) {
    if (!existsSync(serverFile)) {
      throw new Error('dist/server/server.mjs is missing: run `npm run build` (npm test does) first.');
    }
    scratch = mkdtempSync(join(tmpdir(), 'rest-server-'));
    env = {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_FILE: join(scratch, 'data.json'),
      ADMIN_TOKEN,
      CORS_ORIGINS: origin,
      TEST_HOOKS: '1',
      CONTRACT_CHECK: '1',
    };
    endpoint = await launch();
    // A restart must come back where the tests already point.
    env.PORT = new URL(endpoint).port;
  }

  async function restart(signal) {
    child.kill(signal);
    await exited;
    env.USER_TOKENS = [process.env.USER_TOKENS ?? DEFAULT_USER_TOKENS, ...minted].join(',');
    const address = await launch();
    if (address !== endpoint) throw new Error(`The restarted server is at ${address}, not ${endpoint}.`);
    restarts++;
  }

  /**
   * Passes a browser test's request for `${base}/hooks/…` on to the server's `/__test/…`.
   * The runner answers what a plugin serves with 200, so a hook's failure is thrown (a 500).
   */
  async function forward(ctx) {
    const chunks = [];
    for await (const chunk of ctx.req) chunks.push(chunk);
    const headers = { 'X-Test-Hooks': '1' };
    const type = ctx.get('content-type');
    if (type) headers['Content-Type'] = type;
    const path = ctx.url.slice(`${base}/hooks`.length);
    const url = `${new URL(endpoint).origin}/__test${path}`;
    const response = await fetch(url, {
      method: ctx.method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${ctx.method} ${url}: ${response.status} ${text}`);
    const user = MINT_TOKEN.exec(path)?.[1];
    if (user !== undefined) minted.push(`${decodeURIComponent(user)}=${JSON.parse(text).token}`);
    return { body: text, type: 'json' };
  }

  return {
    /** What this server answers for `path`, or undefined when the path is not its own. */
    async serve(ctx, origin, infoPath) {
      const hooks = ctx.path.startsWith(`${base}/hooks/`);
      const restarting = restartable && ctx.path === `${base}/restart` && ctx.method === 'POST';
      if (ctx.path !== infoPath && !hooks && !restarting) return undefined;
      ready ??= start(origin);
      if (restarting) {
        const signal = ctx.query.signal ?? 'SIGKILL';
        if (signal !== 'SIGKILL' && signal !== 'SIGTERM') throw new Error(`Cannot stop the server with ${signal}.`);
        // Set at once, so that hooks asked for from now on wait for the new process.
        ready = ready.then(() => restart(signal));
        await ready;
        return { body: JSON.stringify({ endpoint, restarts }), type: 'json' };
      }
      await ready;
      if (hooks) return forward(ctx);
      return { body: JSON.stringify({ endpoint, adminToken: ADMIN_TOKEN, hooks: `${base}/hooks` }), type: 'json' };
    },
    stop() {
      child?.kill();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    },
  };
}

export function restServerPlugin() {
  let origin;
  const shared = serverProcess('', '/__rest-server', { restartable: false });
  const restartable = serverProcess(' (restartable)', '/__rest-server/restartable', { restartable: true });

  return {
    name: 'rest-server',
    serverStart({ config }) {
      origin = [`http://${config.hostname}:${config.port}`, `http://localhost:${config.port}`].join(',');
    },
    async serve(context) {
      // A test reads the .json before it uses the hooks; either starts the server.
      if (context.path.startsWith('/__rest-server/restartable')) {
        return restartable.serve(context, origin, '/__rest-server/restartable.json');
      }
      if (context.path !== '/__rest-server.json' && !context.path.startsWith('/__rest-server/hooks/')) return undefined;
      return shared.serve(context, origin, '/__rest-server.json');
    },
    serverStop() {
      shared.stop();
      restartable.stop();
    },
  };
}
