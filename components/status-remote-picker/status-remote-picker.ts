import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import {
  chooseRemoteExtension,
  devices,
  findNumber,
  findStatus,
  rebaseRouting,
  routingChange,
  supportsRemoteExtension,
  type DynamicStatus,
  type Snapshot,
  type StatusRouting,
} from '../../src/model/index.js';
import { SaveController } from '../shared/save.js';
import { remoteExtensionOptions, selectStyles, showSelectValues } from '../shared/status-controls.js';
import { StoreElement } from '../shared/store-element.js';
import { baseStyles, listStyles } from '../shared/styles.js';
import { presenceDetail, statusRemotePickerStrings, type StatusRemotePickerStrings } from './strings.js';
import { statusRemotePickerStyles } from './styles.js';
import { StatusSavedEvent } from './events.js';

export { StatusSavedEvent };

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
 * When the platform changes while a draft is open (change feed, SYNC-6), the model's
 * `rebaseRouting` keeps it, resets it to None if its Remote Extension is gone (announced), or ends
 * it if the status is gone (back to the list). Anything else the platform no longer accepts (a
 * removed Call Using device) is refused on Done, with the reason shown next to Done.
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
 * @csspart retry - The Try again button after a failed load.
 *
 * @cssprop --re-color-accent - See `baseStyles`; every `--re-*` property applies.
 */
export class StatusRemotePicker extends StoreElement<StatusRemotePickerStrings> {
  static override styles = [baseStyles, selectStyles, listStyles, statusRemotePickerStyles];

  protected readonly table = statusRemotePickerStrings;

  /** The routing being edited; null while the list is shown. */
  @state() private draft: StatusRouting | null = null;

  /** Done: "Saving…", then the status saved or why it was refused. */
  readonly #save = new SaveController(this, this.live, () => this.data.store);

  /** The draft Done sent: the editor says "Saving…" while it is still the one shown (STAT-5). */
  #sent: StatusRouting | null = null;

  /** Where focus goes after the next render: a status's button, or the Edit Status heading. */
  #focusTarget: { kind: 'status'; id: string } | { kind: 'editor' } | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving without Done discards the draft (STAT-5); a save in flight still completes.
    this.draft = null;
    this.#save.clear();
    this.#focusTarget = null;
  }

  /** Done was pressed on the draft shown and the platform has not answered yet. */
  get #saving(): boolean {
    return this.#save.pending && this.draft !== null && this.draft === this.#sent;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const data = this.data.state.data;
    if (!this.draft || !data) return;
    // The platform changed while a draft is open (SYNC-6).
    const draft = rebaseRouting(data, this.draft);
    if (draft === this.draft) return;
    this.live.say(draft ? this.strings.remoteExtensionGone : this.strings.statusGone);
    if (!draft) this.#save.clear();
    this.draft = draft;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const draft = this.draft;
    if (draft) {
      showSelectValues(this.renderRoot, {
        'remote-extension': draft.remoteExtensionId ?? '',
        'call-using': draft.callUsing,
        'send-calls-to': draft.sendCallsTo,
      });
    }
    const target = this.#focusTarget;
    if (!target) return;
    this.#focusTarget = null;
    const root = this.renderRoot as ShadowRoot;
    const element =
      target.kind === 'editor'
        ? root.querySelector<HTMLElement>('#edit-heading')
        : root.querySelector<HTMLElement>(`button[data-status-id="${CSS.escape(target.id)}"]`);
    element?.focus();
  }

  protected override render() {
    const { data } = this.data.state;
    const status = data && this.draft ? findStatus(data, this.draft.id) : undefined;
    const body = !data ? this.renderLoadState() : this.draft && status ? this.#renderEditor(data, status, this.draft) : this.#renderList(data);
    return html`${body} ${this.live.render()}`;
  }

  #renderList(data: Snapshot) {
    const strings = this.strings;
    return html`
      <h2 part="heading">${strings.manageStatus}</h2>
      ${data.statuses.length === 0
        ? html`<p class="muted">${strings.noStatuses}</p>`
        : html`<ul class="list" part="list">
            ${data.statuses.map((status) => this.#renderStatus(data, status, strings))}
          </ul>`}
    `;
  }

  #renderStatus(data: Snapshot, status: DynamicStatus, strings: StatusRemotePickerStrings) {
    const remoteExtension = status.remoteExtensionId ? findNumber(data, status.remoteExtensionId) : undefined;
    const active = status.id === data.activeStatusId;
    const details = [presenceDetail(strings, status), remoteExtension?.label].filter(Boolean).join(' · ');
    return html`
      <li part="item">
        <button
          type="button"
          class="status"
          part="status"
          data-status-id=${status.id}
          aria-describedby="status-detail-${status.id}"
          @click=${() => this.#openEditor(status)}
        >
          ${status.name}
        </button>
        <span class="detail" id="status-detail-${status.id}"
          >${details}${active ? html`<span class="visually-hidden">${details ? ' · ' : ''}${strings.active}</span>` : nothing}</span
        >
        ${active ? html`<span class="active pill accent" part="active" aria-hidden="true">${strings.active}</span>` : nothing}
      </li>
    `;
  }

  #renderEditor(data: Snapshot, status: DynamicStatus, draft: StatusRouting) {
    const strings = this.strings;
    const shared = this.shared;
    const saving = this.#saving;
    const error = this.#save.error;
    const deviceOptions = (value: string) =>
      devices(data).map((d) => html`<option value=${d.id} ?selected=${d.id === value}>${strings.deviceOption(shared.deviceName(d), d.dial)}</option>`);
    return html`
      <section part="editor" aria-labelledby="edit-heading edit-name" aria-busy=${saving ? 'true' : 'false'}>
        <h2 id="edit-heading" part="heading" tabindex="-1">${strings.editStatus}</h2>
        <p id="edit-name" class="name">${status.name}</p>
        ${supportsRemoteExtension(data.platform)
          ? this.#renderSelect(
              'remote-extension',
              strings.remoteExtension,
              remoteExtensionOptions(data, draft.remoteExtensionId, shared.none, strings.deviceOption),
              this.#handleRemoteExtensionChange,
            )
          : html`<p class="muted" part="note">${shared.remoteExtensionNeedsMxOne}</p>`}
        ${this.#renderSelect('call-using', strings.callUsing, deviceOptions(draft.callUsing), this.#handleDeviceChange)}
        ${this.#renderSelect('send-calls-to', strings.sendCallsTo, deviceOptions(draft.sendCallsTo), this.#handleDeviceChange)}
        <div class="actions">
          <button
            type="button"
            class="primary"
            part="done"
            aria-disabled=${saving ? 'true' : 'false'}
            aria-describedby=${error ? 'save-error' : nothing}
            @click=${this.#handleDone}
          >
            ${saving ? shared.saving : strings.done}
          </button>
          <button type="button" part="cancel" @click=${this.#handleCancel}>${shared.cancel}</button>
          ${error ? html`<p id="save-error" class="error" part="error">${error}</p>` : nothing}
        </div>
      </section>
    `;
  }

  #renderSelect(id: string, label: string, options: unknown, onChange: (event: Event) => void) {
    return html`
      <div class="field" part="field">
        <label for=${id}>${label}</label>
        <select id=${id} part="select" ?disabled=${this.#saving} @change=${onChange}>
          ${options}
        </select>
      </div>
    `;
  }

  #openEditor(status: DynamicStatus): void {
    const { id, remoteExtensionId, callUsing, sendCallsTo } = status;
    this.draft = { id, remoteExtensionId, callUsing, sendCallsTo };
    this.#save.clear();
    this.live.say('');
    this.#focusTarget = { kind: 'editor' };
  }

  /** Back to the list, dropping the draft (STAT-5), with focus on the status that was open. */
  #closeEditor(): void {
    if (this.draft) this.#focusTarget = { kind: 'status', id: this.draft.id };
    this.draft = null;
    this.#save.clear();
  }

  /** STAT-3, STAT-6: Call Using and Send my calls to follow the Remote Extension at once, and that is said. */
  #handleRemoteExtensionChange(event: Event): void {
    const data = this.data.state.data;
    if (!data || !this.draft || this.#saving) return;
    const value = (event.target as HTMLSelectElement).value;
    const next = chooseRemoteExtension(data, this.draft, value === '' ? null : value);
    this.live.say(this.shared.routingChange(routingChange(data, this.draft, next)));
    this.draft = next;
  }

  #handleDeviceChange(event: Event): void {
    if (!this.draft || this.#saving) return;
    const select = event.target as HTMLSelectElement;
    this.draft =
      select.id === 'call-using' ? { ...this.draft, callUsing: select.value } : { ...this.draft, sendCallsTo: select.value };
  }

  /** Sends the draft in one call (STAT-5); refused, Edit Status stays open with the draft and says why (SYNC-3). */
  async #handleDone(): Promise<void> {
    const store = this.data.store;
    const draft = this.draft;
    if (this.#saving || !store || !draft) return;
    const strings = this.strings;
    const name = this.data.state.data ? (findStatus(this.data.state.data, draft.id)?.name ?? draft.id) : draft.id;
    this.#sent = draft;
    const saved = await this.#save.run(() => store.updateStatus(draft), {
      saved: () => {
        // Back to the list in the same render that says so.
        if (this.draft?.id === draft.id) this.#closeEditor();
        return strings.statusSaved(name);
      },
      waiting: strings.statusWaits(name),
    });
    // Kept in the outbox, the change is in the list already: back to it.
    if (saved?.waiting && this.draft?.id === draft.id) this.#closeEditor();
    if (saved && !saved.waiting) this.dispatchEvent(new StatusSavedEvent(draft.id));
    else if (this.draft !== draft) this.#save.clear(); // the reason belongs to an editor no longer shown
  }

  #handleCancel(): void {
    this.live.say('');
    this.#closeEditor();
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
