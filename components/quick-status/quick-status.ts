import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { queryAll, state } from 'lit/decorators.js';
import {
  activeRemoteExtension,
  activeStatus,
  chooseRemoteExtension,
  findDevice,
  findNumber,
  findStatus,
  remoteExtensions,
  supportsRemoteExtension,
  type DynamicStatus,
  type Snapshot,
  type StatusRouting,
} from '../../src/model/index.js';
import { ActiveStatusChangeEvent } from '../availability-menu/availability-menu.js';
import { ConnectivityController } from '../shared/connectivity.js';
import { localeOf } from '../shared/locale.js';
import { menuFocusIndex } from '../shared/menu.js';
import { StoreController, watchView } from '../shared/store-controller.js';
import { failureReason, sharedStrings } from '../shared/strings.js';
import { presenceStyles } from '../shared/presence.js';
import { baseStyles } from '../shared/styles.js';
import { quickStatusStrings } from './strings.js';

/** Keys that would change a closed native select; swallowed while it is aria-disabled. */
const SELECT_CHANGING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown', 'Enter']);

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
 * Changing the Remote Extension saves at once through the model's `chooseRemoteExtension`, so Call
 * Using and Send my calls to follow it (STAT-3) and go back to the platform's default device on
 * None (STAT-6). On a platform other than MiVoice MX-One the dropdown is not there and one note
 * says why (PLAT-1); without permission to manage statuses it stays focusable but aria-disabled,
 * described by the reason.
 *
 * @fires {ActiveStatusChangeEvent} active-status-change - The platform accepted the status chosen here.
 *
 * @csspart summary - The at-a-glance list: current status and active Remote Extension.
 * @csspart presence - The presence dot beside a status name.
 * @csspart group - The radio group of statuses.
 * @csspart option - One status in the group.
 * @csspart remote-extension - The Remote Extension label and dropdown.
 * @csspart select - The Remote Extension dropdown.
 * @csspart note - The notes (offline, Remote Extension needs MX-One, not permitted).
 * @csspart error - Why a change or the load failed.
 *
 * @cssprop --re-presence-available - Dot colour for available statuses.
 * @cssprop --re-presence-busy - Dot colour for busy statuses.
 * @cssprop --re-presence-away - Dot colour for away statuses.
 * @cssprop --re-presence-dnd - Dot colour for Do Not Disturb.
 */
export class QuickStatus extends LitElement {
  static override styles = [
    baseStyles,
    presenceStyles,
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
        margin: 0 0 0.75em;
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
      [role='radiogroup'] {
        display: grid;
        gap: 0.1em;
        margin-block-end: 0.25em;
      }
      [role='radio'] {
        display: flex;
        align-items: center;
        gap: 0.5em;
        padding: 0.3em 0.5em;
        border-radius: var(--_radius);
        cursor: pointer;
      }
      [role='radio']:hover {
        background: color-mix(in srgb, var(--_accent) 10%, transparent);
      }
      [role='radio'][aria-checked='true'] {
        background: color-mix(in srgb, var(--_accent) 15%, transparent);
        font-weight: 600;
      }
      [role='radio']:focus-visible {
        outline-offset: -2px;
      }
      .radio {
        flex: none;
        width: 1em;
        height: 1em;
        border: 2px solid var(--_muted);
        border-radius: 50%;
      }
      [aria-checked='true'] > .radio {
        border-color: var(--_accent);
        box-shadow: inset 0 0 0 0.18em var(--_surface), inset 0 0 0 0.5em var(--_accent);
      }
      .remote-extension {
        margin-block-start: 0.75em;
      }
      select {
        width: 100%;
        min-height: 2em;
        border: 1px solid var(--_muted);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      select[aria-disabled='true'] {
        opacity: 0.6;
        cursor: not-allowed;
      }
      .after {
        margin: 0.25em 0 0;
        font-size: 0.9em;
      }
    `,
  ];

  private readonly data = new StoreController(this, (s) => [...watchView(s), s.pending]);

  /** A status change this element asked for that the platform has not answered yet. */
  @state() private choosing = false;
  /** Why the last status change was refused, shown under the group. */
  @state() private statusError = '';
  /** Remote Extension changes this element sent that the platform has not answered yet. */
  @state() private remoteExtensionSaves = 0;
  /**
   * Why the last Remote Extension change was refused, and for which status: shown under the
   * dropdown only while that status is the current one.
   */
  @state() private remoteExtensionError: { readonly statusId: string; readonly reason: string } | null = null;
  /** The polite live region's text. */
  @state() private announcement = '';
  private readonly connectivity = new ConnectivityController(this);
  /**
   * The radio that has focus, while one has. The roving tabindex follows it, so Tab leaves the
   * group from there; once focus is outside, the checked radio is the group's one tab stop again.
   */
  @state() private focusedId: string | null = null;

  @queryAll('[role="radio"]') private radios!: NodeListOf<HTMLElement>;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The select shows what the Store holds, also after a rollback or a change made elsewhere:
    // the person's pick in a native select outlives re-renders unless it is put back here.
    const select = this.renderRoot.querySelector('select');
    const data = this.data.state.data;
    if (select && data) {
      const value = activeStatus(data).remoteExtensionId ?? '';
      if (select.value !== value) select.value = value;
    }
  }

  /** Nothing until there is something to show (see `StoreController.ready`). */
  protected override shouldUpdate(): boolean {
    return this.data.ready;
  }

  protected override render() {
    const locale = localeOf(this);
    const shared = sharedStrings[locale];
    const { data, phase, loadError } = this.data.state;
    let body;
    if (data) {
      body = html`${this.renderSummary(data)}${this.renderGroup(data)}${this.renderRemoteExtension(data)}`;
    } else if (phase === 'error') {
      body = html`
        <p class="error" part="error">${shared.loadFailed(loadError?.message ?? '')}</p>
        <button type="button" @click=${this.handleRetry}>${shared.retry}</button>
      `;
    } else {
      body = html`<p class="muted" aria-busy="true">${shared.loading}</p>`;
    }
    return html`
      ${this.connectivity.offline ? html`<p class="muted" part="note">${shared.offline}</p>` : nothing} ${body}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  /** What is in force now, as text (EXT-1). */
  private renderSummary(data: Snapshot) {
    const strings = quickStatusStrings[localeOf(this)];
    const active = activeStatus(data);
    const remoteExtension = activeRemoteExtension(data);
    return html`
      <dl part="summary">
        <dt>${strings.currentStatus}</dt>
        <dd>${this.renderPresence(active)}<span>${active.name}</span></dd>
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
      </dl>
    `;
  }

  /**
   * Every status one click away (ACT-1). APG's radio group checks the radio the arrows move to;
   * here each check is a call to the platform and changes where the person's calls ring, so the
   * arrows only move focus and Space, Enter or a click chooses.
   */
  private renderGroup(data: Snapshot) {
    const locale = localeOf(this);
    const strings = quickStatusStrings[locale];
    const shared = sharedStrings[locale];
    const busy = this.activationPending;
    const tabStop = this.focusedId !== null && findStatus(data, this.focusedId) ? this.focusedId : data.activeStatusId;
    return html`
      <span id="group-label" class="label">${strings.status}</span>
      <div
        role="radiogroup"
        part="group"
        aria-labelledby="group-label"
        aria-busy=${busy ? 'true' : 'false'}
        aria-describedby=${this.statusError ? 'status-error' : nothing}
        @keydown=${this.handleGroupKeydown}
        @focusin=${this.handleGroupFocusin}
        @focusout=${this.handleGroupFocusout}
      >
        ${data.statuses.map(
          (status) => html`
            <div
              role="radio"
              part="option"
              tabindex=${status.id === tabStop ? '0' : '-1'}
              aria-checked=${status.id === data.activeStatusId ? 'true' : 'false'}
              data-status-id=${status.id}
              @click=${() => void this.choose(status.id)}
            >
              <span class="radio" aria-hidden="true"></span>
              ${this.renderPresence(status)}
              <span>${status.name}</span>
            </div>
          `,
        )}
      </div>
      ${busy ? html`<p class="after muted">${shared.saving}</p>` : nothing}
      ${this.statusError ? html`<p id="status-error" class="after error" part="error">${this.statusError}</p>` : nothing}
    `;
  }

  /** The current status's Remote Extension (STAT-2), or why there is none here (PLAT-1). */
  private renderRemoteExtension(data: Snapshot) {
    const locale = localeOf(this);
    const strings = quickStatusStrings[locale];
    const shared = sharedStrings[locale];
    if (!supportsRemoteExtension(data.platform)) {
      return html`<p class="after muted remote-extension" part="note">${shared.remoteExtensionNeedsMxOne}</p>`;
    }
    const status = activeStatus(data);
    const permitted = data.platform.permissions.manageStatuses;
    const busy = this.remoteExtensionSaves > 0 || this.data.state.pending.some((c) => c.type === 'status/update' && c.status.id === status.id);
    const error = this.remoteExtensionError?.statusId === status.id ? this.remoteExtensionError.reason : '';
    const describedBy = [permitted ? '' : 'not-permitted', error ? 'remote-extension-error' : '']
      .filter(Boolean)
      .join(' ');
    return html`
      <div class="remote-extension" part="remote-extension" aria-busy=${busy ? 'true' : 'false'}>
        <label class="label" for="remote-extension">${strings.remoteExtension}</label>
        <select
          id="remote-extension"
          part="select"
          aria-disabled=${permitted ? 'false' : 'true'}
          aria-describedby=${describedBy || nothing}
          @change=${this.handleRemoteExtensionChange}
          @keydown=${this.handleSelectKeydown}
          @mousedown=${this.handleSelectMousedown}
        >
          <option value="" ?selected=${status.remoteExtensionId === null}>${shared.none}</option>
          ${remoteExtensions(data).map(
            (n) => html`<option value=${n.id} ?selected=${status.remoteExtensionId === n.id}>${strings.numberText(n.label, n.dial)}</option>`,
          )}
        </select>
        ${busy ? html`<p class="after muted">${shared.saving}</p>` : nothing}
        ${permitted ? nothing : html`<p id="not-permitted" class="after muted" part="note">${shared.problem({ code: 'not-permitted' })}</p>`}
        ${error
          ? html`<p id="remote-extension-error" class="after error" part="error">${error}</p>`
          : nothing}
      </div>
    `;
  }

  private renderPresence(status: DynamicStatus) {
    return html`<span class="presence ${status.presence}" part="presence" aria-hidden="true"></span>`;
  }

  /** Whether a status change, from here or another element of the provider, is on its way. */
  private get activationPending(): boolean {
    return this.choosing || this.data.state.pending.some((c) => c.type === 'status/activate');
  }

  /** Makes `statusId` the active status: shown at once by the Store, reverted if refused (SYNC-3). */
  private async choose(statusId: string): Promise<void> {
    const { store } = this.data;
    const data = this.data.state.data;
    const status = data && findStatus(data, statusId);
    if (!store || !data || !status || statusId === data.activeStatusId || this.activationPending) return;
    const locale = localeOf(this);
    this.choosing = true;
    this.statusError = '';
    this.announcement = sharedStrings[locale].saving;
    try {
      await store.setActiveStatus(statusId);
      this.announcement = quickStatusStrings[locale].nowYourStatus(status.name);
      this.dispatchEvent(new ActiveStatusChangeEvent(statusId));
    } catch (error) {
      this.statusError = failureReason(error, locale);
      this.announcement = this.statusError;
    } finally {
      this.choosing = false;
    }
  }

  private readonly handleGroupKeydown = (event: KeyboardEvent): void => {
    const radios = [...this.radios];
    const current = radios.findIndex((radio) => radio.matches(':focus'));
    if (current < 0) return;
    // Right and Down both mean next in APG's radio group, Left and Up previous.
    const key = event.key === 'ArrowRight' ? 'ArrowDown' : event.key === 'ArrowLeft' ? 'ArrowUp' : event.key;
    const next = menuFocusIndex(key, current, radios.length);
    if (next !== null) {
      event.preventDefault();
      const radio = radios[next];
      if (!radio) return;
      this.focusedId = radio.dataset['statusId'] ?? null;
      radio.focus();
      return;
    }
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      const id = radios[current]?.dataset['statusId'];
      if (id) void this.choose(id);
    }
  };

  private readonly handleGroupFocusin = (event: FocusEvent): void => {
    const id = (event.target as HTMLElement).dataset['statusId'];
    if (id) this.focusedId = id;
  };

  private readonly handleGroupFocusout = (event: FocusEvent): void => {
    const to = event.relatedTarget;
    const group = event.currentTarget as HTMLElement;
    if (!(to instanceof Node && group.contains(to))) this.focusedId = null;
  };

  private readonly handleRemoteExtensionChange = (event: Event): void => {
    void this.saveRemoteExtension(event.target as HTMLSelectElement);
  };

  /** Saves the current status's new Remote Extension at once, with Call Using and Send my calls to (STAT-3, STAT-6). */
  private async saveRemoteExtension(select: HTMLSelectElement): Promise<void> {
    const { store } = this.data;
    const data = this.data.state.data;
    if (!store || !data) return;
    const status = activeStatus(data);
    if (!data.platform.permissions.manageStatuses) {
      select.value = status.remoteExtensionId ?? '';
      return;
    }
    const chosen = select.value === '' ? null : select.value;
    if (chosen === status.remoteExtensionId) return;
    const locale = localeOf(this);
    const strings = quickStatusStrings[locale];
    const { id, remoteExtensionId, callUsing, sendCallsTo } = status;
    const routing: StatusRouting = chooseRemoteExtension(data, { id, remoteExtensionId, callUsing, sendCallsTo }, chosen);
    let saved: string;
    if (routing.remoteExtensionId !== null) {
      saved = strings.remoteExtensionSaved(findNumber(data, routing.remoteExtensionId)?.label ?? routing.remoteExtensionId);
    } else if (routing.callUsing !== callUsing || routing.sendCallsTo !== sendCallsTo) {
      saved = strings.remoteExtensionCleared(findDevice(data, data.platform.defaultDeviceId)?.label ?? data.platform.defaultDeviceId);
    } else {
      saved = strings.remoteExtensionNone;
    }
    this.remoteExtensionSaves++;
    this.remoteExtensionError = null;
    this.announcement = sharedStrings[locale].saving;
    try {
      await store.updateStatus(routing);
      this.announcement = saved;
    } catch (error) {
      const reason = failureReason(error, locale);
      this.remoteExtensionError = { statusId: id, reason };
      this.announcement = reason;
    } finally {
      this.remoteExtensionSaves--;
    }
  }

  /** An aria-disabled select stays focusable (its reason can be read) but does not change. */
  private readonly handleSelectKeydown = (event: KeyboardEvent): void => {
    if ((event.currentTarget as HTMLElement).getAttribute('aria-disabled') !== 'true') return;
    if (SELECT_CHANGING_KEYS.has(event.key) || (event.key.length === 1 && !event.ctrlKey && !event.metaKey)) {
      event.preventDefault();
    }
  };

  private readonly handleSelectMousedown = (event: MouseEvent): void => {
    if ((event.currentTarget as HTMLElement).getAttribute('aria-disabled') === 'true') event.preventDefault();
  };

  private readonly handleRetry = (): void => {
    void this.data.store?.refresh();
  };

}

declare global {
  interface HTMLElementTagNameMap {
    'quick-status': QuickStatus;
  }
}
