import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  addRemoteExtensionProblem,
  applyCommand,
  callThroughFixes,
  changesDial,
  changesLabel,
  checkDialString,
  checkLabel,
  exampleNumber,
  findNumber,
  lockReasons,
  supportsRemoteExtension,
  type CallThroughFix,
  type LockReason,
  type NumberChanges,
  type PhoneNumber,
  type Problem,
  type Snapshot,
} from '../../src/model/index.js';
import { deepActiveElement } from '../shared/focus.js';
import { localeOf } from '../shared/locale.js';
import { StoreController, watchView } from '../shared/store-controller.js';
import { failureReason, problemOf, sharedStrings } from '../shared/strings.js';
import { baseStyles } from '../shared/styles.js';
import { addNumberDialogStrings } from './strings.js';

export type NumberDialogMode = 'add' | 'edit';

/** Fired after the platform has accepted a new number or an edit. */
export class NumberSavedEvent extends Event {
  static readonly eventName = 'number-saved';
  readonly numberId: string;
  readonly mode: NumberDialogMode;

  constructor(numberId: string, mode: NumberDialogMode) {
    super(NumberSavedEvent.eventName, { bubbles: true, composed: true });
    this.numberId = numberId;
    this.mode = mode;
  }
}

/** Where a refusal is shown: next to the field it is about, or above the buttons. */
type ErrorPlace = 'label' | 'number' | 'form';

/** Why the Remote Extension checkbox can't be changed, if it can't. */
type Blocked =
  | { readonly kind: 'locked'; readonly reasons: readonly LockReason[] }
  | { readonly kind: 'unavailable'; readonly problem: Problem };

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
export class AddNumberDialog extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: contents;
      }
      dialog {
        min-width: min(26em, 90vw);
        max-width: 32em;
        padding: 1.25em;
        border: 1px solid var(--_muted);
        border-radius: var(--_radius);
        background: var(--_surface);
        color: var(--_text);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.4);
      }
      h2 {
        margin: 0 0 0.75em;
        font-size: 1.25em;
      }
      .field {
        display: flex;
        flex-direction: column;
        gap: 0.2em;
        margin-block-end: 0.75em;
      }
      .check {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4em;
        margin-block-end: 0.5em;
      }
      input[type='text'] {
        padding: 0.3em 0.5em;
        border: 1px solid var(--_muted);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      input[aria-disabled='true'] {
        opacity: 0.6;
        cursor: not-allowed;
      }
      input[aria-invalid='true'] {
        border-color: var(--_danger);
      }
      button.info {
        min-height: 1.6em;
        min-width: 1.6em;
        padding: 0;
        justify-content: center;
        border-radius: 50%;
        font-style: italic;
        font-weight: bold;
      }
      .explanation,
      .warning,
      .note {
        flex-basis: 100%;
        margin: 0;
      }
      .explanation ul {
        margin: 0.2em 0 0;
        padding-inline-start: 1.2em;
      }
      p.error,
      p.hint {
        margin: 0;
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        gap: 0.5em;
        margin-block-start: 1em;
      }
    `,
  ];

  // Closed, it shows nothing of the Store's state; it reads the latest when it opens.
  private readonly data = new StoreController(this, (s) => (this.open ? [...watchView(s), s.pending] : []));

  /** Whether the dialog is shown. Setting it opens (in the current mode) or closes it. */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private mode: NumberDialogMode = 'add';
  @state() private numberId: string | null = null;
  @state() private label = '';
  @state() private dial = '';
  @state() private remoteExtension = false;
  @state() private fmc = false;
  @state() private callThrough = false;
  /** Live validation starts after the first blur or submit attempt, not at the first keystroke. */
  @state() private touched: { label: boolean; number: boolean } = { label: false, number: false };
  @state() private refusal: { place: ErrorPlace; message: string } | null = null;
  @state() private saving = false;
  @state() private explaining = false;
  @state() private announcement = '';

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('#label') private labelInput!: HTMLInputElement;
  @query('#number') private numberInput!: HTMLInputElement;

  /** What had focus when the dialog opened; it gets focus back on close. */
  private opener: HTMLElement | null = null;
  /** Edit mode, until the number's values are in the form. */
  private awaitingNumber = false;

  /** Opens the dialog to add a number (ADD-1). */
  showAdd(): void {
    this.reset('add', null);
    this.show();
  }

  /** Opens the dialog to edit the number with this id (EDIT-1). */
  showEdit(numberId: string): void {
    this.reset('edit', numberId);
    this.awaitingNumber = true;
    this.fillFromStore();
    this.show();
  }

  /** Closes the dialog without saving anything. */
  close(): void {
    if (this.dialog?.open) this.dialog.close();
    // The dialog's own close event comes a task later; the host should not have to wait for it.
    this.handleClose();
  }

  protected override willUpdate(): void {
    // Opened for editing before the Store had data: fill the form as soon as it has.
    if (this.awaitingNumber) this.fillFromStore();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Keep the attribute and the dialog in step when a host sets `open` itself.
    if (changed.has('open') && this.dialog) {
      if (this.open && !this.dialog.open) this.openDialog();
      if (!this.open && this.dialog.open) this.dialog.close();
    }
    const numberMessage = this.numberMessage();
    this.numberInput?.setCustomValidity(numberMessage ?? '');
    this.labelInput?.setCustomValidity(this.labelMessage() ?? '');
  }

  protected override render() {
    const t = this.strings;
    const snapshot = this.data.state.data;
    const title = this.mode === 'add' ? t.addTitle : t.editTitle;
    // Closed, the dialog is empty: a page pays for the form only when someone opens it.
    return html`
      <dialog part="dialog" aria-labelledby="heading" @close=${this.handleDialogClose}>
        ${this.open ? this.renderForm(title, snapshot) : nothing}
      </dialog>
      <div role="status" aria-live="polite" class="visually-hidden">${this.announcement}</div>
    `;
  }

  private renderForm(title: string, snapshot: Snapshot | null) {
    const t = this.strings;
    return html`
      <h2 id="heading" part="heading">${title}</h2>
      <form part="form" novalidate @submit=${this.handleSubmit}>
        ${this.renderLabel()} ${this.renderNumber(snapshot)} ${this.renderFlags(snapshot)}
        ${this.refusal?.place === 'form'
          ? html`<p id="form-error" class="error">${this.refusal.message}</p>`
          : nothing}
        <div class="actions" part="actions">
          <button
            type="submit"
            class="primary"
            part="submit"
            aria-disabled=${this.saving ? 'true' : 'false'}
            aria-busy=${this.saving ? 'true' : 'false'}
          >
            ${this.saving ? this.shared.saving : this.mode === 'add' ? t.add : t.done}
          </button>
          <button type="button" part="cancel" @click=${this.handleCancel}>${this.shared.cancel}</button>
        </div>
      </form>
    `;
  }

  private renderLabel() {
    const message = this.labelMessage();
    return html`
      <div class="field" part="field">
        <label for="label">${this.strings.label}</label>
        <input
          id="label"
          part="input"
          type="text"
          autocomplete="off"
          .value=${this.label}
          aria-invalid=${message ? 'true' : 'false'}
          aria-describedby=${message ? 'label-error' : ''}
          @input=${this.handleLabelInput}
          @blur=${this.handleLabelBlur}
        />
        ${message ? html`<p id="label-error" class="error">${message}</p>` : nothing}
      </div>
    `;
  }

  private renderNumber(snapshot: Snapshot | null) {
    const message = this.numberMessage();
    const locked = this.lockReasonsNow().length > 0;
    const describedBy = [snapshot ? 'number-hint' : '', message ? 'number-error' : '', locked ? 'why' : '']
      .filter(Boolean)
      .join(' ');
    return html`
      <div class="field" part="field">
        <label for="number">${this.strings.number}</label>
        <input
          id="number"
          part="input"
          type="text"
          inputmode="tel"
          autocomplete="tel"
          .value=${this.dial}
          ?readonly=${locked}
          aria-disabled=${locked ? 'true' : 'false'}
          aria-invalid=${message ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${this.handleNumberInput}
          @blur=${this.handleNumberBlur}
        />
        ${snapshot
          ? html`<p id="number-hint" class="hint muted">${this.strings.example(exampleNumber(snapshot.platform.dialPlan))}</p>`
          : nothing}
        ${message ? html`<p id="number-error" class="error">${message}</p>` : nothing}
        ${locked && !this.remoteExtensionSupported(snapshot)
          ? html`<div class="check">${this.renderExplanation({ kind: 'locked', reasons: this.lockReasonsNow() })}</div>`
          : nothing}
      </div>
    `;
  }

  /** PLAT-1: off MX-One there are no Remote Extension controls. */
  private remoteExtensionSupported(snapshot: Snapshot | null): boolean {
    return !snapshot || supportsRemoteExtension(snapshot.platform);
  }

  private renderFlags(snapshot: Snapshot | null) {
    const t = this.strings;
    const edit = this.mode === 'edit';
    // PLAT-1: off MX-One there are no Remote Extension controls, only one short note; a lock's
    // "i" then sits with the Number field.
    const supported = this.remoteExtensionSupported(snapshot);
    const blocked = this.blocked();
    const fixes = this.callThroughWarning();
    return html`
      ${supported
        ? html`
            <div class="check" part="field">
              <input
                id="remote-extension"
                type="checkbox"
                .checked=${this.remoteExtension}
                aria-disabled=${blocked ? 'true' : 'false'}
                aria-describedby=${blocked ? 'why' : ''}
                @click=${this.handleRemoteExtensionClick}
                @change=${this.handleRemoteExtensionChange}
              />
              <label for="remote-extension">${t.remoteExtension}</label>
              ${blocked ? this.renderExplanation(blocked) : nothing}
            </div>
          `
        : html`<p class="note muted" part="note">${this.shared.remoteExtensionNeedsMxOne}</p>`}
      ${edit
        ? html`
            <div class="check" part="field">
              <input id="fmc" type="checkbox" .checked=${this.fmc} @change=${this.handleFmcChange} />
              <label for="fmc">${t.fmc}</label>
            </div>
          `
        : nothing}
      ${edit && supported && this.remoteExtension
        ? html`
            <div class="check" part="field">
              <input
                id="call-through"
                type="checkbox"
                .checked=${this.callThrough}
                aria-describedby=${fixes.length > 0 ? 'call-through-warning' : ''}
                @change=${this.handleCallThroughChange}
              />
              <label for="call-through">${t.callThrough}</label>
              ${fixes.length > 0
                ? html`<p id="call-through-warning" class="warning" part="warning">
                    ${t.callThroughWarning} ${fixes.map((f) => this.shared.callThroughFix(f)).join(' ')}
                  </p>`
                : nothing}
            </div>
          `
        : nothing}
    `;
  }

  private renderExplanation(blocked: Blocked) {
    const t = this.strings;
    const name = blocked.kind === 'locked' ? t.whyLocked : t.whyUnavailable;
    return html`
      <button
        type="button"
        class="info"
        part="info-button"
        aria-label=${name}
        aria-expanded=${this.explaining ? 'true' : 'false'}
        aria-controls="why"
        @click=${this.handleInfoClick}
      >
        i
      </button>
      <div id="why" class="explanation" part="explanation" ?hidden=${!this.explaining}>
        ${blocked.kind === 'locked'
          ? html`${t.lockedIntro}
              <ul>
                ${blocked.reasons.map((r) => html`<li>${this.shared.lockReason(r)}</li>`)}
              </ul>`
          : this.shared.problem(blocked.problem)}
      </div>
    `;
  }

  private get strings() {
    return addNumberDialogStrings[localeOf(this)];
  }

  private get shared() {
    return sharedStrings[localeOf(this)];
  }

  /** The number being edited as the Store holds it now. */
  private get editedNumber(): PhoneNumber | undefined {
    const snapshot = this.data.state.data;
    return this.mode === 'edit' && snapshot && this.numberId ? findNumber(snapshot, this.numberId) : undefined;
  }

  private lockReasonsNow(): LockReason[] {
    const snapshot = this.data.state.data;
    return this.mode === 'edit' && snapshot && this.numberId ? lockReasons(snapshot, this.numberId) : [];
  }

  /** EDIT-2 locks, else ADD-3's reason a number can't become a remote extension; null when free. */
  private blocked(): Blocked | null {
    const snapshot = this.data.state.data;
    if (!snapshot) return null;
    const reasons = this.lockReasonsNow();
    if (reasons.length > 0) return { kind: 'locked', reasons };
    // Turning an existing remote extension off needs no administrator; turning one on does.
    if (this.editedNumber?.remoteExtension) return null;
    const problem = addRemoteExtensionProblem(snapshot);
    return problem ? { kind: 'unavailable', problem } : null;
  }

  /** The live check of Number, or the platform's refusal about it. */
  private numberMessage(): string | null {
    const snapshot = this.data.state.data;
    if (this.touched.number && snapshot && this.dialNeedsCheck()) {
      const checked = checkDialString(this.dial, snapshot.platform.dialPlan);
      if (!checked.ok) return this.shared.problem(checked.problem);
    }
    return this.refusal?.place === 'number' ? this.refusal.message : null;
  }

  private labelMessage(): string | null {
    if (this.touched.label && this.labelNeedsCheck()) {
      const checked = checkLabel(this.label);
      if (!checked.ok) return this.shared.problem(checked.problem);
    }
    return this.refusal?.place === 'label' ? this.refusal.message : null;
  }

  /** Only what the model would check: a new number, or a changed one that is not locked. */
  private dialNeedsCheck(): boolean {
    const number = this.editedNumber;
    return !number || (this.lockReasonsNow().length === 0 && changesDial(number, this.dial));
  }

  private labelNeedsCheck(): boolean {
    const number = this.editedNumber;
    return !number || changesLabel(number, this.label);
  }

  /** Only what differs from the number as it is now (edit mode). */
  private changes(): NumberChanges {
    const number = this.editedNumber;
    if (!number) return {};
    const changes: NumberChanges = {};
    if (changesLabel(number, this.label)) changes.label = this.label;
    if (changesDial(number, this.dial)) changes.dial = this.dial;
    if (this.remoteExtension !== number.remoteExtension) changes.remoteExtension = this.remoteExtension;
    if (this.fmc !== number.fmc) changes.fmc = this.fmc;
    if (this.callThrough !== number.callThrough) changes.callThrough = this.callThrough;
    return changes;
  }

  /** FMC-2: what to change for Call Through to work, judged by the model on the draft applied. */
  private callThroughWarning(): CallThroughFix[] {
    const snapshot = this.data.state.data;
    const number = this.editedNumber;
    if (!snapshot || !number || !this.callThrough || !this.numberId) return [];
    const all = this.changes();
    // A draft with a half-typed label or number still says something about Call Through.
    const flags: NumberChanges = { remoteExtension: all.remoteExtension, fmc: all.fmc, callThrough: all.callThrough };
    for (const changes of [all, flags]) {
      const preview = applyCommand(snapshot, { type: 'number/update', id: 'preview', numberId: this.numberId, changes });
      if (preview.ok) return callThroughFixes(preview.state, this.numberId);
    }
    return [];
  }

  private fillFromStore(): void {
    const snapshot = this.data.state.data;
    if (!snapshot || !this.numberId) return;
    this.awaitingNumber = false;
    const number = findNumber(snapshot, this.numberId);
    if (!number) {
      this.refusal = { place: 'form', message: this.shared.problem({ code: 'number-not-found' }) };
      return;
    }
    this.label = number.label;
    this.dial = number.dial;
    this.remoteExtension = number.remoteExtension;
    this.fmc = number.fmc;
    this.callThrough = number.callThrough;
  }

  private reset(mode: NumberDialogMode, numberId: string | null): void {
    this.mode = mode;
    this.numberId = numberId;
    this.awaitingNumber = false;
    this.label = '';
    this.dial = '';
    this.remoteExtension = false;
    this.fmc = false;
    this.callThrough = false;
    this.touched = { label: false, number: false };
    this.refusal = null;
    this.saving = false;
    this.explaining = false;
  }

  private show(): void {
    this.opener = deepActiveElement();
    this.open = true;
    if (this.dialog && !this.dialog.open) this.openDialog();
  }

  private openDialog(): void {
    this.opener ??= deepActiveElement();
    this.dialog.showModal();
    // Focus the first field even where the browser would pick the heading or the dialog itself.
    void this.updateComplete.then(() => this.labelInput?.focus());
  }

  /** Escape closes the dialog itself. A close event that arrives after a reopening is stale. */
  private handleDialogClose(): void {
    if (!this.dialog.open) this.handleClose();
  }

  /** After Escape, Cancel, a save or `close()`; runs once per opening. */
  private handleClose(): void {
    if (!this.open && !this.opener) return;
    this.open = false;
    this.explaining = false;
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
  }

  private handleCancel(): void {
    this.close();
  }

  private handleLabelInput(event: Event): void {
    this.label = (event.target as HTMLInputElement).value;
    if (this.refusal?.place === 'label') this.refusal = null;
  }

  /**
   * Chromium blurs the focused field as the closing dialog removes the form, in the middle of that
   * render: a field left because the dialog closed was not left by the user, and is not checked.
   */
  private handleLabelBlur(): void {
    if (!this.open) return;
    this.touched = { ...this.touched, label: true };
  }

  private handleNumberInput(event: Event): void {
    this.dial = (event.target as HTMLInputElement).value;
    if (this.refusal?.place === 'number') this.refusal = null;
  }

  private handleNumberBlur(): void {
    if (!this.open) return;
    this.touched = { ...this.touched, number: true };
  }

  /** A blocked checkbox stays focusable but ignores clicks and Space (which clicks it). */
  private handleRemoteExtensionClick(event: MouseEvent): void {
    if (this.blocked()) event.preventDefault();
  }

  private handleRemoteExtensionChange(event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.remoteExtension = checked;
    // Call Through belongs to remote extensions; it goes off with the flag, as on the platform.
    if (!checked) this.callThrough = false;
  }

  private handleFmcChange(event: Event): void {
    this.fmc = (event.target as HTMLInputElement).checked;
  }

  private handleCallThroughChange(event: Event): void {
    this.callThrough = (event.target as HTMLInputElement).checked;
  }

  private handleInfoClick(): void {
    this.explaining = !this.explaining;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    this.touched = { label: true, number: true };
    this.refusal = null;
    const store = this.data.store;
    const labelProblem = this.labelMessage();
    const numberProblem = this.numberMessage();
    if (labelProblem || numberProblem) {
      await this.updateComplete;
      (labelProblem ? this.labelInput : this.numberInput).focus();
      return;
    }
    if (!store) return;

    const mode = this.mode;
    const changes = this.changes();
    if (mode === 'edit' && Object.keys(changes).length === 0) {
      this.close();
      return;
    }
    this.saving = true;
    this.announcement = '';
    try {
      let id: string;
      if (mode === 'add') {
        id = await store.createNumber({ label: this.label, dial: this.dial, remoteExtension: this.remoteExtension });
      } else {
        id = this.numberId ?? '';
        await store.updateNumber(id, changes);
      }
      this.saving = false;
      this.announcement = this.shared.saved;
      this.close();
      this.dispatchEvent(new NumberSavedEvent(id, mode));
    } catch (error) {
      this.saving = false;
      const problem = problemOf(error);
      const message = failureReason(error, localeOf(this));
      const place: ErrorPlace = problem?.code.startsWith('number-')
        ? 'number'
        : problem?.code.startsWith('label-')
          ? 'label'
          : 'form';
      this.refusal = { place, message };
      this.announcement = message;
    }
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
