/**
 * Every user's account in one JSON file: the reference server's twin of the simulated platform's
 * IndexedDB. Writes are serialized (one at a time, in order) and atomic (a temporary file in the
 * same folder, fsync, rename, fsync of the folder), and a change is written before it is answered,
 * so a crash loses nothing that was acknowledged and never leaves a half-written file.
 *
 * The file is `{ schemaVersion: 2, accounts: [{ user, account }] }`: user ids are values, never
 * keys, so none is special (`__proto__`, `constructor`, `prototype` are ids like any other). The
 * first format, an object keyed by user, is still read, key by key as JSON.parse made them; the
 * next write turns it into the second. An account that does not validate at start is copied to a
 * file of its own (`<data file>.rejected-<user>-<time>.json`) before anything can overwrite it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import * as v from 'valibot';
import { IdSchema } from '../../src/model/index.js';
import { freshAccount, parseAccount, type Account } from '../../src/platform/account.js';

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value);

// Shapes only: each account is checked on its own below, so one bad account spoils nothing else.
// (valibot's `record` would skip the keys `__proto__`, `constructor` and `prototype`.)
const FileSchema = v.variant('schemaVersion', [
  v.object({ schemaVersion: v.literal(2), accounts: v.array(v.object({ user: v.unknown(), account: v.unknown() })) }),
  v.object({ schemaVersion: v.literal(1), accounts: v.custom<object>(isObject) }),
]);

/** What a change to one account decides: the account to store (none: leave it) and the answer. */
export interface Change<T> {
  readonly account?: Account;
  readonly result: T;
}

export class AccountFile {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private accounts: ReadonlyMap<string, Account>,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * Reads the file; a missing or unreadable one starts empty. An account that does not validate
   * is set aside in a file of its own, and its user starts fresh.
   */
  static async open(file: string, log: (message: string) => void): Promise<AccountFile> {
    await mkdir(dirname(file), { recursive: true });
    await removeTemporaryFiles(file);
    return new AccountFile(file, await readAccounts(file, log), log);
  }

  /** The user's account as last written, or the sample data for a user not seen before. */
  account(user: string): Account {
    return this.accounts.get(user) ?? freshAccount(user);
  }

  /**
   * Runs `change` on the user's account after every earlier change has been written, and writes
   * what it returns before resolving. If `change` throws, nothing is written and this rejects.
   */
  update<T>(user: string, change: (account: Account) => Change<T>): Promise<T> {
    return this.serialize(async () => {
      const { account, result } = change(this.account(user));
      if (account) {
        const next = new Map(this.accounts).set(user, account);
        await this.write(next);
        this.accounts = next;
      }
      return result;
    });
  }

  /** Forgets every account (the test hooks' reset). */
  clear(): Promise<void> {
    return this.serialize(async () => {
      const next = new Map<string, Account>();
      await this.write(next);
      this.accounts = next;
    });
  }

  /** Resolves once every change asked for so far is written. */
  idle(): Promise<void> {
    return this.serialize(() => Promise.resolve());
  }

  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(accounts: ReadonlyMap<string, Account>): Promise<void> {
    const text = JSON.stringify({ schemaVersion: 2, accounts: [...accounts].map(([user, account]) => ({ user, account })) });
    const temporary = join(dirname(this.file), `${basename(this.file)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeSynced(temporary, text);
      await rename(temporary, this.file);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      this.log(`Could not write ${this.file}: ${String(error)}`);
      throw error;
    }
    // The rename itself is durable only once the folder is synced.
    const folder = await open(dirname(this.file), 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }
}

async function readAccounts(file: string, log: (message: string) => void): Promise<Map<string, Account>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    log(`No data file at ${file} yet; every user starts with the sample data.`);
    return new Map();
  }
  const parsed = v.safeParse(FileSchema, parseJson(text));
  if (!parsed.success) {
    // Kept aside rather than overwritten by the next change, so nothing is lost silently.
    const aside = `${file}.corrupt-${Date.now()}`;
    await rename(file, aside);
    log(`Warning: ${file} is not a valid data file; moved it to ${aside} and started fresh.`);
    return new Map();
  }
  const stored = parsed.output;
  const entries =
    stored.schemaVersion === 2
      ? stored.accounts.map(({ user, account }) => [user, account] as const)
      : Object.entries(stored.accounts);
  const accounts = new Map<string, Account>();
  for (const [user, account] of entries) {
    const valid = parseAccount(account);
    if (v.is(IdSchema, user) && valid && !accounts.has(user)) {
      accounts.set(user, valid);
      continue;
    }
    const aside = await setAside(file, user, account);
    log(`Warning: the stored account of ${JSON.stringify(String(user).slice(0, 64))} is not valid; kept it in ${aside} and that user starts fresh.`);
  }
  return accounts;
}

/**
 * Writes an account that cannot be loaded to a new file beside the data file, where no later
 * write reaches it; returns that file's path. The name has the user when it is an id (ids are
 * safe in a file name), and is never one that exists.
 */
async function setAside(file: string, user: unknown, account: unknown): Promise<string> {
  const who = v.is(IdSchema, user) ? user : 'invalid-id';
  for (let attempt = 0; ; attempt++) {
    const aside = `${file}.rejected-${who}-${Date.now()}${attempt === 0 ? '' : `-${attempt}`}.json`;
    try {
      await writeSynced(aside, JSON.stringify({ user, account }), 'wx');
      return aside;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Writes `text` to `path` and waits until it is on the disk. */
async function writeSynced(path: string, text: string, flags = 'w'): Promise<void> {
  const handle = await open(path, flags, 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Temporary files left by a process that died mid-write; the data file itself is always whole. */
async function removeTemporaryFiles(file: string): Promise<void> {
  const prefix = `${basename(file)}.`;
  for (const name of await readdir(dirname(file))) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) await unlink(join(dirname(file), name));
  }
}
