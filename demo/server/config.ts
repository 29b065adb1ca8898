/** The server's settings, from environment variables (see README.md beside this file). */
import * as v from 'valibot';
import { IdSchema } from '../../src/model/index.js';
import { secret } from './auth.js';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataFile: string;
  readonly adminToken: string;
  /** Whether the admin token was made up at start (and so must be printed to be usable). */
  readonly adminTokenGenerated: boolean;
  /** User id and token pairs. */
  readonly userTokens: ReadonlyArray<readonly [user: string, token: string]>;
  readonly corsOrigins: ReadonlySet<string>;
  readonly testHooks: boolean;
  readonly contractCheck: boolean;
}

export class ConfigError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

export function readConfig(env: Env): Config {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be 0–65535, not ${env.PORT}.`);
  const adminToken = env.ADMIN_TOKEN ?? '';
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataFile: env.DATA_FILE ?? '.data/reference-server.json',
    adminToken: adminToken === '' ? secret() : adminToken,
    adminTokenGenerated: adminToken === '',
    userTokens: parseUserTokens(env.USER_TOKENS ?? 'demo-user=demo-token'),
    corsOrigins: new Set(list(env.CORS_ORIGINS ?? 'http://localhost:8000,http://127.0.0.1:8000')),
    testHooks: env.TEST_HOOKS === '1',
    contractCheck: env.CONTRACT_CHECK === '1',
  };
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** `demo-user=demo-token,alex=alex-token`; user ids are ids as the model knows them. */
function parseUserTokens(value: string): Array<[string, string]> {
  return list(value).map((pair) => {
    const at = pair.indexOf('=');
    const user = at < 0 ? pair : pair.slice(0, at).trim();
    const token = at < 0 ? '' : pair.slice(at + 1).trim();
    if (!v.is(IdSchema, user) || token === '') {
      throw new ConfigError(`USER_TOKENS entries are user=token with a user id of letters, digits, _ or -; got "${pair.replace(/=.*/u, '=…')}".`);
    }
    return [user, token];
  });
}
