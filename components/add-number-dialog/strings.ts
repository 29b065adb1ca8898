/** Every visible string of `<add-number-dialog>`, in English; the other languages are in `../shared/swedish.ts`. */
import { stringTable } from '../shared/locale.js';

export interface AddNumberDialogStrings {
  readonly addTitle: string;
  readonly editTitle: string;
  readonly label: string;
  readonly number: string;
  readonly remoteExtension: string;
  readonly fmc: string;
  readonly callThrough: string;
  readonly add: string;
  readonly done: string;
  /** The hint under Number, built from the platform's dial plan (PLAT-2). */
  readonly example: (number: string) => string;
  /** Accessible name of the "i" button when Remote Extension can't be turned on (ADD-3, PLAT-1). */
  readonly whyUnavailable: string;
  /** Accessible name of the "i" button when Remote Extension and Number are locked (EDIT-2). */
  readonly whyLocked: string;
  readonly lockedIntro: string;
  readonly callThroughWarning: string;
  /** Said as the dialog closes on a save that has to wait to be sent (SYNC-4). */
  readonly waits: (mode: 'add' | 'edit', label: string) => string;
}

const en: AddNumberDialogStrings = {
  addTitle: 'Add Number',
  editTitle: 'Edit Number',
  label: 'Label',
  number: 'Number',
  remoteExtension: 'Remote Extension',
  fmc: 'FMC',
  callThrough: 'Call Through',
  add: 'Add',
  done: 'Done',
  example: (number) => `e.g. ${number}`,
  whyUnavailable: 'Why is Remote Extension unavailable?',
  whyLocked: 'Why are Remote Extension and Number locked?',
  lockedIntro: 'Remote Extension and the number can’t be changed:',
  callThroughWarning: 'Call Through won’t work yet.',
  waits: (mode, label) =>
    mode === 'add'
      ? `${label} is waiting to be sent. It will be added when the connection is back.`
      : `Your changes to ${label} are waiting to be sent. They will be saved when the connection is back.`,
};

export const addNumberDialogStrings = stringTable('addNumberDialog', en);
