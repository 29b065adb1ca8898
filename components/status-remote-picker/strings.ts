/** Every visible string of `<status-remote-picker>`, in English; the other languages are in `../shared/swedish.ts`. */
import type { DynamicStatus } from '../../src/model/index.js';
import { loadedIn, stringTable } from '../shared/locale.js';

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
  /** Announced when the platform removed the Remote Extension being edited (SYNC-6). */
  readonly remoteExtensionGone: string;
  /** Announced when the status being edited no longer exists. */
  readonly statusGone: string;
  /** Announced when the status has been saved. */
  readonly statusSaved: (name: string) => string;
  /** Announced when the status's new routing has to wait to be sent (SYNC-4). */
  readonly statusWaits: (name: string) => string;
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
  remoteExtensionGone: 'The Remote Extension of this status was removed, so it is set to None.',
  statusGone: 'The status you were editing no longer exists.',
  statusSaved: (name) => `${name} saved.`,
  statusWaits: (name) => `Your changes to ${name} are waiting to be sent. They will be saved when the connection is back.`,
};

export const statusRemotePickerStrings = stringTable('statusRemotePicker', en);

/**
 * The presence word a status's row shows beside the status's name: none when the name already is
 * that word in a language the page has loaded (a status "Available" whose presence is available),
 * so the platform's name and the element's word never say the same thing twice, in any language.
 */
export function presenceDetail(strings: StatusRemotePickerStrings, status: Pick<DynamicStatus, 'name' | 'presence'>): string {
  const name = status.name.trim().toLocaleLowerCase();
  const named = loadedIn(statusRemotePickerStrings).some((t) => t.presence(status.presence).toLocaleLowerCase() === name);
  return named ? '' : strings.presence(status.presence);
}
