import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import {
  deleteProblem,
  isPending,
  pendingNumbers,
  supportsRemoteExtension,
  type PhoneNumber,
  type Snapshot,
} from '../../src/model/index.js';
import { changeState, type StoreState } from '../../src/store/index.js';
import type { AddNumberDialog } from '../add-number-dialog/add-number-dialog.js';
import { MenuButtonController } from '../shared/menu.js';
import { SaveController } from '../shared/save.js';
import { LOADING_SHOWN_AFTER_MS, watchView } from '../shared/store-controller.js';
import { StoreElement } from '../shared/store-element.js';
import { baseStyles, listStyles } from '../shared/styles.js';
import {
  loadedNumberDialog,
  loadNumberDialog,
  NumberDialogUndefinedError,
  whenIdle,
  type NumberDialogClass,
  type NumberDialogLoader,
} from './dialog-loader.js';
import { renderDialogNote, renderNumberRow, type DialogLoad } from './number-row.js';
import { myNumbersStrings, type MyNumbersStrings } from './strings.js';
import { myNumbersStyles } from './styles.js';

/**
 * Fired before a number is deleted, after the user confirmed. Cancel it (`preventDefault()`) to
 * keep the number: destructive actions ask the host page first.
 */
export class NumberDeleteRequestEvent extends Event {
  static readonly eventName = 'number-delete-request';

  constructor(readonly numberId: string) {
    super(NumberDeleteRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/**
 * @tagname my-numbers
 * @summary My Numbers: every number of the user with its markers, a ⋮ menu holding New, Edit and
 * Delete per number, and the empty, loading, error and offline states (NUM-1..6).
 *
 * @fires {NumberDeleteRequestEvent} number-delete-request - Cancelable; before a confirmed delete.
 *
 * @csspart header - The heading and the ⋮ menu.
 * @csspart more-button - The ⋮ menu button.
 * @csspart menu - The ⋮ menu.
 * @csspart list - The list of numbers.
 * @csspart number - One number's row.
 * @csspart label - A number's label.
 * @csspart dial - A number's dial string.
 * @csspart markers - A number's markers (Remote Extension, FMC, …).
 * @csspart note - The notes (offline, no copy kept on this device, Remote Extension needs MX-One).
 * @csspart error - Why loading failed: the numbers, or the Add/Edit Number dialog's code.
 * @csspart retry - The *Try again* button after a failed load.
 * @csspart confirm - The delete confirmation dialog.
 * @csspart dialog - The Add Number / Edit Number dialog element.
 */
export class MyNumbers extends StoreElement<MyNumbersStrings> {
  static override styles = [baseStyles, listStyles, myNumbersStyles];

  /**
   * The Add/Edit Number dialog's class, or a loader that fetches it: My Numbers makes its dialog
   * with `new`, so it is the element under whatever tag that class was defined with. By default a
   * loader that imports the dialog's module, which My Numbers does not import itself: it starts
   * once the page is idle after the list first shows, or as soon as New or an Edit button is
   * pointed at or focused, so the dialog opens without waiting. An integrator who subclasses the
   * dialog sets this to the subclass or to a loader of it (`MyNumbers.numberDialog =
   * AcmeNumberDialog`, or the same static on a subclass of My Numbers) before New or Edit is first
   * chosen. The class must have been defined (`customElements.define`), under any name, by the time
   * it is given: My Numbers defines nothing, and says so in an error if it is not.
   */
  static numberDialog: NumberDialogClass | NumberDialogLoader = async () =>
    (await import('../add-number-dialog/add-number-dialog.js')).AddNumberDialog;

  protected readonly table = myNumbersStrings;

  /** The number whose deletion waits for the user's yes. */
  @state() private confirming: { readonly id: string; readonly label: string } | null = null;
  /** Why a number was not deleted, shown next to its row. */
  @state() private rowProblems: ReadonlyMap<string, string> = new Map();
  /**
   * The Add/Edit Number dialog is made the first time it is asked for, not with the list: a page
   * that only shows numbers never pays for its element, styles and Store subscription.
   */
  @state() private dialogElement: AddNumberDialog | null = null;
  /**
   * New (`numberId` null) or a row's Edit was chosen and the dialog's code is still on its way
   * after LOADING_SHOWN_AFTER_MS, or could not be fetched (`failed`): that control says so, and
   * after a failure offers *Try again*. Null otherwise.
   */
  @state() private dialogLoad: DialogLoad | null = null;
  /** The dialog's load at idle: what cancels it while it waits; 'started' once it (or a control) started it. */
  #idleLoad: (() => void) | 'started' | null = null;
  readonly #deletes = new SaveController(this, this.live, () => this.data.store);

  @query('#more-button') private moreButton!: HTMLButtonElement;
  @query('[role="menu"]') private menuElement!: HTMLElement | null;
  @query('dialog.confirm') private confirmDialog!: HTMLDialogElement | null;
  @query('ul.numbers') private list!: HTMLElement | null;

  /** The ⋮ menu (APG menu button); its items are buttons, so choosing one clicks it. */
  readonly #menu = new MenuButtonController(this, {
    button: () => this.moreButton,
    menu: () => this.menuElement,
    items: () => [...(this.menuElement?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])],
    choose: (item) => item.click(),
  });

  /** The loaded view, the storage, waiting and dropped-change notes, and which numbers are saving (NUM-6). */
  protected override watch(state: StoreState): readonly unknown[] {
    return [...watchView(state), state.storage, state.dropped, pendingNumbers(state.pending), state.waiting && state.pending.length];
  }

  protected override render(): TemplateResult {
    const shared = this.shared;
    const { phase, data, loadError, storage, dropped } = this.data.state;
    const loading = !data && (phase === 'idle' || phase === 'loading');
    return html`
      <section aria-labelledby="heading" @focusin=${this.#handleNearControl} @pointerover=${this.#handleNearControl}>
        <header part="header">
          <h2 id="heading">${this.strings.heading}</h2>
          ${this.#renderMenu(data)}
        </header>
        ${this.dialogLoad?.numberId === null ? this.#renderDialogNote('dialog-note', this.dialogLoad) : nothing}
        ${this.renderWaitingNote()}
        ${storage === 'memory' ? html`<p class="note muted" part="note">${shared.storageInMemory}</p>` : nothing}
        ${dropped.map(
          (problem) => html`<p class="note error" part="note">${shared.droppedChange(shared.problem(problem))}</p>`,
        )}
        ${data && !supportsRemoteExtension(data.platform)
          ? html`<p class="note muted" part="note">${shared.remoteExtensionNeedsMxOne}</p>`
          : nothing}
        <div class="body" aria-busy=${loading ? 'true' : 'false'}>
          ${!data || (phase === 'error' && loadError) ? this.renderLoadState() : nothing}
          ${data ? this.#renderNumbers(data) : nothing}
        </div>
        ${this.live.render()}
      </section>
      ${this.confirming ? this.#renderConfirm(this.confirming.label) : nothing}
      ${this.dialogElement ?? nothing}
    `;
  }

  #renderMenu(data: Snapshot | null): TemplateResult {
    const t = this.strings;
    const permitted = data?.platform.permissions.manageNumbers ?? true;
    return html`<div class="menu-anchor">
      <button
        type="button"
        id="more-button"
        part="more-button"
        aria-label=${t.more}
        aria-haspopup="menu"
        aria-controls="more-menu"
        aria-expanded=${this.#menu.open ? 'true' : 'false'}
        aria-describedby=${this.dialogLoad?.numberId === null ? 'dialog-note' : nothing}
        @click=${this.#menu.handleButtonClick}
        @keydown=${this.#menu.handleButtonKeydown}
      >
        <span aria-hidden="true">⋮</span>
      </button>
      <ul
        role="menu"
        id="more-menu"
        part="menu"
        aria-labelledby="more-button"
        ?hidden=${!this.#menu.open}
        @keydown=${this.#menu.handleMenuKeydown}
        @focusout=${this.#menu.handleMenuFocusout}
      >
        ${this.#menu.open ? this.#renderNewItem(permitted) : nothing}
      </ul>
      ${permitted ? nothing : html`<p id="no-permission" class="muted">${t.noPermission}</p>`}
    </div>`;
  }

  /** The menu's one item, rendered only while the menu is open (a closed menu renders nothing). */
  #renderNewItem(permitted: boolean): TemplateResult {
    return html`<li role="none">
      <button
        type="button"
        role="menuitem"
        tabindex="-1"
        aria-disabled=${permitted ? 'false' : 'true'}
        aria-describedby=${permitted ? nothing : 'no-permission'}
        @click=${this.#handleNew}
      >
        ${this.strings.newNumber}
      </button>
    </li>`;
  }

  #renderNumbers(data: Snapshot): TemplateResult {
    const t = this.strings;
    if (data.numbers.length === 0) return html`<p class="empty">${t.empty}</p>`;
    const { shared, rowProblems } = this;
    const { state } = this.data;
    const load = this.dialogLoad;
    return html`<ul class="numbers list" role="list" part="list" aria-labelledby="heading" tabindex="-1">
      ${data.numbers.map((n) =>
        renderNumberRow(data, n, {
          t,
          shared,
          pending: changeState(state, 'number', n.id),
          problem: rowProblems.get(n.id),
          dialogNote: load?.numberId === n.id ? this.#renderDialogNote(`edit-note-${n.id}`, load) : undefined,
          edit: this.#handleEdit,
          delete: this.#handleDelete,
        }),
      )}
    </ul>`;
  }

  /** Beside the control that asked for the dialog: its code is on its way, or failed, with *Try again*. */
  #renderDialogNote(id: string, load: DialogLoad): TemplateResult {
    const retry = load.failed ? { label: this.shared.retry, click: this.#handleRetryDialog } : null;
    return renderDialogNote(id, this.#dialogLoadText(load), retry);
  }

  /** What the control that asked for the dialog says of its code, shown and announced. */
  #dialogLoadText({ numberId, failed }: DialogLoad): string {
    const t = this.strings;
    if (numberId === null) return failed ? t.addNotLoaded : t.addOpening;
    return failed ? t.editNotLoaded : t.editOpening;
  }

  /** The delete confirmation, in the page only while it asks. */
  #renderConfirm(label: string): TemplateResult {
    const t = this.strings;
    return html`<dialog
      class="confirm"
      part="confirm"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="confirm-heading"
      aria-describedby="confirm-body"
      @close=${this.#handleConfirmClosed}
    >
      <h3 id="confirm-heading">${t.confirmHeading(label)}</h3>
      <p id="confirm-body">${t.confirmBody}</p>
      <div class="actions">
        <button type="button" class="danger" @click=${this.#handleConfirm}>${t.delete}</button>
        <button type="button" class="cancel" @click=${this.#handleCancel}>${this.shared.cancel}</button>
      </div>
    </dialog>`;
  }

  readonly #handleNew = (event: Event): void => {
    if ((event.currentTarget as HTMLElement).getAttribute('aria-disabled') === 'true') return;
    // Focus the menu button first, so the dialog hands focus back to it when it closes.
    this.#menu.hide(true);
    void this.#openNumberDialog(null);
  };

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#scheduleDialogLoad();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#scheduleDialogLoad();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (typeof this.#idleLoad === 'function') {
      this.#idleLoad();
      this.#idleLoad = null;
    }
  }

  /**
   * Once the list has shown (and the user may change numbers), loads the dialog's code when the
   * page is idle: not before, so it never competes with the data and the first render.
   */
  #scheduleDialogLoad(): void {
    if (this.#idleLoad !== null || this.dialogElement || !this.isConnected) return;
    if (!this.data.state.data?.platform.permissions.manageNumbers) return;
    this.#idleLoad = whenIdle(() => this.#loadDialogAhead());
  }

  /** Pointing at or focusing a control that opens the dialog loads it now, if idle has not yet. */
  readonly #handleNearControl = (event: Event): void => {
    if (this.dialogElement || !(event.target instanceof Element)) return;
    if (!this.data.state.data?.platform.permissions.manageNumbers) return;
    if (event.target.closest('#more-button, [role="menuitem"], button.edit')) this.#loadDialogAhead();
  };

  /** Starts the dialog's load before it is asked for; should it fail, the control that asks loads it again. */
  #loadDialogAhead(): void {
    if (typeof this.#idleLoad === 'function') this.#idleLoad();
    this.#idleLoad = 'started';
    loadNumberDialog(this.#dialogSource).catch(() => undefined);
  }

  get #dialogSource(): NumberDialogClass | NumberDialogLoader {
    return (this.constructor as typeof MyNumbers).numberDialog;
  }

  /**
   * Opens the Add/Edit Number dialog, for adding (`numberId` null) or editing that number: the
   * dialog made before, else one made now, its code loaded first if it is not here yet. If that
   * load fails, the control that asked says so and offers *Try again*.
   */
  async #openNumberDialog(numberId: string | null): Promise<void> {
    let dialog = this.dialogElement;
    if (!dialog) {
      let made: NumberDialogClass;
      try {
        made = loadedNumberDialog(this.#dialogSource) ?? (await this.#loadDialogSaying(numberId));
      } catch (error) {
        this.dialogLoad = { numberId, failed: true };
        this.live.say(this.#dialogLoadText(this.dialogLoad));
        // A dialog class that was never defined is the page's mistake: the console says what to do.
        if (error instanceof NumberDialogUndefinedError) console.error(error);
        return;
      }
      if (!this.isConnected) return;
      // Made by another click while this one waited for the load: that one is the dialog.
      dialog = this.dialogElement ??= this.#makeNumberDialog(made);
    }
    this.dialogLoad = null;
    await this.updateComplete;
    if (numberId === null) dialog.showAdd();
    else dialog.showEdit(numberId);
  }

  /**
   * Loads the dialog's code; should that take longer than LOADING_SHOWN_AFTER_MS (a slow network
   * before the idle load finished), the control that asked says the dialog is on its way.
   */
  async #loadDialogSaying(numberId: string | null): Promise<NumberDialogClass> {
    const slow = setTimeout(() => {
      this.dialogLoad = { numberId, failed: false };
      this.live.say(this.#dialogLoadText(this.dialogLoad));
    }, LOADING_SHOWN_AFTER_MS);
    try {
      return await loadNumberDialog(this.#dialogSource);
    } finally {
      clearTimeout(slow);
    }
  }

  /** A new dialog of the class given: so under the tag that class was defined with. */
  #makeNumberDialog(made: NumberDialogClass): AddNumberDialog {
    const dialog = new made();
    dialog.setAttribute('part', 'dialog');
    return dialog;
  }

  /**
   * *Try again* after the dialog's code could not be loaded: focus goes back to the control that
   * was used (so the dialog gives it back on close), and the dialog loads and opens.
   */
  readonly #handleRetryDialog = (event: Event): void => {
    const failed = this.dialogLoad;
    if (!failed?.failed) return;
    const control =
      failed.numberId === null
        ? this.moreButton
        : (event.currentTarget as Element).closest('li.number')?.querySelector<HTMLElement>('button.edit');
    control?.focus();
    // Said again if it fails again: the region's text has to change for it to be read.
    this.live.say('');
    this.dialogLoad = null;
    void this.#openNumberDialog(failed.numberId);
  };

  // Rows.

  readonly #handleEdit = (numberId: string): void => {
    if (!this.data.state.data?.platform.permissions.manageNumbers) return;
    void this.#openNumberDialog(numberId);
  };

  readonly #handleDelete = (n: PhoneNumber): void => {
    const data = this.data.state.data;
    if (!data?.platform.permissions.manageNumbers) return;
    if (isPending(this.data.state.pending, 'number', n.id)) return;
    const problem = deleteProblem(data, n.id);
    if (problem) {
      const message = this.shared.problem(problem);
      this.#setRowProblem(n.id, message);
      this.live.say(message);
      return;
    }
    this.#setRowProblem(n.id, null);
    this.confirming = { id: n.id, label: n.label };
    void this.updateComplete.then(() => {
      const dialog = this.confirmDialog;
      if (!dialog) return;
      if (!dialog.open) dialog.showModal();
      dialog.querySelector<HTMLButtonElement>('button.cancel')?.focus();
    });
  };

  readonly #handleCancel = (): void => {
    this.confirmDialog?.close('cancel');
  };

  readonly #handleConfirm = (): void => {
    this.confirmDialog?.close('delete');
  };

  /** Closing by Delete, Cancel or Escape all come here; only Delete deletes. */
  readonly #handleConfirmClosed = (event: Event): void => {
    const target = this.confirming;
    const confirmed = (event.currentTarget as HTMLDialogElement).returnValue === 'delete';
    this.confirming = null;
    if (!target) return;
    if (!confirmed) {
      this.#focusDelete(target.id);
      return;
    }
    if (!this.dispatchEvent(new NumberDeleteRequestEvent(target.id))) {
      this.live.say(this.strings.deleteKept(target.label));
      this.#focusDelete(target.id);
      return;
    }
    void this.#deleteNumber(target.id, target.label);
  };

  async #deleteNumber(numberId: string, label: string): Promise<void> {
    const store = this.data.store;
    if (!store) return;
    const t = this.strings;
    const deleted = this.#deletes.run(() => store.deleteNumber(numberId), {
      saving: t.deleting(label),
      saved: () => t.deleted(label),
      waiting: t.deleteWaits(label),
    });
    // The row is gone at once (optimistic): focus the list rather than losing focus to the page.
    await this.updateComplete;
    this.list?.focus();
    if (await deleted) return;
    // Refused or failed: the row is back (rolled back), with the reason under it.
    this.#setRowProblem(numberId, this.#deletes.error);
    this.live.say(t.notDeleted(label, this.#deletes.error));
  }

  #focusDelete(numberId: string): void {
    void this.updateComplete.then(() => {
      const button = this.shadowRoot?.getElementById(`delete-${numberId}`);
      if (button) button.focus();
      else this.list?.focus();
    });
  }

  #setRowProblem(numberId: string, message: string | null): void {
    const next = new Map(this.rowProblems);
    if (message === null) next.delete(numberId);
    else next.set(numberId, message);
    this.rowProblems = next;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'my-numbers': MyNumbers;
  }
  interface GlobalEventHandlersEventMap {
    'number-delete-request': NumberDeleteRequestEvent;
  }
}
