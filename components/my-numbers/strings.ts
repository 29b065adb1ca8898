/** Every visible string of `<my-numbers>`, in English; the other languages are in `../shared/swedish.ts`. */
import type { Marker } from '../../src/model/index.js';
import { stringTable } from '../shared/locale.js';

export interface MyNumbersStrings {
  readonly heading: string;
  /** Accessible name of the more (⋮) menu button. */
  readonly more: string;
  readonly newNumber: string;
  readonly noPermission: string;
  readonly edit: string;
  readonly editNamed: (label: string) => string;
  readonly delete: string;
  readonly deleteNamed: (label: string) => string;
  /** Accessible name of a number's list of markers. */
  readonly markers: string;
  /** What each marker says (NUM-1). */
  readonly marker: Readonly<Record<Marker, string>>;
  readonly callThroughWontWork: string;
  readonly empty: string;
  readonly confirmHeading: (label: string) => string;
  readonly confirmBody: string;
  readonly deleting: (label: string) => string;
  readonly deleted: (label: string) => string;
  /** Said when the delete has to wait to be sent (SYNC-4). */
  readonly deleteWaits: (label: string) => string;
  readonly notDeleted: (label: string, reason: string) => string;
  readonly deleteKept: (label: string) => string;
  /** New was chosen, and the Add Number dialog's code is still on its way after a moment. */
  readonly addOpening: string;
  /** Edit was chosen, and the Edit Number dialog's code is still on its way after a moment. */
  readonly editOpening: string;
  /** New was chosen, and the Add Number dialog's code could not be fetched. */
  readonly addNotLoaded: string;
  /** Edit was chosen, and the Edit Number dialog's code could not be fetched. */
  readonly editNotLoaded: string;
}

const en: MyNumbersStrings = {
  heading: 'My Numbers',
  more: 'More actions for My Numbers',
  newNumber: 'New',
  noPermission: 'Your administrator does not let you change My Numbers.',
  edit: 'Edit',
  editNamed: (label) => `Edit ${label}`,
  delete: 'Delete',
  deleteNamed: (label) => `Delete ${label}`,
  markers: 'Markers',
  marker: {
    'remote-extension': 'Remote Extension',
    'admin-provisioned': 'Set by administrator',
    'active-remote-extension': 'Active remote extension',
    fmc: 'FMC',
    'call-through': 'Call Through',
  },
  callThroughWontWork: "Call Through won't work:",
  empty: 'You have no numbers yet. To add one, choose More (⋮), then New.',
  confirmHeading: (label) => `Delete ${label}?`,
  confirmBody: 'The number is removed from My Numbers. This cannot be undone.',
  deleting: (label) => `Deleting ${label}…`,
  deleted: (label) => `${label} deleted.`,
  deleteWaits: (label) => `Deleting ${label} is waiting to be sent. It will be deleted when the connection is back.`,
  notDeleted: (label, reason) => `${label} was not deleted. ${reason}`,
  deleteKept: (label) => `${label} was kept.`,
  addOpening: 'Opening Add Number…',
  editOpening: 'Opening Edit Number…',
  addNotLoaded: 'Add Number could not be loaded. Check the connection and try again.',
  editNotLoaded: 'Edit Number could not be loaded. Check the connection and try again.',
};

export const myNumbersStrings = stringTable('myNumbers', en);
