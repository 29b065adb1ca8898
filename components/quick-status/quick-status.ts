import { css, html, nothing, type PropertyValues } from 'lit';
import {
  activeRemoteExtension,
  activeStatus,
  chooseRemoteExtension,
  callRouting,
  findStatus,
  remoteExtensions,
  routingChange,
  supportsRemoteExtension,
  type Snapshot,
} from '../../src/model/index.js';
import { changeState, inForce, type StoreState } from '../../src/store/index.js';
import { ActiveStatusChangeEvent } from '../availability-menu/availability-menu.js';
import { presenceDot, presenceStyles } from '../shared/presence.js';
import { SaveController } from '../shared/save.js';
import { remoteExtensionOptions, selectStyles, showSelectValues } from '../shared/status-controls.js';
import { StoreElement } from '../shared/store-element.js';
import { StatusRadioGroup, statusRadioStyles } from './status-radio-group.js';
import { watchView } from '../shared/store-controller.js';
import { baseStyles, listStyles } from '../shared/styles.js';
import { quickStatusStrings, type QuickStatusStrings } from './strings.js';

/** Keys that would change a closed native select; swallowed while it is aria-disabled. */
const SELECT_CHANGING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown', 'Enter']);
const changesSelect = (event: KeyboardEvent): boolean =>
  SELECT_CHANGING_KEYS.has(event.key) || (event.key.length === 1 && !event.ctrlKey && !event.metaKey); // or typed to jump

/** A Remote Extension chosen with the keys and not saved yet ('' is None), and the status it is for. */
type Draft = { readonly statusId: string; readonly value: string };
function stands(data: Snapshot, draft: Draft): boolean {
  const status = activeStatus(data);
  const offered = draft.value === '' || remoteExtensions(data).some((n) => n.id === draft.value);
  return status.id === draft.statusId && offered && draft.value !== (status.remoteExtensionId ?? '');
}

/**
 * A Remote Extension as the popup's dropdown names it: by its label alone, so that the closed
 * dropdown shows it whole at 320 px (the summary gives its number), with the number only when two
 * have the same label.
 */
function optionText(data: Snapshot, numberText: (label: string, dial: string | null) => string) {
  const labels = remoteExtensions(data).map((n) => n.label);
  return (label: string, dial: string | null) =>
    labels.indexOf(label) === labels.lastIndexOf(label) ? label : numberText(label, dial);
}

/**
 * @tagname quick-status
 * @summary The browser extension popup's element (EXT-1): the status in force and its Remote
 * Extension at a glance, every dynamic status one click away (ACT-1), and the current status's
 * Remote Extension dropdown (STAT-2, STAT-3), in a space about 320 px wide.
 *
 * The statuses are a WAI-ARIA radio group with a roving tabindex: Tab enters on the checked
 * status; the arrows (wrapping) and Home/End move focus only, and Space, Enter or a click makes
 * the focused status active. Choosing shows at once (optimistic), marks the group busy with
 * "Saving…", then announces the new status, or rolls back and shows the platform's reason next to
 * the group (SYNC-3). Every element in the same provider follows (ACT-2).
 *
 * The dropdown is labelled with the status it edits. A Remote Extension picked from its list (by
 * pointer or assistive technology) saves at once through the model's `chooseRemoteExtension`, so
 * Call Using and Send my calls to follow it (STAT-3) and go back to the platform's default device
 * on None (STAT-6). One changed by keys on the closed dropdown (arrows, Home/End, typing) waits: a
 * Save button appears, the dropdown is described as not saved yet, and Enter or Save saves it;
 * Escape, or the saved value again, puts it back. The summary's Calls line names the phone that
 * rings and the one that places calls, as in force now (a change waiting to be sent is not yet).
 * While changes wait to be sent, a note says how many, with a button that discards them. On a platform other than MiVoice MX-One the dropdown is not there and one
 * note says why (PLAT-1); without permission to manage statuses it stays focusable but
 * aria-disabled, described by the reason.
 *
 * @fires {ActiveStatusChangeEvent} active-status-change - The platform accepted the status chosen here.
 *
 * @csspart summary - The at-a-glance list: current status and active Remote Extension.
 * @csspart presence - The presence dot beside a status name.
 * @csspart group - The radio group of statuses.
 * @csspart option - One status in the group.
 * @csspart remote-extension - The Remote Extension label and dropdown.
 * @csspart select - The Remote Extension dropdown.
 * @csspart save - The Save button, while a Remote Extension chosen with the keys is not saved.
 * @csspart note - The notes (offline, Remote Extension needs MX-One, not permitted).
 * @csspart error - Why a change or the load failed.
 * @csspart retry - The Try again button after a failed load.
 *
 * @cssprop --re-presence-available - Dot colour for available statuses.
 * @cssprop --re-presence-busy - Dot colour for busy statuses.
 * @cssprop --re-presence-away - Dot colour for away statuses.
 * @cssprop --re-presence-dnd - Dot colour for Do Not Disturb.
 */
export class QuickStatus extends StoreElement<QuickStatusStrings> {
  static override styles = [
    baseStyles,
    presenceStyles,
    listStyles,
    statusRadioStyles,
    selectStyles,
    css`
      :host {
        min-width: 0;
        overflow-wrap: anywhere;
      }
      p {
        margin: 0 0 0.5em;
      }
      dl {
        display: grid;
        gap: 0.1em;
        margin: 1em 0 0;
        padding-block-start: 0.75em;
        border-block-start: 1px solid var(--_muted);
      }
      dt {
        color: var(--_muted);
        font-size: 0.85em;
      }
      dd {
        display: flex;
        align-items: center;
        gap: 0.4em;
        margin: 0 0 0.25em;
        font-weight: 600;
      }
      .label {
        display: block;
        margin-block-end: 0.2em;
        font-weight: 600;
      }
      .remote-extension {
        margin-block-start: 0.75em;
      }
      /*
       * Two lines kept for the label, which names the active status: choosing a status with a
       * longer name moves the dropdown under it by nothing (it wraps at 320 px).
       */
      .remote-extension > .label {
        display: flex;
        align-items: flex-end;
        min-block-size: 2lh;
      }
      .row {
        display: flex;
        gap: 0.4em;
      }
      select {
        flex: 1;
        min-width: 0;
      }
      .after {
        margin: 0.25em 0 0;
        font-size: 0.9em;
      }
      /* One line kept for "Saving…" or "Waiting to be sent", so they come and go moving nothing. */
      .state {
        min-block-size: 1lh;
      }
    `,
  ];

  protected readonly table = quickStatusStrings;

  /** Status changes asked for here: "Saving…", then the new status or why it was refused. */
  readonly #statusSave = new SaveController(this, this.live, () => this.data.store);
  /** Remote Extension changes sent from here, and why the last one was refused. */
  readonly #remoteExtensionSave = new SaveController(this, this.live, () => this.data.store);
  /** The status of the last Remote Extension change: its refusal shows only while it is the current one. */
  #remoteExtensionFor: string | null = null;
  /** The Remote Extension chosen with the keys, not saved yet. */
  #draft: Draft | null = null;
  /** Whether the dropdown's last input was a key that changes it: its next `change` waits for Save. */
  #keyed = false;
  readonly #radios = new StatusRadioGroup(this, (statusId) => void this.#choose(statusId));

  /**
   * The view, what is pending ("Saving…" follows changes made by other elements too), and while
   * changes wait to be sent, the settings in force, which the summary shows.
   */
  protected override watch(state: StoreState): readonly unknown[] {
    return [...watchView(state), state.pending, state.waiting && state.confirmed];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A choice not saved goes with its status or its option, or once the status holds it.
    const { data } = this.data.state;
    if (this.#draft && !(data && stands(data, this.#draft))) this.#draft = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The select shows the choice not saved yet, else what the Store holds (after a rollback too).
    const data = this.data.state.data;
    if (data) showSelectValues(this.renderRoot, { 'remote-extension': this.#draft?.value ?? activeStatus(data).remoteExtensionId ?? '' });
  }

  protected override render() {
    const { data } = this.data.state;
    return html`
      ${data
        ? // The controls first, what is in force and what waits after them: a choice that changes
          // the summary's length (a long number, a note) moves nothing under the pointer.
          html`${this.#renderGroup(data)}${this.#renderRemoteExtension(data)}${this.#renderSummary(inForce(this.data.state) ?? data)}`
        : this.renderLoadState()}
      ${this.renderWaitingNote()}
      ${this.live.render()}
    `;
  }

  /** What is in force now, as text (EXT-1): not a change still waiting to be sent. */
  #renderSummary(data: Snapshot) {
    const strings = this.strings;
    const active = activeStatus(data);
    const remoteExtension = activeRemoteExtension(data);
    return html`
      <dl part="summary">
        <dt>${strings.currentStatus}</dt>
        <dd>${presenceDot(active)}<span>${active.name}</span></dd>
        ${supportsRemoteExtension(data.platform)
          ? html`
              <dt>${strings.activeRemoteExtension}</dt>
              <dd>
                ${remoteExtension
                  ? html`<span dir="auto">${strings.numberText(remoteExtension.label, remoteExtension.dial)}</span>`
                  : html`<span>${strings.noRemoteExtension}</span>`}
              </dd>
            `
          : nothing}
        <dt>${strings.calls}</dt>
        <dd><span>${this.shared.whereCallsGo(callRouting(data))}</span></dd>
      </dl>
    `;
  }

  /** Every status one click away (ACT-1), as a radio group whose arrows only move focus. */
  #renderGroup(data: Snapshot) {
    const busy = this.#activationPending;
    const error = this.#statusSave.error;
    return html`
      <span id="group-label" class="label">${this.strings.status}</span>
      ${this.#radios.render({
        statuses: data.statuses,
        checkedId: data.activeStatusId,
        labelledBy: 'group-label',
        busy,
        describedBy: error ? 'status-error' : undefined,
      })}
      <p class="after muted state">${busy ? this.shared.saving : changeState(this.data.state, 'active-status') === 'waiting' ? this.shared.waitingToSend : ''}</p>
      ${error ? html`<p id="status-error" class="after error" part="error">${error}</p>` : nothing}
    `;
  }

  /** The current status's Remote Extension (STAT-2), or why there is none here (PLAT-1). */
  #renderRemoteExtension(data: Snapshot) {
    const strings = this.strings;
    const shared = this.shared;
    if (!supportsRemoteExtension(data.platform)) {
      return html`<p class="after muted remote-extension" part="note">${shared.remoteExtensionNeedsMxOne}</p>`;
    }
    const status = activeStatus(data);
    const permitted = data.platform.permissions.manageStatuses;
    const routing = changeState(this.data.state, 'status', status.id);
    const busy = this.#remoteExtensionSave.pending || routing === 'saving';
    const error = this.#remoteExtensionFor === status.id ? this.#remoteExtensionSave.error : '';
    const unsaved = this.#draft !== null;
    const describedBy = [!permitted && 'not-permitted', unsaved && 'remote-extension-unsaved', error && 'remote-extension-error'];
    return html`
      <div class="remote-extension" part="remote-extension" aria-busy=${busy ? 'true' : 'false'}>
        <label class="label" for="remote-extension">${strings.remoteExtensionFor(status.name)}</label>
        <div class="row">
          <select
            id="remote-extension"
            part="select"
            aria-disabled=${permitted ? 'false' : 'true'}
            aria-describedby=${describedBy.filter(Boolean).join(' ') || nothing}
            @change=${this.#handleRemoteExtensionChange}
            @keydown=${this.#handleSelectKeydown}
            @mousedown=${this.#handleSelectMousedown}
          >
            ${remoteExtensionOptions(data, status.remoteExtensionId, shared.none, optionText(data, strings.numberText))}
          </select>
          ${unsaved ? html`<button type="button" part="save" @click=${this.#handleSaveClick}>${strings.save}</button>` : nothing}
        </div>
        ${unsaved ? html`<p id="remote-extension-unsaved" class="after muted">${strings.unsaved}</p>` : nothing}
        <p class="after muted state">${busy ? shared.saving : routing === 'waiting' ? shared.waitingToSend : ''}</p>
        ${permitted ? nothing : html`<p id="not-permitted" class="after muted" part="note">${shared.problem({ code: 'not-permitted' })}</p>`}
        ${error
          ? html`<p id="remote-extension-error" class="after error" part="error">${error}</p>`
          : nothing}
      </div>
    `;
  }

  /**
   * Whether a status change, from here or another element of the provider, is on its way; one
   * waiting to be sent is not (SYNC-4): another choice joins it in the outbox.
   */
  get #activationPending(): boolean {
    return this.#statusSave.pending || changeState(this.data.state, 'active-status') === 'saving';
  }

  /** Makes `statusId` the active status: shown at once by the Store, reverted if refused (SYNC-3). */
  async #choose(statusId: string): Promise<void> {
    const { store } = this.data;
    const data = this.data.state.data;
    const status = data && findStatus(data, statusId);
    if (!store || !data || !status || statusId === data.activeStatusId || this.#activationPending) return;
    const strings = this.strings;
    const saved = await this.#statusSave.run(() => store.setActiveStatus(statusId), {
      saved: () => strings.nowYourStatus(status.name),
      waiting: strings.statusWaits(status.name),
    });
    if (saved && !saved.waiting) this.dispatchEvent(new ActiveStatusChangeEvent(statusId));
  }

  /** A pick from the list saves; a change made with the keys waits for Enter or Save. */
  readonly #handleRemoteExtensionChange = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    const keyed = this.#keyed;
    this.#keyed = false;
    const data = this.data.state.data;
    if (!keyed || !data?.platform.permissions.manageStatuses) return void this.#saveRemoteExtension(select);
    const status = activeStatus(data);
    const first = this.#draft === null;
    this.#draft = select.value === (status.remoteExtensionId ?? '') ? null : { statusId: status.id, value: select.value };
    if (first && this.#draft) this.live.say(this.strings.unsaved);
    this.requestUpdate();
  };

  readonly #handleSaveClick = (): void => {
    const select = this.renderRoot.querySelector('select');
    select?.focus();
    if (select) void this.#saveRemoteExtension(select);
  };

  /** Saves the current status's new Remote Extension, with Call Using and Send my calls to (STAT-3, STAT-6). */
  async #saveRemoteExtension(select: HTMLSelectElement): Promise<void> {
    const { store } = this.data;
    const data = this.data.state.data;
    this.#draft = null;
    this.requestUpdate();
    if (!store || !data) return;
    const status = activeStatus(data);
    if (!data.platform.permissions.manageStatuses) {
      select.value = status.remoteExtensionId ?? '';
      return;
    }
    const chosen = select.value === '' ? null : select.value;
    if (chosen === status.remoteExtensionId) return;
    const { id, remoteExtensionId, callUsing, sendCallsTo } = status;
    const before = { id, remoteExtensionId, callUsing, sendCallsTo };
    const routing = chooseRemoteExtension(data, before, chosen);
    const saved = this.shared.routingChange(routingChange(data, before, routing));
    this.#remoteExtensionFor = id;
    await this.#remoteExtensionSave.run(() => store.updateStatus(routing), {
      saved: () => saved,
      waiting: this.strings.remoteExtensionWaits(status.name),
    });
  }

  /**
   * Enter saves a choice made by keys, Escape undoes it, other changing keys make it wait. An
   * aria-disabled select stays focusable (its reason can be read) but does not change.
   */
  readonly #handleSelectKeydown = (event: KeyboardEvent): void => {
    const select = event.currentTarget as HTMLSelectElement;
    if (select.getAttribute('aria-disabled') === 'true') {
      if (changesSelect(event)) event.preventDefault();
    } else if (event.key === 'Enter' && this.#draft) {
      event.preventDefault();
      void this.#saveRemoteExtension(select);
    } else if (event.key === 'Escape' && this.#draft) {
      event.preventDefault();
      this.#draft = null;
      this.requestUpdate();
    } else if (event.key !== 'Enter' && changesSelect(event)) {
      this.#keyed = true;
    }
  };

  /** A mouse or touch opens the list (not while aria-disabled), and what is picked there saves. */
  readonly #handleSelectMousedown = (event: MouseEvent): void => {
    this.#keyed = false;
    if ((event.currentTarget as HTMLElement).getAttribute('aria-disabled') === 'true') event.preventDefault();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'quick-status': QuickStatus;
  }
}
