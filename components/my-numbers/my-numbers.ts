import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import {
  activeRemoteExtension,
  callThroughFixes,
  deleteProblem,
  offersDelete,
  supportsRemoteExtension,
  type Command,
  type PhoneNumber,
  type Snapshot,
} from '../../src/model/index.js';
// Loaded (not defined: define.ts does that) so that the template's tag is known to tools.
import '../add-number-dialog/add-number-dialog.js';
import type { AddNumberDialog } from '../add-number-dialog/add-number-dialog.js';
import { ConnectivityController } from '../shared/connectivity.js';
import { localeOf } from '../shared/locale.js';
import { MenuButtonController } from '../shared/menu.js';
import { StoreController, watchView } from '../shared/store-controller.js';
import { failureReason, sharedStrings } from '../shared/strings.js';
import { baseStyles } from '../shared/styles.js';
import { myNumbersStrings } from './strings.js';

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
 * @csspart confirm - The delete confirmation dialog.
 * @csspart dialog - The Add Number / Edit Number dialog element.
 */
export class MyNumbers extends LitElement {
  static override styles = [
    baseStyles,
    css`
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.5em;
      }
      h2 {
        margin: 0 0 0.5em;
        font-size: 1.25em;
      }
      .menu-anchor {
        position: relative;
      }
      [role='menu'] {
        position: absolute;
        inset-inline-end: 0;
        z-index: 1;
        min-width: 10em;
        margin: 0.25em 0 0;
        padding: 0.25em;
        list-style: none;
        background: var(--_surface);
        border: 1px solid var(--_muted);
        border-radius: var(--_radius);
        box-shadow: 0 4px 12px rgb(0 0 0 / 20%);
      }
      [role='menu'][hidden] {
        display: none;
      }
      [role='menuitem'] {
        width: 100%;
        border: none;
        justify-content: flex-start;
      }
      [role='menuitem']:focus {
        background: color-mix(in srgb, var(--_accent) 15%, transparent);
      }
      ul.numbers {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      ul.numbers:focus {
        outline: none;
      }
      li.number {
        padding: 0.5em 0;
        border-bottom: 1px solid color-mix(in srgb, var(--_muted) 40%, transparent);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em;
      }
      .who {
        flex: 1 1 12em;
        display: flex;
        flex-direction: column;
      }
      .label {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      ul.markers {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em;
        margin: 0.25em 0 0;
        padding: 0;
        list-style: none;
      }
      ul.markers li {
        padding: 0 0.5em;
        border: 1px solid var(--_muted);
        border-radius: 1em;
        font-size: 0.85em;
      }
      ul.markers li.active {
        border-color: var(--_accent);
        color: var(--_accent);
      }
      .actions {
        display: flex;
        gap: 0.35em;
      }
      .row-note {
        margin: 0.25em 0 0;
      }
      .warning ul {
        margin: 0;
        padding-inline-start: 1.25em;
      }
      dialog {
        max-width: min(28em, 90vw);
        color: var(--_text);
        background: var(--_surface);
        border: 1px solid var(--_muted);
        border-radius: var(--_radius);
      }
      dialog h3 {
        margin: 0 0 0.5em;
        font-size: 1.1em;
      }
      .buttons {
        display: flex;
        justify-content: flex-end;
        gap: 0.5em;
      }
      button.danger {
        background: var(--_danger);
        border-color: var(--_danger);
        color: var(--_surface);
      }
    `,
  ];

  private readonly data = new StoreController(this, (s) => [
    ...watchView(s),
    s.storage,
    s.dropped,
    s.pending.map(numberIdOf).join(' '),
  ]);

  /** The number whose deletion waits for the user's yes. */
  @state() private confirming: { readonly id: string; readonly label: string } | null = null;
  /** Why a number was not deleted, shown next to its row. */
  @state() private rowProblems: ReadonlyMap<string, string> = new Map();
  @state() private announcement = '';
  /**
   * The Add/Edit Number dialog is made the first time it is asked for, not with the list: a page
   * that only shows numbers never pays for its element, styles and Store subscription.
   */
  @state() private dialogWanted = false;
  private readonly connectivity = new ConnectivityController(this);

  @query('#more-button') private moreButton!: HTMLButtonElement;
  @query('[role="menu"]') private menuElement!: HTMLElement | null;
  @query('dialog.confirm') private confirmDialog!: HTMLDialogElement | null;
  @query('add-number-dialog') private numberDialog!: AddNumberDialog | null;
  @query('ul.numbers') private list!: HTMLElement | null;

  /** The ⋮ menu (APG menu button); its items are buttons, so choosing one clicks it. */
  private readonly menu = new MenuButtonController(this, {
    button: () => this.moreButton,
    menu: () => this.menuElement,
    items: () => [...(this.menuElement?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])],
    choose: (item) => item.click(),
  });

  /** Nothing until there is something to show (see `StoreController.ready`). */
  protected override shouldUpdate(): boolean {
    return this.data.ready;
  }

  protected override render(): TemplateResult {
    const t = myNumbersStrings[localeOf(this)];
    const shared = sharedStrings[localeOf(this)];
    const { phase, data, loadError } = this.data.state;
    const loading = !data && (phase === 'idle' || phase === 'loading');
    return html`
      <section aria-labelledby="heading">
        <header part="header">
          <h2 id="heading">${t.heading}</h2>
          ${this.renderMenu(data)}
        </header>
        ${this.connectivity.offline ? html`<p class="note muted" part="note">${shared.offline}</p>` : nothing}
        ${this.data.state.storage === 'memory'
          ? html`<p class="note muted" part="note">${shared.storageInMemory}</p>`
          : nothing}
        ${this.data.state.dropped.map(
          (problem) => html`<p class="note error" part="note">${shared.droppedChange(shared.problem(problem))}</p>`,
        )}
        ${data && !supportsRemoteExtension(data.platform)
          ? html`<p class="note muted" part="note">${shared.remoteExtensionNeedsMxOne}</p>`
          : nothing}
        <div class="body" aria-busy=${loading ? 'true' : 'false'}>
          ${loading ? html`<p>${shared.loading}</p>` : nothing}
          ${phase === 'error' && loadError
            ? html`<div class="load-error">
                <p class="error">${shared.loadFailed(loadError.message)}</p>
                <button type="button" @click=${this.handleRetry}>${shared.retry}</button>
              </div>`
            : nothing}
          ${data ? this.renderNumbers(data) : nothing}
        </div>
        <div role="status" aria-live="polite" class="visually-hidden">${this.announcement}</div>
      </section>
      ${this.confirming ? this.renderConfirm(this.confirming.label) : nothing}
      ${this.dialogWanted ? html`<add-number-dialog part="dialog"></add-number-dialog>` : nothing}
    `;
  }

  private renderMenu(data: Snapshot | null): TemplateResult {
    const t = myNumbersStrings[localeOf(this)];
    const permitted = data?.platform.permissions.manageNumbers ?? true;
    return html`<div class="menu-anchor">
      <button
        type="button"
        id="more-button"
        part="more-button"
        aria-label=${t.more}
        aria-haspopup="menu"
        aria-controls="more-menu"
        aria-expanded=${this.menu.open ? 'true' : 'false'}
        @click=${this.menu.handleButtonClick}
        @keydown=${this.menu.handleButtonKeydown}
      >
        <span aria-hidden="true">⋮</span>
      </button>
      <ul
        role="menu"
        id="more-menu"
        part="menu"
        aria-labelledby="more-button"
        ?hidden=${!this.menu.open}
        @keydown=${this.menu.handleMenuKeydown}
        @focusout=${this.menu.handleMenuFocusout}
      >
        ${this.menu.open ? this.renderNewItem(permitted) : nothing}
      </ul>
      ${permitted ? nothing : html`<p id="no-permission" class="muted">${t.noPermission}</p>`}
    </div>`;
  }

  /** The menu's one item, rendered only while the menu is open (a closed menu renders nothing). */
  private renderNewItem(permitted: boolean): TemplateResult {
    return html`<li role="none">
      <button
        type="button"
        role="menuitem"
        tabindex="-1"
        aria-disabled=${permitted ? 'false' : 'true'}
        aria-describedby=${permitted ? nothing : 'no-permission'}
        @click=${this.handleNew}
      >
        ${myNumbersStrings[localeOf(this)].newNumber}
      </button>
    </li>`;
  }

  private renderNumbers(data: Snapshot): TemplateResult {
    const t = myNumbersStrings[localeOf(this)];
    if (data.numbers.length === 0) return html`<p class="empty">${t.empty}</p>`;
    return html`<ul class="numbers" role="list" part="list" aria-labelledby="heading" tabindex="-1">
      ${data.numbers.map((n) => this.renderNumber(data, n))}
    </ul>`;
  }

  private renderNumber(data: Snapshot, n: PhoneNumber): TemplateResult {
    const locale = localeOf(this);
    const t = myNumbersStrings[locale];
    const shared = sharedStrings[locale];
    const withRemoteExtension = supportsRemoteExtension(data.platform);
    const markers = [
      withRemoteExtension && n.remoteExtension ? t.remoteExtension : null,
      n.adminProvisioned ? t.adminProvisioned : null,
      withRemoteExtension && activeRemoteExtension(data)?.id === n.id ? t.activeRemoteExtension : null,
      n.fmc ? t.fmc : null,
      withRemoteExtension && n.callThrough ? t.callThrough : null,
    ].filter((m): m is string => m !== null);
    const pending = this.data.state.pending.some((c) => touches(c, n.id));
    const permitted = data.platform.permissions.manageNumbers;
    const fixes = callThroughFixes(data, n.id);
    const problem = this.rowProblems.get(n.id);
    const deleteBlocked = !permitted || pending;
    return html`<li class="number" part="number" aria-busy=${pending ? 'true' : 'false'}>
      <div class="row">
        <div class="who">
          <span class="label" part="label">${n.label}</span>
          <span class="dial" part="dial" dir="ltr">${n.dial}</span>
          ${markers.length > 0
            ? html`<ul class="markers" part="markers" aria-label=${t.markers}>
                ${markers.map(
                  (m) => html`<li class=${m === t.activeRemoteExtension ? 'active' : ''}>${m}</li>`,
                )}
              </ul>`
            : nothing}
        </div>
        ${pending ? html`<span class="muted saving">${shared.saving}</span>` : nothing}
        <div class="actions">
          <button
            type="button"
            aria-label=${t.editNamed(n.label)}
            aria-disabled=${permitted ? 'false' : 'true'}
            aria-describedby=${permitted ? nothing : 'no-permission'}
            @click=${() => this.handleEdit(n.id)}
          >
            ${t.edit}
          </button>
          ${offersDelete(n)
            ? html`<button
                type="button"
                id=${`delete-${n.id}`}
                aria-label=${t.deleteNamed(n.label)}
                aria-disabled=${deleteBlocked ? 'true' : 'false'}
                aria-describedby=${problem ? `problem-${n.id}` : !permitted ? 'no-permission' : nothing}
                @click=${() => this.handleDelete(n)}
              >
                ${t.delete}
              </button>`
            : nothing}
        </div>
      </div>
      ${fixes.length > 0
        ? html`<div class="warning row-note" id=${`warning-${n.id}`}>
            ${t.callThroughWontWork}
            <ul>
              ${fixes.map((f) => html`<li>${shared.callThroughFix(f)}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${problem ? html`<p class="error row-note" id=${`problem-${n.id}`}>${problem}</p>` : nothing}
    </li>`;
  }

  /** The delete confirmation, in the page only while it asks. */
  private renderConfirm(label: string): TemplateResult {
    const locale = localeOf(this);
    const t = myNumbersStrings[locale];
    return html`<dialog
      class="confirm"
      part="confirm"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="confirm-heading"
      aria-describedby="confirm-body"
      @close=${this.handleConfirmClosed}
    >
      <h3 id="confirm-heading">${t.confirmHeading(label)}</h3>
      <p id="confirm-body">${t.confirmBody}</p>
      <div class="buttons">
        <button type="button" class="danger" @click=${this.handleConfirm}>${t.delete}</button>
        <button type="button" class="cancel" @click=${this.handleCancel}>${sharedStrings[locale].cancel}</button>
      </div>
    </dialog>`;
  }

  private readonly handleNew = (event: Event): void => {
    if ((event.currentTarget as HTMLElement).getAttribute('aria-disabled') === 'true') return;
    // Focus the menu button first, so the dialog hands focus back to it when it closes.
    this.menu.hide(true);
    void this.withNumberDialog((dialog) => dialog.showAdd());
  };

  /** Makes the Add/Edit Number dialog if this is its first use, then opens it with `show`. */
  private async withNumberDialog(show: (dialog: AddNumberDialog) => void): Promise<void> {
    this.dialogWanted = true;
    await this.updateComplete;
    if (this.numberDialog) show(this.numberDialog);
  }

  // Rows.

  private handleEdit(numberId: string): void {
    if (!this.data.state.data?.platform.permissions.manageNumbers) return;
    void this.withNumberDialog((dialog) => dialog.showEdit(numberId));
  }

  private handleDelete(n: PhoneNumber): void {
    const data = this.data.state.data;
    if (!data?.platform.permissions.manageNumbers) return;
    if (this.data.state.pending.some((c) => touches(c, n.id))) return;
    const problem = deleteProblem(data, n.id);
    if (problem) {
      const message = sharedStrings[localeOf(this)].problem(problem);
      this.setRowProblem(n.id, message);
      this.announce(message);
      return;
    }
    this.setRowProblem(n.id, null);
    this.confirming = { id: n.id, label: n.label };
    void this.updateComplete.then(() => {
      const dialog = this.confirmDialog;
      if (!dialog) return;
      if (!dialog.open) dialog.showModal();
      dialog.querySelector<HTMLButtonElement>('button.cancel')?.focus();
    });
  }

  private readonly handleCancel = (): void => {
    this.confirmDialog?.close('cancel');
  };

  private readonly handleConfirm = (): void => {
    this.confirmDialog?.close('delete');
  };

  /** Closing by Delete, Cancel or Escape all come here; only Delete deletes. */
  private readonly handleConfirmClosed = (event: Event): void => {
    const target = this.confirming;
    const confirmed = (event.currentTarget as HTMLDialogElement).returnValue === 'delete';
    this.confirming = null;
    if (!target) return;
    if (!confirmed) {
      this.focusDelete(target.id);
      return;
    }
    if (!this.dispatchEvent(new NumberDeleteRequestEvent(target.id))) {
      this.announce(myNumbersStrings[localeOf(this)].deleteKept(target.label));
      this.focusDelete(target.id);
      return;
    }
    void this.deleteNumber(target.id, target.label);
  };

  private async deleteNumber(numberId: string, label: string): Promise<void> {
    const store = this.data.store;
    if (!store) return;
    const locale = localeOf(this);
    const t = myNumbersStrings[locale];
    this.announce(t.deleting(label));
    const deleting = store.deleteNumber(numberId);
    // The row is gone at once (optimistic): focus the list rather than losing focus to the page.
    await this.updateComplete;
    this.list?.focus();
    try {
      await deleting;
      this.announce(t.deleted(label));
    } catch (error) {
      const reason = failureReason(error, locale);
      this.setRowProblem(numberId, reason);
      this.announce(t.notDeleted(label, reason));
    }
  }

  private focusDelete(numberId: string): void {
    void this.updateComplete.then(() => {
      const button = this.shadowRoot?.getElementById(`delete-${numberId}`);
      if (button) button.focus();
      else this.list?.focus();
    });
  }

  private setRowProblem(numberId: string, message: string | null): void {
    const next = new Map(this.rowProblems);
    if (message === null) next.delete(numberId);
    else next.set(numberId, message);
    this.rowProblems = next;
  }

  private announce(message: string): void {
    this.announcement = message;
  }

  private readonly handleRetry = (): void => {
    void this.data.store?.refresh();
  };

}

/** Whether a pending command changes this number (NUM-6: its row shows "Saving…"). */
function touches(command: Command, numberId: string): boolean {
  return numberIdOf(command) === numberId;
}

/** The number a command changes, if it changes one. */
function numberIdOf(command: Command): string {
  switch (command.type) {
    case 'number/create':
      return command.number.id;
    case 'number/update':
    case 'number/delete':
      return command.numberId;
    default:
      return '';
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
