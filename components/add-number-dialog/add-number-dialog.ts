import { css, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  exampleNumber,
  findNumber,
  supportsRemoteExtension,
  type PhoneNumber,
  type Problem,
} from '../../src/model/index.js';
import {
  dialProblem,
  draftCallThroughFixes,
  editLocks,
  emptyNumberFields,
  labelProblem,
  newNumberOf,
  numberChanges,
  numberFieldsOf,
  problemPlace,
  remoteExtensionBlock,
  withRemoteExtension,
  type NumberFields,
  type ProblemPlace,
  type RemoteExtensionBlock,
} from '../../src/model/number-draft.js';
import type { Store, StoreState } from '../../src/store/index.js';
import { deepActiveElement } from '../shared/focus.js';
import { SaveController } from '../shared/save.js';
import { StoreElement } from '../shared/store-element.js';
import { watchView } from '../shared/store-controller.js';
import { problemOf } from '../shared/strings.js';
import { baseStyles, dialogStyles } from '../shared/styles.js';
import { NumberSavedEvent, type NumberDialogMode } from './number-saved-event.js';
import { numberForm, numberFormStyles, type NumberFormHandlers, type NumberFormView } from './number-form.js';
import { addNumberDialogStrings, type AddNumberDialogStrings } from './strings.js';

export { NumberSavedEvent, type NumberDialogMode } from './number-saved-event.js';

const valueOf = (event: Event): string => (event.target as HTMLInputElement).value;
const checkedOf = (event: Event): boolean => (event.target as HTMLInputElement).checked;

/**
 * @tagname add-number-dialog
 * @summary The *Add Number* and *Edit Number* dialog (ADD-1..4, EDIT-1..3, FMC-1, FMC-2): a modal
 * `<dialog>` with Label, Number, Remote Extension and, when editing, FMC and Call Through. It
 * validates as the person types, saves through the provider's Store and stays open with the
 * platform's reason when the platform refuses.
 *
 * @fires {NumberSavedEvent} number-saved - After the platform accepted the new number or edit.
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart heading - "Add Number" or "Edit Number".
 * @csspart form - The form inside the dialog.
 * @csspart field - Each label-and-control group.
 * @csspart input - The Label and Number inputs.
 * @csspart info-button - The "i" button that explains a locked or unavailable Remote Extension.
 * @csspart explanation - The text the "i" button shows.
 * @csspart note - The note that Remote Extension needs MiVoice MX-One (PLAT-1).
 * @csspart warning - The Call Through warning (FMC-2).
 * @csspart actions - The row of buttons.
 * @csspart submit - Add or Done.
 * @csspart cancel - Cancel.
 *
 * @cssprop --re-color-accent - See `baseStyles`; the dialog uses the shared theme.
 */
export class AddNumberDialog extends StoreElement<AddNumberDialogStrings> {
  // The host takes no room: the modal dialog shows in the top layer, the live region is hidden.
  // Issue 18, nothing moves under the pointer: the dialog's width is fixed, so a long message
  // never widens it, and it hangs from near the top instead of being centred, so what appears
  // lower down (a message, the Call Through warning, the "i" explanation) never moves what is
  // above it, the control just clicked included. Where scroll bars take room, the room is kept
  // for one, so a dialog that grows taller than the window does not narrow its fields.
  static override styles = [
    baseStyles,
    dialogStyles,
    numberFormStyles,
    css`
      :host {
        display: contents;
      }
      dialog:modal {
        --_top: min(10vh, 4em);
        width: min(30em, 90vw);
        margin-block: var(--_top) auto;
        max-height: calc(100% - var(--_top) - 1em);
        overflow: auto;
        scrollbar-gutter: stable;
      }
    `,
  ];

  protected readonly table = addNumberDialogStrings;

  /** Whether the dialog is shown. Setting it opens (in the current mode) or closes it. */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private mode: NumberDialogMode = 'add';
  @state() private numberId: string | null = null;
  @state() private fields: NumberFields = emptyNumberFields;
  /** Live validation starts after the first blur or submit attempt, not at the first keystroke. */
  @state() private touched: { label: boolean; number: boolean } = { label: false, number: false };
  /** Where the last refused save's reason (`save.error`) shows. */
  @state() private refusedAt: ProblemPlace = 'form';
  /** Edit mode, and the number was not there to fill the form in. */
  @state() private missing = false;
  @state() private explaining = false;

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('#label') private labelInput!: HTMLInputElement;
  @query('#number') private numberInput!: HTMLInputElement;
  @query('[part="info-button"]') private infoButton!: HTMLButtonElement | null;

  /** A save that has to wait to be sent closes the dialog: the change is kept, not lost (SYNC-4). */
  readonly #save = new SaveController(this, this.live, () => this.data.store);

  /** What had focus when the dialog opened; it gets focus back on close. */
  #opener: HTMLElement | null = null;
  /** Edit mode, until the number's values are in the form. */
  #awaitingNumber = false;

  /** Opens the dialog to add a number (ADD-1). */
  showAdd(): void {
    this.#reset('add', null);
    this.#show();
  }

  /** Opens the dialog to edit the number with this id (EDIT-1). */
  showEdit(numberId: string): void {
    this.#reset('edit', numberId);
    this.#awaitingNumber = true;
    this.#fillFromStore();
    this.#show();
  }

  /** Closes the dialog without saving anything. */
  close(): void {
    if (this.dialog?.open) this.dialog.close();
    // The dialog's own close event comes a task later; the host should not have to wait for it.
    this.#handleClose();
  }

  /** Closed, it shows nothing of the Store's state; it reads the latest when it opens. */
  protected override watch(state: StoreState): readonly unknown[] {
    return this.open ? [...watchView(state), state.pending] : [];
  }

  /** Always: the dialog can be opened before the data comes, and fills in when it does. */
  protected override shouldUpdate(): boolean {
    return true;
  }

  protected override willUpdate(): void {
    // Opened for editing before the Store had data: fill the form as soon as it has.
    if (this.#awaitingNumber) this.#fillFromStore();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Keep the attribute and the dialog in step when a host sets `open` itself.
    if (changed.has('open') && this.dialog) {
      if (this.open && !this.dialog.open) this.#openDialog();
      if (!this.open && this.dialog.open) this.dialog.close();
    }
    this.numberInput?.setCustomValidity(this.#numberMessage() ?? '');
    this.labelInput?.setCustomValidity(this.#labelMessage() ?? '');
  }

  protected override render() {
    // Closed, the dialog is empty: a page pays for the form only when someone opens it.
    return html`
      <dialog
        part="dialog"
        aria-labelledby="heading"
        @keydown=${this.#handleKeydown}
        @close=${this.#handleDialogClose}
      >
        ${this.open ? numberForm(this.#formView(), this.#on) : nothing}
      </dialog>
      ${this.live.render()}
    `;
  }

  #formView(): NumberFormView {
    const snapshot = this.data.state.data;
    const edited = this.#editedNumber;
    return {
      strings: this.strings,
      shared: this.shared,
      edit: this.mode === 'edit',
      fields: this.fields,
      example: snapshot ? exampleNumber(snapshot.platform.dialPlan) : null,
      dialPlan: snapshot?.platform.dialPlan ?? null,
      remoteExtensionSupported: !snapshot || supportsRemoteExtension(snapshot.platform),
      labelMessage: this.#labelMessage(),
      numberMessage: this.#numberMessage(),
      formMessage: this.#refusal?.place === 'form' ? this.#refusal.message : null,
      locks: snapshot ? editLocks(snapshot, edited) : [],
      blocked: this.#blocked(),
      fixes: snapshot && edited ? draftCallThroughFixes(snapshot, edited, this.fields) : [],
      saving: this.#save.pending,
      explaining: this.explaining,
    };
  }

  /** The number being edited as the Store holds it now. */
  get #editedNumber(): PhoneNumber | undefined {
    const snapshot = this.data.state.data;
    return this.mode === 'edit' && snapshot && this.numberId ? findNumber(snapshot, this.numberId) : undefined;
  }

  #blocked(): RemoteExtensionBlock | null {
    const snapshot = this.data.state.data;
    return snapshot ? remoteExtensionBlock(snapshot, this.#editedNumber) : null;
  }

  /** The refused save's reason and where it shows, or that the edited number is gone. */
  get #refusal(): { readonly place: ProblemPlace; readonly message: string } | null {
    if (this.missing) return { place: 'form', message: this.shared.problem({ code: 'number-not-found' }) };
    return this.#save.error ? { place: this.refusedAt, message: this.#save.error } : null;
  }

  #labelMessage(): string | null {
    return this.#messageAt('label', this.touched.label ? labelProblem(this.fields, this.#editedNumber) : null);
  }

  #numberMessage(): string | null {
    const snapshot = this.data.state.data;
    const problem = this.touched.number && snapshot ? dialProblem(snapshot, this.fields, this.#editedNumber) : null;
    return this.#messageAt('number', problem);
  }

  /** The live check of a field, else the platform's refusal when it is about that field. */
  #messageAt(place: ProblemPlace, problem: Problem | null): string | null {
    if (problem) return this.shared.problem(problem);
    return this.#refusal?.place === place ? this.#refusal.message : null;
  }

  #fillFromStore(): void {
    const snapshot = this.data.state.data;
    if (!snapshot || !this.numberId) return;
    this.#awaitingNumber = false;
    const number = findNumber(snapshot, this.numberId);
    if (number) this.fields = numberFieldsOf(number);
    else this.missing = true;
  }

  #reset(mode: NumberDialogMode, numberId: string | null): void {
    this.mode = mode;
    this.numberId = numberId;
    this.#awaitingNumber = false;
    this.fields = emptyNumberFields;
    this.touched = { label: false, number: false };
    this.missing = false;
    this.#save.clear();
    this.explaining = false;
  }

  #show(): void {
    this.#opener = deepActiveElement();
    this.open = true;
    if (this.dialog && !this.dialog.open) this.#openDialog();
  }

  #openDialog(): void {
    this.#opener ??= deepActiveElement();
    this.dialog.showModal();
    // Focus the first field even where the browser would pick the heading or the dialog itself.
    void this.updateComplete.then(() => this.labelInput?.focus());
  }

  /**
   * Escape with the "i" explanation open closes only the explanation, and focus goes back to its
   * button. Cancelling the key press keeps it from becoming the dialog's close request.
   */
  #handleKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.isComposing || !this.explaining) return;
    event.preventDefault();
    this.explaining = false;
    void this.updateComplete.then(() => this.infoButton?.focus());
  }

  /** Escape closes the dialog itself. A close event that arrives after a reopening is stale. */
  #handleDialogClose(): void {
    if (!this.dialog.open) this.#handleClose();
  }

  /** After Escape, Cancel, a save or `close()`; runs once per opening. */
  #handleClose(): void {
    if (!this.open && !this.#opener) return;
    this.open = false;
    this.explaining = false;
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
  }

  /** What the form's controls do: each is bound here, so the form can hold them as they are. */
  readonly #on: NumberFormHandlers = {
    submit: (event) => void this.#submit(event),
    cancel: () => this.close(),
    labelInput: (event) => this.#change({ label: valueOf(event) }, 'label'),
    labelBlur: () => this.#leave('label'),
    numberInput: (event) => this.#change({ dial: valueOf(event) }, 'number'),
    numberBlur: () => this.#leave('number'),
    // A blocked checkbox stays focusable but ignores clicks and Space (which clicks it).
    remoteExtensionClick: (event) => {
      if (this.#blocked()) event.preventDefault();
    },
    remoteExtensionChange: (event) => this.#change(withRemoteExtension(this.fields, checkedOf(event))),
    fmcChange: (event) => this.#change({ fmc: checkedOf(event) }),
    callThroughChange: (event) => this.#change({ callThrough: checkedOf(event) }),
    infoClick: () => {
      this.explaining = !this.explaining;
    },
  };

  /** What was typed or ticked. Typing in a field drops the platform's refusal about that field. */
  #change(changes: Partial<NumberFields>, place?: 'label' | 'number'): void {
    this.fields = { ...this.fields, ...changes };
    if (place && this.#refusal?.place === place) this.#save.clear();
  }

  /**
   * Chromium blurs the focused field as the closing dialog removes the form, in the middle of that
   * render: a field left because the dialog closed was not left by the user, and is not checked.
   */
  #leave(place: 'label' | 'number'): void {
    if (!this.open) return;
    this.touched = { ...this.touched, [place]: true };
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.#save.pending) return;
    this.touched = { label: true, number: true };
    this.missing = false;
    this.#save.clear();
    const labelMessage = this.#labelMessage();
    const numberMessage = this.#numberMessage();
    if (labelMessage || numberMessage) {
      await this.updateComplete;
      (labelMessage ? this.labelInput : this.numberInput).focus();
      return;
    }
    const store = this.data.store;
    if (!store) return;
    const request = this.#request(store);
    if (!request) {
      this.close();
      return;
    }
    const mode = this.mode;
    const label = this.fields.label.trim();
    const saved = await this.#save.run(
      () =>
        request().catch((error: unknown) => {
          // Placed before the reason shows, so it never shows in the wrong place.
          this.refusedAt = problemPlace(problemOf(error));
          throw error;
        }),
      { saving: '', saved: () => this.shared.saved, waiting: this.strings.waits(mode, label) },
    );
    if (!saved) {
      await this.#focusRefusedField();
      return;
    }
    this.close();
    if (!saved.waiting) this.dispatchEvent(new NumberSavedEvent(saved.value, mode));
  }

  /** A refusal about Label or Number takes focus from Add to that field, which points at the reason. */
  async #focusRefusedField(): Promise<void> {
    const place = this.#refusal?.place;
    if (place !== 'label' && place !== 'number') return;
    await this.updateComplete;
    if (!this.open) return;
    (place === 'label' ? this.labelInput : this.numberInput)?.focus();
  }

  /** The save the form asks for, resolving with the number's id; null when an edit changes nothing. */
  #request(store: Store): (() => Promise<string>) | null {
    if (this.mode === 'add') {
      const number = newNumberOf(this.fields);
      return () => store.createNumber(number);
    }
    const edited = this.#editedNumber;
    const changes = edited ? numberChanges(edited, this.fields) : {};
    if (!edited || Object.keys(changes).length === 0) return null;
    return () => store.updateNumber(edited.id, changes).then(() => edited.id);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'add-number-dialog': AddNumberDialog;
  }
  interface GlobalEventHandlersEventMap {
    'number-saved': NumberSavedEvent;
  }
}
