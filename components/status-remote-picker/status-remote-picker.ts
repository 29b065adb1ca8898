import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import {
  chooseRemoteExtension,
  devices,
  findDevice,
  findNumber,
  findStatus,
  remoteExtensions,
  supportsRemoteExtension,
  type DynamicStatus,
  type Snapshot,
  type StatusRouting,
} from '../../src/model/index.js';
import { localeOf } from '../shared/locale.js';
import { StoreController } from '../shared/store-controller.js';
import { failureReason, sharedStrings } from '../shared/strings.js';
import { baseStyles } from '../shared/styles.js';
import { statusRemotePickerStrings } from './strings.js';

/** Fired when the platform has accepted a status's new routing (STAT-5). */
export class StatusSavedEvent extends Event {
  static readonly eventName = 'status-saved';
  constructor(readonly statusId: string) {
    super(StatusSavedEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * @tagname status-remote-picker
 * @summary *Manage Status*: the user's dynamic statuses (STAT-1) and, for one of them, *Edit
 * Status* with its Remote Extension, Call Using and Send my calls to (STAT-2..6).
 *
 * The list shows each status with its presence, its Remote Extension and an "Active" marker.
 * Choosing a status replaces the list with *Edit Status* (in place, not a modal); focus moves to
 * its heading, and Cancel returns to the list with focus on that status's button.
 *
 * Edit Status works on a draft: choosing a Remote Extension runs the model's
 * `chooseRemoteExtension`, so Call Using and Send my calls to follow at once (STAT-3, STAT-6) and
 * can then be changed by hand (STAT-4). **Done** sends the draft in one `store.updateStatus` call
 * (STAT-5); Cancel, or leaving the element, discards it. On a platform other than MiVoice MX-One
 * the Remote Extension dropdown is not there and one note says why (PLAT-1).
 *
 * When the platform changes while a draft is open (change feed, SYNC-6), the draft is kept, with
 * two exceptions: if the draft's Remote Extension no longer exists (an administrator removed it,
 * or the platform no longer supports remote extensions) the draft is reset with
 * `chooseRemoteExtension(…, null)` and that is announced; if the status itself is gone, the view
 * returns to the list. Anything else the platform no longer accepts (a removed Call Using device)
 * is refused on Done, with the reason shown next to Done.
 *
 * @fires {StatusSavedEvent} status-saved - When the platform has accepted Done; `statusId`
 *   is the saved status.
 *
 * @csspart heading - The "Manage Status" and "Edit Status" headings.
 * @csspart list - The list of statuses.
 * @csspart item - Each status's row in the list.
 * @csspart status - Each status's button in the list.
 * @csspart active - The "Active" marker of the active status.
 * @csspart editor - The Edit Status view.
 * @csspart field - Each label + select pair.
 * @csspart select - Each dropdown.
 * @csspart note - The note shown when the platform has no remote extensions (PLAT-1).
 * @csspart done - The Done button.
 * @csspart cancel - The Cancel button.
 * @csspart error - The reason a save or load failed.
 *
 * @cssprop --re-color-accent - See `baseStyles`; every `--re-*` property applies.
 */
export class StatusRemotePicker extends LitElement {
  static override styles = [
    baseStyles,
    css`
      h2 {
        margin: 0 0 0.5em;
        font-size: 1.15em;
      }
      h2:focus {
        outline: none;
      }
      h2:focus-visible {
        outline: 2px solid var(--_accent);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.25em;
      }
      li {
        position: relative;
        display: grid;
        grid-template-columns: 1fr auto;
        align-items: center;
        gap: 0 1em;
        padding: 0.5em 0.8em;
        border: 1px solid var(--_muted);
        border-radius: var(--_radius);
      }
      li:has(.status:hover) {
        background: color-mix(in srgb, var(--_accent) 8%, transparent);
      }
      .status {
        grid-column: 1;
        justify-self: start;
        min-height: 0;
        padding: 0;
        border: none;
        background: none;
        font-weight: 600;
        text-align: start;
      }
      /* The whole row opens the status; the button stays the one control a screen reader meets. */
      .status::after {
        content: '';
        position: absolute;
        inset: 0;
      }
      .detail {
        grid-column: 1;
        color: var(--_muted);
      }
      .active {
        grid-column: 2;
        grid-row: 1 / span 2;
        color: var(--_accent);
        font-weight: 600;
      }
      .name {
        margin: 0 0 0.75em;
        font-weight: 600;
      }
      .field {
        display: grid;
        gap: 0.2em;
        margin-block-end: 0.75em;
      }
      select {
        min-height: 2em;
        max-width: 100%;
        border: 1px solid var(--_muted);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em;
      }
      .actions .error {
        flex-basis: 100%;
        margin: 0;
      }
    `,
  ];

  private readonly data = new StoreController(this);

  /** The routing being edited; null while the list is shown. */
  @state() private draft: StatusRouting | null = null;

  /** Done was pressed and the platform has not answered yet. */
  @state() private saving = false;

  /** Why the last Done was refused; empty when it was not. */
  @state() private saveError = '';

  /** What the polite live region says now. */
  @state() private announcement = '';

  /** Where focus goes after the next render: a status's button, or the Edit Status heading. */
  private focusTarget: { kind: 'status'; id: string } | { kind: 'editor' } | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving without Done discards the draft (STAT-5); a save in flight still completes.
    this.draft = null;
    this.saving = false;
    this.saveError = '';
    this.focusTarget = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const data = this.data.state.data;
    if (!this.draft || !data) return;
    const strings = statusRemotePickerStrings[localeOf(this)];
    const status = findStatus(data, this.draft.id);
    if (!status) {
      this.announcement = strings.statusGone;
      this.draft = null;
      this.saving = false;
      this.saveError = '';
      return;
    }
    const remoteExtensionId = this.draft.remoteExtensionId;
    if (remoteExtensionId !== null && !remoteExtensions(data).some((n) => n.id === remoteExtensionId)) {
      this.draft = chooseRemoteExtension(data, this.draft, null);
      this.announcement = strings.remoteExtensionGone;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncSelects();
    const target = this.focusTarget;
    if (!target) return;
    this.focusTarget = null;
    const root = this.renderRoot as ShadowRoot;
    const element =
      target.kind === 'editor'
        ? root.querySelector<HTMLElement>('#edit-heading')
        : root.querySelector<HTMLElement>(`button[data-status-id="${CSS.escape(target.id)}"]`);
    element?.focus();
  }

  /** Nothing until there is something to show (see `StoreController.ready`). */
  protected override shouldUpdate(): boolean {
    return this.data.ready;
  }

  protected override render() {
    const locale = localeOf(this);
    const shared = sharedStrings[locale];
    const { phase, data, loadError } = this.data.state;
    let body;
    if (data) {
      const status = this.draft ? findStatus(data, this.draft.id) : undefined;
      body = this.draft && status ? this.renderEditor(data, status, this.draft) : this.renderList(data);
    } else if (phase === 'error') {
      body = html`
        <p class="error" part="error">${shared.loadFailed(loadError?.message ?? '')}</p>
        <button type="button" @click=${this.handleRetry}>${shared.retry}</button>
      `;
    } else {
      body = html`<p class="muted">${shared.loading}</p>`;
    }
    return html`${body}
      <div role="status" aria-live="polite" class="visually-hidden">${this.announcement}</div>`;
  }

  private renderList(data: Snapshot) {
    const strings = statusRemotePickerStrings[localeOf(this)];
    return html`
      <h2 part="heading">${strings.manageStatus}</h2>
      ${data.statuses.length === 0
        ? html`<p class="muted">${strings.noStatuses}</p>`
        : html`<ul part="list">
            ${data.statuses.map((status) => this.renderStatus(data, status))}
          </ul>`}
    `;
  }

  private renderStatus(data: Snapshot, status: DynamicStatus) {
    const strings = statusRemotePickerStrings[localeOf(this)];
    const remoteExtension = status.remoteExtensionId ? findNumber(data, status.remoteExtensionId) : undefined;
    const active = status.id === data.activeStatusId;
    const details = [strings.presence(status.presence), remoteExtension?.label].filter(Boolean).join(' · ');
    return html`
      <li part="item">
        <button
          type="button"
          class="status"
          part="status"
          data-status-id=${status.id}
          aria-describedby="status-detail-${status.id}"
          @click=${() => this.openEditor(status)}
        >
          ${status.name}
        </button>
        <span class="detail" id="status-detail-${status.id}"
          >${details}${active ? html`<span class="visually-hidden"> · ${strings.active}</span>` : nothing}</span
        >
        ${active ? html`<span class="active" part="active" aria-hidden="true">${strings.active}</span>` : nothing}
      </li>
    `;
  }

  private renderEditor(data: Snapshot, status: DynamicStatus, draft: StatusRouting) {
    const locale = localeOf(this);
    const strings = statusRemotePickerStrings[locale];
    const shared = sharedStrings[locale];
    const deviceOptions = devices(data);
    return html`
      <section part="editor" aria-labelledby="edit-heading edit-name" aria-busy=${this.saving ? 'true' : 'false'}>
        <h2 id="edit-heading" part="heading" tabindex="-1">${strings.editStatus}</h2>
        <p id="edit-name" class="name">${status.name}</p>
        ${supportsRemoteExtension(data.platform)
          ? html`
              <div class="field" part="field">
                <label for="remote-extension">${strings.remoteExtension}</label>
                <select
                  id="remote-extension"
                  part="select"
                  ?disabled=${this.saving}
                  @change=${this.handleRemoteExtensionChange}
                >
                  <option value="" ?selected=${draft.remoteExtensionId === null}>${shared.none}</option>
                  ${remoteExtensions(data).map(
                    (n) =>
                      html`<option value=${n.id} ?selected=${draft.remoteExtensionId === n.id}>${strings.deviceOption(n.label, n.dial)}</option>`,
                  )}
                </select>
              </div>
            `
          : html`<p class="muted" part="note">${shared.remoteExtensionNeedsMxOne}</p>`}
        ${this.renderDeviceSelect('call-using', strings.callUsing, draft.callUsing, deviceOptions)}
        ${this.renderDeviceSelect('send-calls-to', strings.sendCallsTo, draft.sendCallsTo, deviceOptions)}
        <div class="actions">
          <button
            type="button"
            class="primary"
            part="done"
            aria-disabled=${this.saving ? 'true' : 'false'}
            aria-describedby=${this.saveError ? 'save-error' : nothing}
            @click=${this.handleDone}
          >
            ${this.saving ? shared.saving : strings.done}
          </button>
          <button type="button" part="cancel" @click=${this.handleCancel}>${shared.cancel}</button>
          ${this.saveError ? html`<p id="save-error" class="error" part="error">${this.saveError}</p>` : nothing}
        </div>
      </section>
    `;
  }

  private renderDeviceSelect(
    id: 'call-using' | 'send-calls-to',
    label: string,
    value: string,
    options: ReturnType<typeof devices>,
  ) {
    const strings = statusRemotePickerStrings[localeOf(this)];
    return html`
      <div class="field" part="field">
        <label for=${id}>${label}</label>
        <select id=${id} part="select" ?disabled=${this.saving} @change=${this.handleDeviceChange}>
          ${options.map(
            (d) => html`<option value=${d.id} ?selected=${d.id === value}>${strings.deviceOption(d.label, d.dial)}</option>`,
          )}
        </select>
      </div>
    `;
  }

  /**
   * Makes each select show the draft. Done after rendering, not with a `.value` binding: options
   * may come and go with the platform's data, and a select whose chosen option was removed would
   * otherwise show another option than the draft holds.
   */
  private syncSelects(): void {
    const draft = this.draft;
    if (!draft) return;
    const values: Record<string, string> = {
      'remote-extension': draft.remoteExtensionId ?? '',
      'call-using': draft.callUsing,
      'send-calls-to': draft.sendCallsTo,
    };
    for (const select of this.renderRoot.querySelectorAll('select')) {
      const value = values[select.id];
      if (value !== undefined && select.value !== value) select.value = value;
    }
  }

  private openEditor(status: DynamicStatus): void {
    const { id, remoteExtensionId, callUsing, sendCallsTo } = status;
    this.draft = { id, remoteExtensionId, callUsing, sendCallsTo };
    this.saveError = '';
    this.announcement = '';
    this.focusTarget = { kind: 'editor' };
  }

  /** Back to the list, dropping the draft (STAT-5), with focus on the status that was open. */
  private closeEditor(): void {
    if (this.draft) this.focusTarget = { kind: 'status', id: this.draft.id };
    this.draft = null;
    this.saving = false;
    this.saveError = '';
  }

  private handleRemoteExtensionChange(event: Event): void {
    const data = this.data.state.data;
    if (!data || !this.draft || this.saving) return;
    const value = (event.target as HTMLSelectElement).value;
    const strings = statusRemotePickerStrings[localeOf(this)];
    const next = chooseRemoteExtension(data, this.draft, value === '' ? null : value);
    if (next.remoteExtensionId !== null) {
      this.announcement = strings.remoteExtensionChosen(findNumber(data, next.remoteExtensionId)?.label ?? value);
    } else {
      const reset = next.callUsing !== this.draft.callUsing || next.sendCallsTo !== this.draft.sendCallsTo;
      const fallback = findDevice(data, data.platform.defaultDeviceId)?.label ?? data.platform.defaultDeviceId;
      this.announcement = reset ? strings.remoteExtensionCleared(fallback) : strings.remoteExtensionNone;
    }
    this.draft = next;
  }

  private handleDeviceChange(event: Event): void {
    if (!this.draft || this.saving) return;
    const select = event.target as HTMLSelectElement;
    this.draft =
      select.id === 'call-using' ? { ...this.draft, callUsing: select.value } : { ...this.draft, sendCallsTo: select.value };
  }

  private async handleDone(): Promise<void> {
    const store = this.data.store;
    const draft = this.draft;
    if (this.saving || !store || !draft) return;
    const locale = localeOf(this);
    const shared = sharedStrings[locale];
    const name = this.data.state.data ? (findStatus(this.data.state.data, draft.id)?.name ?? draft.id) : draft.id;
    this.saving = true;
    this.saveError = '';
    this.announcement = shared.saving;
    try {
      await store.updateStatus(draft);
    } catch (error) {
      // Stay on Edit Status with the draft, and say why (SYNC-3).
      if (this.draft === draft) {
        this.saving = false;
        this.saveError = failureReason(error, locale);
        this.announcement = this.saveError;
      }
      return;
    }
    this.announcement = statusRemotePickerStrings[locale].statusSaved(name);
    if (this.draft?.id === draft.id) this.closeEditor();
    this.dispatchEvent(new StatusSavedEvent(draft.id));
  }

  private handleCancel(): void {
    this.announcement = '';
    this.closeEditor();
  }

  private handleRetry(): void {
    void this.data.store?.refresh();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'status-remote-picker': StatusRemotePicker;
  }
  interface GlobalEventHandlersEventMap {
    'status-saved': StatusSavedEvent;
  }
}
