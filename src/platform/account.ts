/**
 * A platform-side account and what a platform does to it: run a command (shape check, replay
 * check, the model's `applyCommand`, version + 1), an administrator's changes, placing a call.
 * Pure functions over plain data, so the simulated platform (IndexedDB) and the reference server
 * (a file) enforce exactly the same rules (FMT-4) and differ only in where they keep accounts.
 */
import * as v from 'valibot';
import {
  applyCommand,
  checkCallTarget,
  chooseRemoteExtension,
  CommandSchema,
  findDevice,
  IdSchema,
  newId,
  SnapshotSchema,
  type Command,
  type Problem,
  type Snapshot,
} from '../model/index.js';
import type { PlacedCall } from './client.js';
import { adminLabel, sampleSnapshot, type SampleProfile } from './sample-data.js';

/** An accepted command's idempotency key and what it was used for (`commandFingerprint`). */
const ProcessedSchema = v.object({
  key: IdSchema,
  /** Null for a key kept before fingerprints were: what it was used for is unknown. */
  fingerprint: v.nullable(v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/u))),
});

const AccountV2Schema = v.object({
  schemaVersion: v.literal(2),
  snapshot: SnapshotSchema,
  /** Recent accepted commands, newest last. */
  processed: v.array(ProcessedSchema),
});

/** Accounts stored before keys were bound to their command (issue 17) kept the keys alone. */
const AccountV1Schema = v.object({
  schemaVersion: v.literal(1),
  snapshot: SnapshotSchema,
  processed: v.array(IdSchema),
});

/** An account as stored, in either shape. */
const StoredAccountSchema = v.variant('schemaVersion', [AccountV2Schema, AccountV1Schema]);

export type Account = v.InferOutput<typeof AccountV2Schema>;

/**
 * A stored account, read as the current shape (an old one's keys get no fingerprint), or null
 * when it is not a valid account. Converted here rather than with valibot's `union` and
 * `transform`: the script-tag bundle holds valibot, and would carry those for this alone.
 */
export function parseAccount(input: unknown): Account | null {
  const parsed = v.safeParse(StoredAccountSchema, input);
  if (!parsed.success) return null;
  const account = parsed.output;
  if (account.schemaVersion === 2) return account;
  return { schemaVersion: 2, snapshot: account.snapshot, processed: account.processed.map((key) => ({ key, fingerprint: null })) };
}

/** Keeps replay protection bounded: a retry arrives within seconds or minutes, not 500 changes later. */
const PROCESSED_LIMIT = 500;

export function freshAccount(user: string, profile: SampleProfile = {}): Account {
  return { schemaVersion: 2, snapshot: sampleSnapshot(user, profile), processed: [] };
}

/** The sample data again, with a version above the old one so every client takes it. */
export function resetAccount(account: Account | undefined, user: string, profile: SampleProfile = {}): Account {
  const snapshot = { ...sampleSnapshot(user, profile), version: (account?.snapshot.version ?? 0) + 1 };
  return { schemaVersion: 2, snapshot, processed: [] };
}

/** Checks that `input` is a well-formed command of `type`; callers may be plain JavaScript or HTTP. */
export function parseCommand<T extends Command['type']>(input: unknown, type: T): Extract<Command, { type: T }> | null {
  const parsed = v.safeParse(CommandSchema, input);
  return parsed.success && parsed.output.type === type ? (parsed.output as Extract<Command, { type: T }>) : null;
}

export type CommandOutcome =
  /** Accepted: store `account`, tell the change feed. */
  | { readonly kind: 'applied'; readonly account: Account; readonly snapshot: Snapshot }
  /** A replayed idempotency key: answer with the current snapshot, change nothing. */
  | { readonly kind: 'replayed'; readonly snapshot: Snapshot }
  /** Refused by the rules, or `idempotency-key-reused`: the key came with another command. */
  | { readonly kind: 'refused'; readonly problem: Problem };

export function runCommand(account: Account, command: Command): CommandOutcome {
  const fingerprint = commandFingerprint(command);
  const earlier = account.processed.find((p) => p.key === command.id);
  if (earlier) {
    // An old key with no fingerprint is answered as a replay, as it was when it was stored.
    return earlier.fingerprint === null || earlier.fingerprint === fingerprint
      ? { kind: 'replayed', snapshot: account.snapshot }
      : { kind: 'refused', problem: { code: 'idempotency-key-reused' } };
  }
  const applied = applyCommand(account.snapshot, command);
  if (!applied.ok) return { kind: 'refused', problem: applied.problem };
  const snapshot = { ...applied.state, version: account.snapshot.version + 1 };
  const processed = [...account.processed, { key: command.id, fingerprint }].slice(-PROCESSED_LIMIT);
  return { kind: 'applied', account: { schemaVersion: 2, snapshot, processed }, snapshot };
}

/**
 * What a command asks for, as 16 hex digits: a hash of its type and fields in a fixed order. A
 * hash, not the command, since a dial string's formatting may make an accepted command long, and
 * 500 of them are kept per account. Not cryptographic: a collision could only make one of the
 * user's own retries look like another of their commands, which is what every key did before.
 */
export function commandFingerprint(command: Command): string {
  const text = canonicalJson(command);
  // cyrb53's two 32-bit lanes (public domain), kept whole: 64 bits.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ unit, 2654435761);
    h2 = Math.imul(h2 ^ unit, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(h2) + hex(h1);
}

/** JSON with object keys sorted and undefined fields left out, so equal commands read the same. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const fields = Object.entries(value)
    .filter(([, field]) => field !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${fields.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
}

/** An administrator's change to an account, validated before it is kept; version + 1. */
export function adminChange(account: Account, change: (snapshot: Snapshot) => Snapshot): Account {
  const snapshot = { ...change(account.snapshot), version: account.snapshot.version + 1 };
  if (!v.is(SnapshotSchema, snapshot)) throw new Error('The administrator’s change would corrupt the account.');
  return { ...account, snapshot };
}

/** Provisions a remote extension; its label starts with the platform's default text (NUM-4). */
export function provisionRemoteExtension(id: string, name: string, dial: string) {
  return (s: Snapshot): Snapshot => ({
    ...s,
    numbers: [
      ...s.numbers,
      {
        id,
        label: adminLabel(s.platform, name),
        dial,
        remoteExtension: s.platform.kind === 'mx-one',
        adminProvisioned: true,
        fmc: false,
        callThrough: false,
      },
    ],
  });
}

/** Removes a number, pointing every status that used it back at the default device. */
export function removeNumber(id: string) {
  return (s: Snapshot): Snapshot => {
    const fallback = s.platform.defaultDeviceId;
    const statuses = s.statuses.map((status) => {
      const routing = status.remoteExtensionId === id ? chooseRemoteExtension(s, status, null) : status;
      return {
        ...status,
        ...routing,
        callUsing: routing.callUsing === id ? fallback : routing.callUsing,
        sendCallsTo: routing.sendCallsTo === id ? fallback : routing.sendCallsTo,
      };
    });
    return { ...s, statuses, numbers: s.numbers.filter((n) => n.id !== id) };
  };
}

/** Starts a call from one of the user's devices, or says why not. */
export function placeCallFrom(
  snapshot: Snapshot,
  deviceId: unknown,
  dial: unknown,
): { readonly ok: true; readonly call: PlacedCall } | { readonly ok: false; readonly problem: Problem } {
  if (typeof deviceId !== 'string' || !findDevice(snapshot, deviceId)) {
    return { ok: false, problem: { code: 'unknown-device' } };
  }
  const target = checkCallTarget(typeof dial === 'string' ? dial : '');
  if (!target.ok) return target;
  return { ok: true, call: { callId: newId(), deviceId, dial: target.value } };
}
