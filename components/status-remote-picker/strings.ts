/** Every visible string of `<status-remote-picker>`, in English and Swedish. */
import type { DynamicStatus } from '../../src/model/index.js';
import type { StringTable } from '../shared/locale.js';

export interface StatusRemotePickerStrings {
  readonly manageStatus: string;
  readonly editStatus: string;
  readonly remoteExtension: string;
  readonly callUsing: string;
  readonly sendCallsTo: string;
  readonly done: string;
  readonly active: string;
  readonly noStatuses: string;
  readonly presence: (presence: DynamicStatus['presence']) => string;
  /** One entry of the Call Using / Send my calls to / Remote Extension dropdowns. */
  readonly deviceOption: (label: string, dial: string | null) => string;
  /** Announced when a Remote Extension is chosen (STAT-3). */
  readonly remoteExtensionChosen: (label: string) => string;
  /** Announced when None is chosen and Call Using or Send my calls to went back to `device` (STAT-6). */
  readonly remoteExtensionCleared: (device: string) => string;
  /** Announced when None is chosen and nothing else changed. */
  readonly remoteExtensionNone: string;
  /** Announced when the platform removed the Remote Extension being edited (SYNC-6). */
  readonly remoteExtensionGone: string;
  /** Announced when the status being edited no longer exists. */
  readonly statusGone: string;
  /** Announced when the status has been saved. */
  readonly statusSaved: (name: string) => string;
}

const en: StatusRemotePickerStrings = {
  manageStatus: 'Manage Status',
  editStatus: 'Edit Status',
  remoteExtension: 'Remote Extension',
  callUsing: 'Call Using',
  sendCallsTo: 'Send my calls to',
  done: 'Done',
  active: 'Active',
  noStatuses: 'You have no dynamic statuses.',
  presence: (presence) =>
    ({ available: 'Available', busy: 'Busy', away: 'Away', dnd: 'Do not disturb' })[presence],
  deviceOption: (label, dial) => (dial ? `${label} (${dial})` : label),
  remoteExtensionChosen: (label) => `Call Using and Send my calls to now use ${label}.`,
  remoteExtensionCleared: (device) => `No Remote Extension. Calls that used it now use ${device}.`,
  remoteExtensionNone: 'No Remote Extension.',
  remoteExtensionGone: 'The Remote Extension of this status was removed, so it is set to None.',
  statusGone: 'The status you were editing no longer exists.',
  statusSaved: (name) => `${name} saved.`,
};

const sv: StatusRemotePickerStrings = {
  manageStatus: 'Hantera status',
  editStatus: 'Redigera status',
  remoteExtension: 'Remote Extension',
  callUsing: 'Ring med',
  sendCallsTo: 'Skicka mina samtal till',
  done: 'Klar',
  active: 'Aktiv',
  noStatuses: 'Du har inga dynamiska statusar.',
  presence: (presence) =>
    ({ available: 'Tillgänglig', busy: 'Upptagen', away: 'Borta', dnd: 'Stör ej' })[presence],
  deviceOption: (label, dial) => (dial ? `${label} (${dial})` : label),
  remoteExtensionChosen: (label) => `Ring med och Skicka mina samtal till använder nu ${label}.`,
  remoteExtensionCleared: (device) => `Ingen Remote Extension. Samtal som använde den går nu till ${device}.`,
  remoteExtensionNone: 'Ingen Remote Extension.',
  remoteExtensionGone: 'Statusens Remote Extension har tagits bort, så den är nu Ingen.',
  statusGone: 'Statusen du redigerade finns inte längre.',
  statusSaved: (name) => `${name} har sparats.`,
};

export const statusRemotePickerStrings: StringTable<StatusRemotePickerStrings> = { en, sv };
