/**
 * Words every element uses, and the rules' refusals, in English; the other languages are in
 * `swedish.ts`. English comes from the model, so the platform's messages and the UI's read the same.
 */
import {
  describeCallThroughFix,
  describeLockReason,
  describeProblem,
  type CallRouting,
  type CallThroughFix,
  type Device,
  type LockReason,
  type Problem,
  type RoutingChange,
} from '../../src/model/index.js';
import { inLocale, stringTable, type Locale } from './locale.js';
import { whereCallsGo } from './where-calls-go.js';

export interface SharedStrings {
  readonly loading: string;
  readonly retry: string;
  /**
   * Shown while changes wait to be sent because the phone system cannot be reached or said "not
   * now" (SYNC-4, NUM-6): how many, and that they go when the connection is back.
   */
  readonly waitingNote: (count: number) => string;
  /** A change's state while it waits to be sent. */
  readonly waitingToSend: string;
  /** Drops the waiting changes, and what is said once it did. */
  readonly discard: string;
  readonly discarded: string;
  /** Said when a change of no more particular kind has to wait to be sent. */
  readonly changeWaits: string;
  /** Where incoming calls ring and which device places outgoing ones, in force now. */
  readonly whereCallsGo: (routing: CallRouting) => string;
  /** Shown once when IndexedDB cannot be used, so nothing is kept for the next visit (SYNC-8). */
  readonly storageInMemory: string;
  /** A change kept while offline that the rules no longer allowed when it could be sent (SYNC-4). */
  readonly droppedChange: (reason: string) => string;
  readonly loadFailed: (reason: string) => string;
  /** Said by the provider when the code of an element inside it could not be fetched. */
  readonly elementsNotLoaded: string;
  readonly saving: string;
  readonly saved: string;
  readonly cancel: string;
  readonly close: string;
  readonly none: string;
  readonly remoteExtensionNeedsMxOne: string;
  /**
   * A device's name: the platform's own devices by their kind, which the elements name in each
   * language; a number of My Numbers by the label its owner gave it.
   */
  readonly deviceName: (device: Device) => string;
  /** Where calls go after a status's Remote Extension changed (STAT-3, STAT-6). */
  readonly routingChange: (change: RoutingChange) => string;
  readonly problem: (problem: Problem) => string;
  readonly lockReason: (reason: LockReason) => string;
  readonly callThroughFix: (fix: CallThroughFix) => string;
}

const en: SharedStrings = {
  loading: 'Loading…',
  retry: 'Try again',
  waitingNote: (count) =>
    count === 1
      ? 'The phone system can’t be reached. 1 change is waiting to be sent; it will be sent when the connection is back.'
      : `The phone system can’t be reached. ${count} changes are waiting to be sent; they will be sent when the connection is back.`,
  waitingToSend: 'Waiting to be sent',
  discard: 'Discard waiting changes',
  discarded: 'The waiting changes were discarded.',
  changeWaits: 'Your change is waiting to be sent. It will be saved when the connection is back.',
  whereCallsGo: (routing) => whereCallsGo(routing, (device) => device.label, {
    same: (device) => `Calls ring on and go out from ${device}.`,
    split: (rings, out) => `Calls ring on ${rings}. Outgoing calls use ${out}.`,
    none: 'No device is set for calls.',
  }),
  storageInMemory: 'This browser isn’t keeping a copy of your numbers, so they load from the platform each time.',
  droppedChange: (reason) => `A change made while offline was not made: ${reason}`,
  loadFailed: (reason) => `Your settings could not be loaded. ${reason}`,
  elementsNotLoaded: 'Part of this page could not be loaded. Check the connection and try again, or reload the page.',
  saving: 'Saving…',
  saved: 'Saved.',
  cancel: 'Cancel',
  close: 'Close',
  none: 'None',
  remoteExtensionNeedsMxOne: 'Remote Extension needs MiVoice MX-One.',
  // The platform names its devices in English: English shows them as sent.
  deviceName: (device) => device.label,
  routingChange: (change) =>
    change.kind === 'remote-extension'
      ? `Call Using and Send my calls to now use ${change.label}.`
      : change.kind === 'cleared'
        ? `No Remote Extension. Calls that used it now use ${change.device.label}.`
        : 'No Remote Extension.',
  problem: describeProblem,
  lockReason: describeLockReason,
  callThroughFix: describeCallThroughFix,
};

export const sharedStrings = stringTable('shared', en);

/** The rule a refused change broke, when the platform named one (a `PlatformError`'s `problem`). */
export function problemOf(error: unknown): Problem | undefined {
  return error instanceof Error ? (error as Error & { problem?: Problem }).problem : undefined;
}

/** The words for a refused or failed change: the rule's reason in the user's language (English until it is loaded), else the error's message. */
export function failureReason(error: unknown, locale: Locale): string {
  const problem = problemOf(error);
  if (problem) return inLocale(sharedStrings, locale).problem(problem);
  return error instanceof Error ? error.message : String(error);
}
