/** Every visible string of `<quick-status>`, in English; the other languages are in `../shared/swedish.ts`. */
import { stringTable } from '../shared/locale.js';

export interface QuickStatusStrings {
  /** The at-a-glance term for the status in force now. */
  readonly currentStatus: string;
  /** The at-a-glance term for the active status's Remote Extension. */
  readonly activeRemoteExtension: string;
  /** What the at-a-glance line says when the active status has no Remote Extension. */
  readonly noRemoteExtension: string;
  /** The radio group's visible label and accessible name. */
  readonly status: string;
  /** The Remote Extension dropdown's label and accessible name: the seed's word, and the status it edits. */
  readonly remoteExtensionFor: (status: string) => string;
  /** The button that saves a Remote Extension chosen with the keyboard. */
  readonly save: string;
  /** Describes the dropdown while a Remote Extension chosen with the keyboard is not saved. */
  readonly unsaved: string;
  /** A remote extension as text: its label, and its number when it has one. */
  readonly numberText: (label: string, dial: string | null) => string;
  /** Announced once the platform has accepted the new active status (ACT-1). */
  readonly nowYourStatus: (status: string) => string;
  /** Announced when the new active status has to wait to be sent (SYNC-4). */
  readonly statusWaits: (status: string) => string;
  /** Announced when a status's new Remote Extension has to wait to be sent (SYNC-4). */
  readonly remoteExtensionWaits: (status: string) => string;
  /** The at-a-glance term for where calls ring and which device places them. */
  readonly calls: string;
}

const en: QuickStatusStrings = {
  currentStatus: 'Current status',
  activeRemoteExtension: 'Active Remote Extension',
  noRemoteExtension: 'No remote extension',
  status: 'Status',
  remoteExtensionFor: (status) => `Remote Extension for ${status}`,
  save: 'Save',
  unsaved: 'Not saved yet. Press Enter or Save to save, Escape to undo.',
  numberText: (label, dial) => (dial ? `${label} (${dial})` : label),
  nowYourStatus: (status) => `${status} is now your status.`,
  statusWaits: (status) => `${status} is waiting to be sent. It will be your status when the connection is back.`,
  remoteExtensionWaits: (status) =>
    `The Remote Extension for ${status} is waiting to be sent. It will be saved when the connection is back.`,
  calls: 'Calls',
};

export const quickStatusStrings = stringTable('quickStatus', en);
