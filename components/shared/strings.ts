/**
 * Words every element uses, and the rules' refusals in each language. English comes from the
 * model, so the platform's messages and the UI's read the same.
 */
import {
  describeCallThroughFix,
  describeLockReason,
  describeProblem,
  listInEnglish,
  type CallRouting,
  type CallThroughFix,
  type Device,
  type LockReason,
  type Problem,
  type RoutingChange,
} from '../../src/model/index.js';
import type { Locale, StringTable } from './locale.js';

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

/** A device named in full for the where-calls-go line: "Work mobile, 070 123 45 67". */
function whereCallsGo(
  { ringsOn, placedFrom }: CallRouting,
  name: (device: Device) => string,
  words: { same: (device: string) => string; split: (rings: string, out: string) => string; none: string },
): string {
  const full = (device: Device | undefined) =>
    device ? (device.dial ? `${name(device)}, ${device.dial}` : name(device)) : words.none;
  if (!ringsOn && !placedFrom) return words.none;
  return ringsOn?.id === placedFrom?.id ? words.same(full(ringsOn)) : words.split(full(ringsOn), full(placedFrom));
}

function listInSwedish(items: readonly string[]): string {
  return listInEnglish(items).replace(/ and ([^,]*)$/u, ' och $1');
}

function svHint(codes: readonly string[], example: string): string {
  const code = codes.length === 1 ? `riktnumret ${codes[0] ?? ''}` : `ett riktnummer (${codes.join(' eller ')})`;
  return `Börja med ${code} och sedan numret, t.ex. ${example}.`;
}

/** The platform's own devices by their kind, in Swedish; the user's numbers by their label. */
function svDeviceName(device: Device): string {
  return device.kind === 'desk' ? 'Bordstelefon' : device.kind === 'softphone' ? 'MiCollab-softphone' : device.label;
}

function svProblem(problem: Problem): string {
  switch (problem.code) {
    case 'number-empty':
      return `Ange ett nummer. ${svHint(problem.codes, problem.example)}`;
    case 'number-country-code':
      return `Utelämna + och landsnumret. ${svHint(problem.codes, problem.example)}`;
    case 'number-bad-character':
      return `Ett nummer kan inte innehålla ”${problem.character}”. ${svHint(problem.codes, problem.example)}`;
    case 'number-destination-code':
      return `Numret börjar inte med ett riktnummer. ${svHint(problem.codes, problem.example)}`;
    case 'number-length': {
      const digits =
        problem.minLength === problem.maxLength
          ? `${problem.minLength} siffror`
          : `${problem.minLength} till ${problem.maxLength} siffror`;
      return `Efter riktnumret ${problem.destinationCode} ska numret ha ${digits}; det har ${problem.length}. Till exempel ${problem.example}.`;
    }
    case 'number-duplicate':
      return `Du har redan det här numret (${problem.label}).`;
    case 'numbers-limit':
      return `Du kan ha högst ${problem.max} nummer. Ta bort ett som du inte längre använder och lägg sedan till det nya.`;
    case 'call-target-invalid':
      return 'Ange numret att ringa med siffror, * eller #.';
    case 'label-empty':
      return 'Ange en etikett, t.ex. Mobil.';
    case 'label-too-long':
      return `En etikett kan ha högst ${problem.maxLength} tecken.`;
    case 'label-control-character':
      return 'En etikett kan bara innehålla skrivbara tecken.';
    case 'label-broken-character':
      return 'En etikett kan inte innehålla ett trasigt tecken, till exempel en halv emoji. Skriv etiketten igen.';
    case 'remote-extension-unsupported':
      return `Fjärranknytning kräver MiVoice MX-One; det här kontot finns på ${problem.platform}.`;
    case 'remote-extension-needs-admin':
      return 'Du kan lägga till en fjärranknytning först när administratören har lagt upp en.';
    case 'number-locked':
      return `Fjärranknytning och numret kan inte ändras. ${problem.reasons.map(svLockReason).join(' ')}`;
    case 'delete-admin-provisioned':
      return 'Numret lades upp av administratören, så det kan redigeras men inte tas bort.';
    case 'delete-in-use':
      return `Numret används av statusen ${listInSwedish(problem.statuses)}. Välj en annan enhet där först.`;
    case 'not-remote-extension':
      return 'Bara ett nummer som är en fjärranknytning kan vara en status fjärranknytning.';
    case 'call-through-needs-remote-extension':
      return 'Ring via växeln finns bara för nummer som är fjärranknytningar.';
    case 'unknown-device':
      return 'Enheten finns inte längre. Välj en annan.';
    case 'not-permitted':
      return 'Administratören tillåter inte att du ändrar detta.';
    case 'id-taken':
      return 'Ändringen är redan gjord.';
    case 'number-not-found':
      return 'Numret finns inte längre.';
    case 'status-not-found':
      return 'Statusen finns inte längre.';
    case 'version-stale':
      return 'Inställningarna har ändrats någon annanstans. Titta igenom dem och försök igen.';
    case 'idempotency-key-reused':
      return 'Nyckeln (Idempotency-Key) användes redan för en annan ändring. Skicka varje ändring med en egen nyckel.';
  }
}

function svLockReason(reason: LockReason): string {
  switch (reason.kind) {
    case 'in-status':
      return `Det används i den dynamiska statusen ${listInSwedish(reason.statuses)}.`;
    case 'admin-provisioned':
      return 'Det lades upp av administratören eller i kommunikationsplattformen.';
    case 'active-remote-extension':
      return `Det är din aktiva fjärranknytning (status ${reason.status}).`;
  }
}

function svCallThroughFix(fix: CallThroughFix): string {
  switch (fix.kind) {
    case 'enable-fmc':
      return 'Slå på FMC för numret.';
    case 'make-status-remote-extension':
      return `Välj numret som fjärranknytning för din nuvarande status, ${fix.status}.`;
  }
}

const sv: SharedStrings = {
  loading: 'Läser in…',
  retry: 'Försök igen',
  waitingNote: (count) =>
    count === 1
      ? 'Telefonsystemet går inte att nå. 1 ändring väntar på att skickas; den skickas när anslutningen är tillbaka.'
      : `Telefonsystemet går inte att nå. ${count} ändringar väntar på att skickas; de skickas när anslutningen är tillbaka.`,
  waitingToSend: 'Väntar på att skickas',
  discard: 'Släng väntande ändringar',
  discarded: 'De väntande ändringarna slängdes.',
  changeWaits: 'Ändringen väntar på att skickas. Den sparas när anslutningen är tillbaka.',
  whereCallsGo: (routing) => whereCallsGo(routing, svDeviceName, {
    same: (device) => `Samtal ringer på och går ut från ${device}.`,
    split: (rings, out) => `Samtal ringer på ${rings}. Utgående samtal går från ${out}.`,
    none: 'Ingen enhet är vald för samtal.',
  }),
  storageInMemory: 'Webbläsaren sparar ingen kopia av dina nummer, så de hämtas från plattformen varje gång.',
  droppedChange: (reason) => `En ändring som gjordes offline blev inte av: ${reason}`,
  loadFailed: (reason) => `Inställningarna kunde inte läsas in. ${reason}`,
  saving: 'Sparar…',
  saved: 'Sparat.',
  cancel: 'Avbryt',
  close: 'Stäng',
  none: 'Ingen',
  remoteExtensionNeedsMxOne: 'Fjärranknytning kräver MiVoice MX-One.',
  deviceName: svDeviceName,
  routingChange: (change) =>
    change.kind === 'remote-extension'
      ? `Ring med och Skicka mina samtal till använder nu ${change.label}.`
      : change.kind === 'cleared'
        ? `Ingen fjärranknytning. Samtal som använde den går nu till ${svDeviceName(change.device)}.`
        : 'Ingen fjärranknytning.',
  problem: svProblem,
  lockReason: svLockReason,
  callThroughFix: svCallThroughFix,
};

export const sharedStrings: StringTable<SharedStrings> = { en, sv };

/** The rule a refused change broke, when the platform named one (a `PlatformError`'s `problem`). */
export function problemOf(error: unknown): Problem | undefined {
  return error instanceof Error ? (error as Error & { problem?: Problem }).problem : undefined;
}

/** The words for a refused or failed change: the rule's reason in the user's language, else the error's message. */
export function failureReason(error: unknown, locale: Locale): string {
  const problem = problemOf(error);
  if (problem) return sharedStrings[locale].problem(problem);
  return error instanceof Error ? error.message : String(error);
}
