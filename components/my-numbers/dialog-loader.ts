/**
 * How <my-numbers> gets its Add/Edit Number dialog's code: from a class it is given, or from a
 * loader, once per loader for the whole page, with a failed load forgotten so that the next
 * attempt loads again. My Numbers imports the dialog's type only, so its code is a chunk of its own.
 */
import type { AddNumberDialog } from '../add-number-dialog/add-number-dialog.js';
import { keptOnSuccess } from '../shared/kept-on-success.js';

/** The Add/Edit Number dialog's class. */
export type NumberDialogClass = typeof AddNumberDialog;

/** Fetches the Add/Edit Number dialog's code and gives its class, which must be defined by then. */
export type NumberDialogLoader = () => Promise<NumberDialogClass>;

/** Where the browser has no `requestIdleCallback`: how long after the list shows the dialog loads. */
const IDLE_FALLBACK_MS = 500;

/** The classes loaders gave, so that a dialog already loaded is made at once, in the same render. */
const loadedDialogs = new WeakMap<NumberDialogLoader, NumberDialogClass>();

/** A class set in `numberDialog` (an element's prototype) rather than a loader. */
function isDialogClass(source: NumberDialogClass | NumberDialogLoader): source is NumberDialogClass {
  return (source.prototype as unknown) instanceof HTMLElement;
}

/** A dialog class that was never defined: the page's code, not the network, is at fault. */
export class NumberDialogUndefinedError extends Error {}

function definedDialog(dialog: NumberDialogClass): NumberDialogClass {
  if (customElements.getName(dialog) !== null) return dialog;
  throw new NumberDialogUndefinedError(
    `My Numbers cannot make its Add/Edit Number dialog: the class ${dialog.name || 'it was given'} is not defined as a ` +
      "custom element. Define it first (customElements.define('add-number-dialog', AddNumberDialog), as " +
      "entries/define.ts does), or set MyNumbers.numberDialog to a loader that defines the class it gives.",
  );
}

/** The dialog's class if it is here already (a class, or a loader's class it gave before); else null. */
export function loadedNumberDialog(source: NumberDialogClass | NumberDialogLoader): NumberDialogClass | null {
  if (isDialogClass(source)) return definedDialog(source);
  return loadedDialogs.get(source) ?? null;
}

/** Each loader's class, fetched once for all the page's My Numbers; a failed load is forgotten. */
const fetchDialog = keptOnSuccess(async (loader: NumberDialogLoader) => {
  const dialog = definedDialog(await loader());
  loadedDialogs.set(loader, dialog);
  return dialog;
});

/** Loads the dialog's class once per loader; a failed load is forgotten, so the next call tries again. */
export function loadNumberDialog(source: NumberDialogClass | NumberDialogLoader): Promise<NumberDialogClass> {
  return isDialogClass(source) ? Promise.resolve().then(() => definedDialog(source)) : fetchDialog(source);
}

/** Runs `run` once the page is idle; gives what cancels it. */
export function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run);
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(run, IDLE_FALLBACK_MS);
  return () => clearTimeout(timer);
}
