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

export const AccountSchema = v.object({
  schemaVersion: v.literal(1),
  snapshot: SnapshotSchema,
  /** Idempotency keys of recent accepted commands, newest last. */
  processed: v.array(IdSchema),
});

export type Account = v.InferOutput<typeof AccountSchema>;

/** Keeps replay protection bounded: a retry arrives within seconds or minutes, not 500 changes later. */
const PROCESSED_LIMIT = 500;

export function freshAccount(user: string, profile: SampleProfile = {}): Account {
  return { schemaVersion: 1, snapshot: sampleSnapshot(user, profile), processed: [] };
}

/** The sample data again, with a version above the old one so every client takes it. */
export function resetAccount(account: Account | undefined, user: string, profile: SampleProfile = {}): Account {
  const snapshot = { ...sampleSnapshot(user, profile), version: (account?.snapshot.version ?? 0) + 1 };
  return { schemaVersion: 1, snapshot, processed: [] };
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
  | { readonly kind: 'refused'; readonly problem: Problem };

export function runCommand(account: Account, command: Command): CommandOutcome {
  if (account.processed.includes(command.id)) return { kind: 'replayed', snapshot: account.snapshot };
  const applied = applyCommand(account.snapshot, command);
  if (!applied.ok) return { kind: 'refused', problem: applied.problem };
  const snapshot = { ...applied.state, version: account.snapshot.version + 1 };
  const processed = [...account.processed, command.id].slice(-PROCESSED_LIMIT);
  return { kind: 'applied', account: { schemaVersion: 1, snapshot, processed }, snapshot };
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
