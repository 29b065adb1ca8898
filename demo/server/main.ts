/**
 * The reference server (PC-3): the REST contract in src/platform/rest/openapi.yaml over plain
 * node:http, with the same rules as the simulated platform and a JSON file for storage.
 * `npx rollup -c rollup.server.mjs && node dist/server/server.mjs`; settings in README.md.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import process from 'node:process';
import { AccountFile } from './account-file.js';
import { API_BASE, createApp } from './app.js';
import { Auth } from './auth.js';
import { ConfigError, readConfig } from './config.js';
import { ContractCheck } from './contract-check.js';
import { ChangeFeed } from './events.js';
import { apiRoutes } from './routes.js';
import { HOOKS_BASE, TestHooks } from './test-hooks.js';

/** From dist/server/server.mjs, where rollup puts this file. */
const CONTRACT = new URL('../../src/platform/rest/openapi.yaml', import.meta.url);

const log = (message: string) => console.error(message);

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const store = await AccountFile.open(config.dataFile, log);
  const contract = config.contractCheck ? await ContractCheck.load(CONTRACT, log) : null;
  const { limits } = config;
  const auth = new Auth(config.userTokens, config.adminToken, limits.maxSessionsPerUser);
  const feed = new ChangeFeed(limits, log, contract ? (user, snapshot) => contract.checkEvent(user, snapshot) : undefined);
  const hooks = config.testHooks ? new TestHooks({ auth, store, feed, contract }) : null;
  const server = createServer(
    {
      // A client slower than this sending its request gets 408 and the connection closed.
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node looks for overdue requests this often (its default, 30 s, would let them run long).
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs / 2),
    },
    createApp({
      routes: apiRoutes({ store, auth, feed }),
      identify: auth.identify,
      feed,
      hooks,
      contract,
      allowsOrigin: config.allowsOrigin,
      log,
    }),
  );
  // One more connection than this is closed as soon as it is accepted.
  server.maxConnections = limits.maxConnections;
  await listen(server, config.port, config.host);

  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  // Tokens are printed here and nowhere else, so whoever started the server can use it.
  console.log(`Data file: ${config.dataFile}`);
  console.log(`User tokens: ${config.userTokens.map(([user, token]) => `${user}=${token}`).join(', ')}`);
  console.log(`Admin token: ${config.adminTokenGenerated ? config.adminToken : '(from ADMIN_TOKEN)'}`);
  if (hooks) console.log(`Test hooks: on, at http://${host}:${port}${HOOKS_BASE}/`);
  if (contract) console.log('Contract check: on');
  console.log(`Reference server: http://${host}:${port}${API_BASE}`);

  const stop = () => {
    // Feeds never end by themselves; end them so close() can finish, and keep every acknowledged write.
    server.close();
    feed.endAll();
    server.closeIdleConnections();
    void store.idle().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Reference server: ${error.message}` : error);
  process.exit(1);
});
