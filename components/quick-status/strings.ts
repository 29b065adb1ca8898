/** Every visible string of `<quick-status>`, in English and Swedish. */
import type { StringTable } from '../shared/locale.js';

export interface QuickStatusStrings {
  /** The at-a-glance term for the status in force now. */
  readonly currentStatus: string;
  /** The at-a-glance term for the active status's Remote Extension. */
  readonly activeRemoteExtension: string;
  /** What the at-a-glance line says when the active status has no Remote Extension. */
  readonly noRemoteExtension: string;
  /** The radio group's visible label and accessible name. */
  readonly status: string;
  /** The Remote Extension dropdown's label (the seed's word). */
  readonly remoteExtension: string;
  /** A remote extension as text: its label, and its number when it has one. */
  readonly numberText: (label: string, dial: string | null) => string;
  /** Announced once the platform has accepted the new active status (ACT-1). */
  readonly nowYourStatus: (status: string) => string;
}

const en: QuickStatusStrings = {
  currentStatus: 'Current status',
  activeRemoteExtension: 'Active Remote Extension',
  noRemoteExtension: 'No remote extension',
  status: 'Status',
  remoteExtension: 'Remote Extension',
  numberText: (label, dial) => (dial ? `${label} (${dial})` : label),
  nowYourStatus: (status) => `${status} is now your status.`,
};

const sv: QuickStatusStrings = {
  currentStatus: 'Nuvarande status',
  activeRemoteExtension: 'Aktiv fjärranknytning',
  noRemoteExtension: 'Ingen fjärranknytning',
  status: 'Status',
  remoteExtension: 'Fjärranknytning',
  numberText: (label, dial) => (dial ? `${label} (${dial})` : label),
  nowYourStatus: (status) => `${status} är nu din status.`,
};

export const quickStatusStrings: StringTable<QuickStatusStrings> = { en, sv };
