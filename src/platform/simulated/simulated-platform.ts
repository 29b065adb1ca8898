/**
 * PC-2: a MiVoice MX-One account that runs in the browser. It is the authority wherever it is
 * used: every command is validated and re-checked with the model's `applyCommand` (FMT-4), so a
 * caller that skips the UI is refused exactly as the UI would be.
 */
import * as v from 'valibot';
import { SnapshotSchema, type Command, type Snapshot } from '../../model/index.js';
import {
  adminChange,
  freshAccount,
  parseCommand,
  placeCallFrom,
  provisionRemoteExtension,
  removeNumber,
  resetAccount,
  runCommand,
  type Account,
  type CommandOutcome,
} from '../account.js';
import type { CallOptions, ChangeListener, PlacedCall, PlatformClient, PlatformScope } from '../client.js';
import { delay } from '../delay.js';
import { PlatformError } from '../errors.js';
import type { SampleProfile } from '../sample-data.js';
import { AccountStorage } from './account-storage.js';
import { DEFAULT_DATABASE, simulatedScope } from './scope.js';

export interface SimulatedPlatformOptions {
  /** The signed-in user; each user has an account of their own. Default `demo-user`. */
  readonly user?: string;
  /** What a new or reset account looks like. */
  readonly profile?: SampleProfile;
  /** Milliseconds each call takes: a fixed figure or a range picked from at random. Default 0. */
  readonly latency?: number | { readonly min: number; readonly max: number };
  /** Share of calls, 0 to 1, that fail with `unavailable` before doing anything. Default 0. */
  readonly failureRate?: number;
  /** Whether the platform cannot be reached at all: every call fails with `offline`. Default false. */
  readonly offline?: boolean;
  /** Source of randomness for latency and failures; pass a seeded one for repeatable tests. */
  readonly random?: () => number;
  /** Keep accounts in IndexedDB between reloads (default) or only in memory. */
  readonly persist?: boolean;
  /** IndexedDB database of the accounts; tests use their own. */
  readonly databaseName?: string;
}

type Knobs = Pick<SimulatedPlatformOptions, 'latency' | 'failureRate' | 'offline'>;

type CommandOf<T extends Command['type']> = Extract<Command, { type: T }>;

/** What travels between simulators of one account in other tabs and providers. */
const FeedMessageSchema = v.object({ snapshot: SnapshotSchema });

export class SimulatedPlatform implements PlatformClient {
  readonly scope: PlatformScope;
  private readonly profile: SampleProfile;
  private readonly random: () => number;
  private readonly storage: AccountStorage;
  private readonly listeners = new Set<ChangeListener>();
  private channel: BroadcastChannel | null = null;
  private knobs: Knobs;

  constructor(options: SimulatedPlatformOptions = {}) {
    this.scope = simulatedScope(options.user, options.databaseName);
    this.profile = options.profile ?? {};
    this.random = options.random ?? Math.random;
    this.knobs = { latency: options.latency ?? 0, failureRate: options.failureRate ?? 0, offline: options.offline ?? false };
    this.storage = new AccountStorage(
      options.databaseName ?? DEFAULT_DATABASE,
      this.scope.user,
      options.persist ?? true,
    );
  }

  /** Changes latency, failure rate or reachability while running (the "bad network" switches). */
  configure(knobs: Knobs): void {
    this.knobs = { ...this.knobs, ...knobs };
  }

  async load(options?: CallOptions): Promise<Snapshot> {
    await this.network(options?.signal);
    return structuredClone((await this.account()).snapshot);
  }

  createNumber(command: CommandOf<'number/create'>, options?: CallOptions): Promise<Snapshot> {
    return this.execute('number/create', command, options);
  }

  updateNumber(command: CommandOf<'number/update'>, options?: CallOptions): Promise<Snapshot> {
    return this.execute('number/update', command, options);
  }

  deleteNumber(command: CommandOf<'number/delete'>, options?: CallOptions): Promise<Snapshot> {
    return this.execute('number/delete', command, options);
  }

  updateStatus(command: CommandOf<'status/update'>, options?: CallOptions): Promise<Snapshot> {
    return this.execute('status/update', command, options);
  }

  setActiveStatus(command: CommandOf<'status/activate'>, options?: CallOptions): Promise<Snapshot> {
    return this.execute('status/activate', command, options);
  }

  async placeCall(deviceId: string, dial: string, options?: CallOptions): Promise<PlacedCall> {
    await this.network(options?.signal);
    const placed = placeCallFrom((await this.account()).snapshot, deviceId, dial);
    if (!placed.ok) throw PlatformError.refused(placed.problem);
    return placed.call;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    this.openChannel();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.closeChannel();
    };
  }

  /** Puts the account back to the sample data, optionally of another profile (the demo's reset). */
  async reset(profile: SampleProfile = this.profile): Promise<Snapshot> {
    const account = resetAccount(await this.storage.read(), this.scope.user, profile);
    await this.storage.replace(account);
    this.publish(account.snapshot);
    return structuredClone(account.snapshot);
  }

  /** Removes the account entirely, as if the user had never signed in. */
  async erase(): Promise<void> {
    await this.storage.clear();
  }

  /**
   * What an administrator does on the platform side. Changes reach clients only through the change
   * feed, as they would from a real PBX.
   */
  readonly admin = {
    /** Provisions a remote extension; its label starts with the platform's default text (NUM-4). */
    provisionRemoteExtension: (id: string, name: string, dial: string): Promise<Snapshot> =>
      this.adminChange(provisionRemoteExtension(id, name, dial)),
    /** Removes a number, pointing every status that used it back at the default device. */
    removeNumber: (id: string): Promise<Snapshot> => this.adminChange(removeNumber(id)),
  };

  private async execute<T extends Command['type']>(
    type: T,
    command: CommandOf<T>,
    options: CallOptions | undefined,
  ): Promise<Snapshot> {
    // Callers may be plain JavaScript: check the command's shape before the rules see it.
    const valid = parseCommand(command, type);
    if (!valid) throw new PlatformError('invalid-input', `Expected a valid ${type} command.`);
    await this.network(options?.signal);
    let outcome: CommandOutcome | undefined;
    await this.storage.update((stored) => {
      const account = stored ?? this.freshAccount();
      outcome = runCommand(account, valid);
      if (outcome.kind === 'applied') return outcome.account;
      return stored === undefined ? account : undefined;
    });
    if (!outcome) throw new PlatformError('unavailable', 'The simulated platform could not store the change.');
    if (outcome.kind === 'refused') throw PlatformError.refused(outcome.problem);
    if (outcome.kind === 'applied') this.publish(outcome.snapshot);
    // Callers get their own copy, as they would from a network.
    return structuredClone(outcome.snapshot);
  }

  private async adminChange(change: (snapshot: Snapshot) => Snapshot): Promise<Snapshot> {
    let result: Snapshot | undefined;
    await this.storage.update((stored) => {
      const account = adminChange(stored ?? this.freshAccount(), change);
      result = account.snapshot;
      return account;
    });
    if (!result) throw new Error('Admin change was not stored.');
    this.publish(result);
    return structuredClone(result);
  }

  private async account(): Promise<Account> {
    const stored = await this.storage.read();
    if (stored) return stored;
    const fresh = this.freshAccount();
    await this.storage.update((again) => again ?? fresh);
    return (await this.storage.read()) ?? fresh;
  }

  private freshAccount(): Account {
    return freshAccount(this.scope.user, this.profile);
  }

  /** Latency and injected failures, as a network between client and PBX would add them. */
  private async network(signal: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted();
    const { latency = 0, failureRate = 0, offline = false } = this.knobs;
    if (offline) throw new PlatformError('offline', 'The platform cannot be reached. Check the connection.');
    const ms = typeof latency === 'number' ? latency : latency.min + this.random() * (latency.max - latency.min);
    if (ms > 0) await delay(ms, signal);
    if (failureRate > 0 && this.random() < failureRate) {
      throw new PlatformError('unavailable', 'The platform is not answering. Try again in a moment.');
    }
  }

  private publish(snapshot: Snapshot): void {
    for (const listener of this.listeners) listener({ snapshot: structuredClone(snapshot) });
    if (typeof BroadcastChannel === 'undefined') return;
    // Tell the account's simulators in other tabs and providers, whether or not this one listens.
    const channel = this.channel ?? new BroadcastChannel(this.channelName);
    channel.postMessage({ snapshot });
    if (channel !== this.channel) channel.close();
  }

  private get channelName(): string {
    return `${this.scope.platform}:${this.scope.user}`;
  }

  private openChannel(): void {
    if (this.channel || typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(this.channelName);
    this.channel.onmessage = (event: MessageEvent<unknown>) => {
      // Another tab's simulator is no more trusted than a network: validate (PC-4).
      const parsed = v.safeParse(FeedMessageSchema, event.data);
      if (!parsed.success) return;
      for (const listener of this.listeners) listener({ snapshot: parsed.output.snapshot });
    };
  }

  private closeChannel(): void {
    this.channel?.close();
    this.channel = null;
  }
}
