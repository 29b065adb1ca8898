/**
 * Every user's account in one JSON file: the reference server's twin of the simulated platform's
 * IndexedDB. Writes are serialized (one at a time, in order) and atomic (a temporary file in the
 * same folder, fsync, rename, fsync of the folder), and a change is written before it is answered,
 * so a crash loses nothing that was acknowledged and never leaves a half-written file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import * as v from 'valibot';
import { IdSchema } from '../../src/model/index.js';
import { AccountSchema, freshAccount, type Account } from '../../src/platform/account.js';

const FileSchema = v.object({
  schemaVersion: v.literal(1),
  accounts: v.record(v.string(), v.unknown()),
});

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

  /** Reads the file; a missing or unreadable one starts empty, an invalid account starts fresh. */
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
    const text = JSON.stringify({ schemaVersion: 1, accounts: Object.fromEntries(accounts) });
    const temporary = join(dirname(this.file), `${basename(this.file)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await open(temporary, 'w', 0o600);
      try {
        await handle.writeFile(text);
        await handle.sync();
      } finally {
        await handle.close();
      }
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
  const accounts = new Map<string, Account>();
  for (const [user, stored] of Object.entries(parsed.output.accounts)) {
    const account = v.safeParse(AccountSchema, stored);
    if (v.is(IdSchema, user) && account.success) accounts.set(user, account.output);
    else log(`Warning: the stored account of "${user.slice(0, 64)}" is invalid; that user starts fresh.`);
  }
  return accounts;
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
