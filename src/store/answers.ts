/**
 * What the Store takes from any client, whoever wrote it: snapshots only once the model's schema
 * has read them (PC-4), and failures only as a `PlatformError`, so state and callers see one kind
 * of each.
 */
import * as v from 'valibot';
import { SnapshotSchema, type Snapshot } from '../model/index.js';
import { PlatformError } from '../platform/errors.js';

/**
 * The snapshot in `value`, or undefined when it is not one. The parsed copy is what is kept: only
 * the schema's fields, read once.
 */
export function parseSnapshot(value: unknown): Snapshot | undefined {
  const parsed = v.safeParse(SnapshotSchema, value);
  return parsed.success ? parsed.output : undefined;
}

/**
 * PC-4: whatever client an integrator plugs in, nothing unchecked reaches state. A snapshot that
 * fails the model's schema is a `bad-response`, as if the network had garbled it.
 */
export function valid(snapshot: unknown): Snapshot {
  const parsed = parseSnapshot(snapshot);
  if (!parsed) throw new PlatformError('bad-response', 'The platform sent settings that do not make sense; nothing was changed.');
  return parsed;
}

export function asPlatformError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new PlatformError('unavailable', 'The request was cancelled.', undefined, { cause: error });
  }
  return new PlatformError('unavailable', 'The platform could not be reached.', undefined, { cause: error });
}
