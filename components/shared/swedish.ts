/**
 * Every Swedish word of the elements: each element's table and the shared one, with the
 * Swedish-only helpers (device names, lists, the rules' refusals). One module, so one request,
 * fetched only when a page speaks Swedish (`loadLocale` in `locale.ts`); nothing imports it
 * statically. It imports the elements' `strings.ts` files for their types only, so its chunk holds
 * no English table and no element code.
 */
import {
  listInEnglish,
  type CallThroughFix,
  type Device,
  type LockReason,
  type Problem,
} from '../../src/model/index.js';
import type { AddNumberDialogStrings } from '../add-number-dialog/strings.js';
import type { AvailabilityStrings } from '../availability-menu/strings.js';
import type { CallUsingStrings } from '../call-using-footer/strings.js';
import type { MyNumbersStrings } from '../my-numbers/strings.js';
import type { QuickStatusStrings } from '../quick-status/strings.js';
import type { StatusRemotePickerStrings } from '../status-remote-picker/strings.js';
import type { Tables } from './locale.js';
import type { SharedStrings } from './strings.js';
import { whereCallsGo } from './where-calls-go.js';

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

const shared: SharedStrings = {
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
  elementsNotLoaded: 'En del av sidan kunde inte läsas in. Kontrollera anslutningen och försök igen, eller läs in sidan på nytt.',
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


/** `<my-numbers>`. */
const myNumbers: MyNumbersStrings = {
  heading: 'Mina nummer',
  more: 'Fler åtgärder för Mina nummer',
  newNumber: 'Nytt',
  noPermission: 'Administratören tillåter inte att du ändrar Mina nummer.',
  edit: 'Redigera',
  editNamed: (label) => `Redigera ${label}`,
  delete: 'Ta bort',
  deleteNamed: (label) => `Ta bort ${label}`,
  markers: 'Markeringar',
  marker: {
    'remote-extension': 'Fjärranknytning',
    'admin-provisioned': 'Angiven av administratören',
    'active-remote-extension': 'Aktiv fjärranknytning',
    fmc: 'FMC',
    'call-through': 'Ring via växeln',
  },
  callThroughWontWork: 'Ring via växeln fungerar inte:',
  empty: 'Du har inga nummer än. Lägg till ett genom att välja Fler (⋮) och sedan Nytt.',
  confirmHeading: (label) => `Ta bort ${label}?`,
  confirmBody: 'Numret tas bort från Mina nummer. Det går inte att ångra.',
  deleting: (label) => `Tar bort ${label}…`,
  deleted: (label) => `${label} togs bort.`,
  deleteWaits: (label) => `Borttagningen av ${label} väntar på att skickas. Numret tas bort när anslutningen är tillbaka.`,
  notDeleted: (label, reason) => `${label} togs inte bort. ${reason}`,
  deleteKept: (label) => `${label} behölls.`,
  addOpening: 'Öppnar Lägg till nummer…',
  editOpening: 'Öppnar Redigera nummer…',
  addNotLoaded: 'Lägg till nummer kunde inte läsas in. Kontrollera anslutningen och försök igen.',
  editNotLoaded: 'Redigera nummer kunde inte läsas in. Kontrollera anslutningen och försök igen.',
};

/** `<add-number-dialog>`. */
const addNumberDialog: AddNumberDialogStrings = {
  addTitle: 'Lägg till nummer',
  editTitle: 'Redigera nummer',
  label: 'Etikett',
  number: 'Nummer',
  remoteExtension: 'Fjärranknytning',
  fmc: 'FMC',
  callThrough: 'Ring via växeln',
  add: 'Lägg till',
  done: 'Klar',
  example: (number) => `t.ex. ${number}`,
  whyUnavailable: 'Varför går Fjärranknytning inte att välja?',
  whyLocked: 'Varför är Fjärranknytning och Nummer låsta?',
  lockedIntro: 'Fjärranknytning och Nummer kan inte ändras:',
  callThroughWarning: 'Ring via växeln fungerar inte än.',
  waits: (mode, label) =>
    mode === 'add'
      ? `${label} väntar på att skickas. Numret läggs till när anslutningen är tillbaka.`
      : `Ändringarna av ${label} väntar på att skickas. De sparas när anslutningen är tillbaka.`,
};

/** `<status-remote-picker>`. */
const statusRemotePicker: StatusRemotePickerStrings = {
  manageStatus: 'Hantera status',
  editStatus: 'Redigera status',
  remoteExtension: 'Fjärranknytning',
  callUsing: 'Ring med',
  sendCallsTo: 'Skicka mina samtal till',
  done: 'Klar',
  active: 'Aktiv',
  noStatuses: 'Du har inga dynamiska statusar.',
  presence: (presence) =>
    ({ available: 'Tillgänglig', busy: 'Upptagen', away: 'Borta', dnd: 'Stör ej' })[presence],
  deviceOption: (label, dial) => (dial ? `${label} (${dial})` : label),
  remoteExtensionGone: 'Statusens fjärranknytning har tagits bort, så den är nu Ingen.',
  statusGone: 'Statusen du redigerade finns inte längre.',
  statusSaved: (name) => `${name} har sparats.`,
  statusWaits: (name) => `Ändringarna av ${name} väntar på att skickas. De sparas när anslutningen är tillbaka.`,
};

/** `<availability-menu>`. */
const availability: AvailabilityStrings = {
  availability: 'Tillgänglighet',
  buttonName: (status) => `Tillgänglighet: ${status}`,
  nowYourStatus: (status) => `${status} är nu din status.`,
  statusWaits: (status) => `${status} väntar på att skickas. Den blir din status när anslutningen är tillbaka.`,
};

/** `<call-using-footer>`. */
const callUsing: CallUsingStrings = {
  callUsing: 'Ring med',
  callUsingName: (device) => `Ring med: ${device}`,
  noDevice: 'Ingen enhet',
  callUsingSaved: (device) => `Utgående samtal använder nu ${device}.`,
  callUsingWaits: (device) =>
    `${device} för utgående samtal väntar på att skickas. Den används när anslutningen är tillbaka.`,
  placeCallWith: 'Ring samtalet med',
  callTarget: (dial, name) => (name ? `Ring ${name} (${dial})` : `Ring ${dial}`),
  remoteExtension: 'Fjärranknytning',
  call: 'Ring',
  calling: 'Ringer…',
  callingFrom: (dial, device) => `Ringer ${dial} från ${device}.`,
  dismiss: 'Stäng',
};

/** `<quick-status>`. */
const quickStatus: QuickStatusStrings = {
  currentStatus: 'Nuvarande status',
  activeRemoteExtension: 'Aktiv fjärranknytning',
  noRemoteExtension: 'Ingen fjärranknytning',
  status: 'Status',
  remoteExtensionFor: (status) => `Fjärranknytning för ${status}`,
  save: 'Spara',
  unsaved: 'Inte sparat än. Tryck på Retur eller Spara för att spara, Esc för att ångra.',
  numberText: (label, dial) => (dial ? `${label} (${dial})` : label),
  nowYourStatus: (status) => `${status} är nu din status.`,
  statusWaits: (status) => `${status} väntar på att skickas. Den blir din status när anslutningen är tillbaka.`,
  remoteExtensionWaits: (status) =>
    `Fjärranknytningen för ${status} väntar på att skickas. Den sparas när anslutningen är tillbaka.`,
  calls: 'Samtal',
};

/** Every table, in Swedish. */
export const swedish: Tables = {
  shared,
  myNumbers,
  addNumberDialog,
  statusRemotePicker,
  availability,
  callUsing,
  quickStatus,
};
