/**
 * What the Store hands its subscribers, and how what views show is derived: always the platform's
 * last word with the pending commands applied, recomputed, never patched, so it cannot drift from
 * the platform (SYNC-3).
 */
import { applyCommand, isPending, type Command, type Problem, type Snapshot, type Target } from '../model/index.js';
import type { PlatformError } from '../platform/errors.js';
import { freeze, reuseEqual } from './immutable.js';

export type LoadPhase = 'idle' | 'loading' | 'ready' | 'error';

/** An immutable picture of the Store, handed to subscribers. */
export interface StoreState {
  readonly phase: LoadPhase;
  /** What views show: the platform's snapshot with pending changes applied; null until known. */
  readonly data: Snapshot | null;
  /** Where `data` came from: nothing yet, the IndexedDB cache, or the platform itself. */
  readonly source: 'none' | 'cache' | 'platform';
  /** Changes shown but not yet confirmed by the platform, oldest first. */
  readonly pending: readonly Command[];
  /**
   * Whether the pending changes wait to be sent: the platform could not be reached or said "not
   * now", so they are kept in the outbox and sent again later (SYNC-4). False while they are
   * simply on their way.
   */
  readonly waiting: boolean;
  /** The platform's (or, before it answers, the cache's) last word: what is in force now. */
  readonly confirmed: Snapshot | null;
  /** Why the last load failed, while no platform data has arrived. */
  readonly loadError: PlatformError | null;
  /**
   * Whether this device keeps a copy for the next visit (`device`), or IndexedDB could not be
   * used and nothing outlives the page (`memory`, SYNC-8).
   */
  readonly storage: 'device' | 'memory';
  /**
   * Changes made earlier (before a reload, or in a closed tab) that the rules no longer allow by
   * the time they could be sent, each with the reason; they were not sent (SYNC-4).
   */
  readonly dropped: readonly Problem[];
}

export type StoreListener = (state: StoreState) => void;

/**
 * Where a change to this kind of thing (to the one with `id`, when given) stands: on its way
 * (`saving`), kept to be sent when the platform can be reached (`waiting`, SYNC-4), or there is
 * none (null). The one vocabulary every element shows (NUM-6).
 */
export function changeState(state: StoreState, kind: Target['kind'], id?: string): 'saving' | 'waiting' | null {
  if (!isPending(state.pending, kind, id)) return null;
  return state.waiting ? 'waiting' : 'saving';
}

/**
 * The settings in force on the phone system now: what views show, except while changes wait to
 * be sent, when it is the platform's last word (a waiting status change does not ring anything yet).
 */
export function inForce(state: StoreState): Snapshot | null {
  return state.waiting ? state.confirmed : state.data;
}

/**
 * What views show: `confirmed` with each of `pending` applied, frozen, sharing every part equal to
 * `shown` (what they show now).
 */
export function viewOf(confirmed: Snapshot | null, pending: readonly Command[], shown: Snapshot | null): Snapshot | null {
  let data = confirmed;
  for (const command of pending) {
    if (!data) break;
    // A pending change the platform's newer state no longer allows is left out; the platform
    // will refuse it and the sender hears why.
    const applied = applyCommand(data, command);
    if (applied.ok) data = applied.state;
  }
  // Parts equal to what views already hold keep their identity, so an answer that confirms what
  // was shown changes no `data` part an element watches, and no element renders again.
  return data && freeze(reuseEqual(shown, data));
}
