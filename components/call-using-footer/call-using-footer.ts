import { css, html, LitElement, nothing } from 'lit';
import { query, queryAll, state } from 'lit/decorators.js';
import {
  activeCallUsing,
  activeRemoteExtension,
  activeStatus,
  devices,
  findDevice,
  type Command,
  type Device,
  type PhoneNumber,
  type Snapshot,
} from '../../src/model/index.js';
import { MenuButtonController, radioMenuStyles } from '../shared/menu.js';
import { deepActiveElement } from '../shared/focus.js';
import { localeOf } from '../shared/locale.js';
import { renderLoadState } from '../shared/load-state.js';
import { StoreController, watchView } from '../shared/store-controller.js';
import { failureReason, sharedStrings } from '../shared/strings.js';
import { baseStyles } from '../shared/styles.js';
import { callUsingStrings } from './strings.js';

/**
 * Asks the page's `<call-using-footer>` to place a call (CALL-2). Dispatch it from anywhere in
 * the page: it bubbles and is composed, so it reaches the document from inside shadow roots. The
 * first footer to see it claims it with `preventDefault()`, so one prompt opens, not one per footer.
 */
export class PlaceCallRequestEvent extends Event {
  static readonly eventName = 'place-call-request';
  /** The number to call, as the person or host page has it. */
  readonly dial: string;

  constructor(dial: string) {
    super(PlaceCallRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.dial = dial;
  }
}

/** Fired when the platform has started a call from the Place Call With prompt. */
export class CallPlacedEvent extends Event {
  static readonly eventName = 'call-placed';
  readonly callId: string;
  readonly deviceId: string;
  readonly dial: string;

  constructor(call: { callId: string; deviceId: string; dial: string }) {
    super(CallPlacedEvent.eventName, { bubbles: true, composed: true });
    this.callId = call.callId;
    this.deviceId = call.deviceId;
    this.dial = call.dial;
  }
}

/**
 * @tagname call-using-footer
 * @summary The client footer's *Call Using* (CALL-1): the device that places outgoing calls in the
 * active status, and a menu to pick another. It also owns the *Place Call With* prompt (CALL-2),
 * opened by `placeCall(dial)` or by a `place-call-request` event from anywhere in the page; the
 * active remote extension is listed there and in the menu (CALL-3).
 *
 * @fires {CallPlacedEvent} call-placed - The platform started a call from the prompt.
 *
 * @csspart caption - The "Call Using" text.
 * @csspart button - The Call Using menu button.
 * @csspart menu - The list of devices.
 * @csspart item - One device in the menu.
 * @csspart dialog - The Place Call With prompt.
 * @csspart call-button - The prompt's Call button.
 * @csspart error - Why the last change or call failed.
 */
export class CallUsingFooter extends LitElement {
  static override styles = [
    baseStyles,
    radioMenuStyles,
    css`
      :host {
        position: relative;
      }
      .bar {
        display: flex;
        align-items: center;
        gap: 0.5em;
        flex-wrap: wrap;
      }
      .dial {
        color: var(--_muted);
        font-variant-numeric: tabular-nums;
      }
      .badge {
        font-size: 0.8em;
        padding: 0 0.4em;
        border: 1px solid var(--_accent);
        border-radius: var(--_radius);
        color: var(--_accent);
      }
      /* Above the button: the footer sits at the bottom of the client. */
      [role='menu'] {
        inset-block-end: calc(100% + 0.25em);
      }
      dialog {
        color: var(--_text);
        background: var(--_surface);
        border: 1px solid var(--_muted);
        border-radius: var(--_radius);
        min-width: min(22em, 90vw);
      }
      dialog h2 {
        margin: 0 0 0.5em;
        font-size: 1.2em;
      }
      fieldset {
        border: 1px solid var(--_muted);
        border-radius: var(--_radius);
        margin: 0.5em 0;
      }
      fieldset label {
        display: flex;
        align-items: center;
        gap: 0.5em;
        padding: 0.2em 0;
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        gap: 0.5em;
      }
      .error {
        margin: 0.25em 0;
      }
    `,
  ];

  private readonly data = new StoreController(this, (s) => [...watchView(s), s.pending.some(isStatusUpdate)]);

  /** A Call Using change this element asked for that the platform has not answered yet. */
  @state() private saving = false;
  /** Why the last Call Using change was refused. */
  @state() private error = '';
  /** The number the Place Call With prompt is about to call; null while it is closed. */
  @state() private dial: string | null = null;
  /** The device chosen in the prompt. */
  @state() private selectedDeviceId = '';
  /** The prompt's call is in flight. */
  @state() private calling = false;
  /** Why the prompt's call failed. */
  @state() private callError = '';
  /** The polite live region's text. */
  @state() private announcement = '';

  @query('button[aria-haspopup]') private button!: HTMLButtonElement;
  @queryAll('[role="menuitemradio"]') private items!: NodeListOf<HTMLElement>;
  @query('dialog') private dialog!: HTMLDialogElement;

  /** Where focus was when the prompt opened; it goes back there when the prompt closes. */
  private opener: HTMLElement | null = null;

  private readonly menu = new MenuButtonController(this, {
    button: () => this.button,
    menu: () => this.renderRoot.querySelector<HTMLElement>('[role="menu"]'),
    items: () => [...this.items],
    choose: (item) => {
      const id = item.dataset['deviceId'];
      if (id) void this.chooseDevice(id);
    },
    beforeOpen: () => {
      this.error = '';
      return this.data.state.data !== null;
    },
  });

  /** Whether the Call Using menu is showing. */
  get open(): boolean {
    return this.menu.open;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener(PlaceCallRequestEvent.eventName, this.handlePlaceCallRequest);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(PlaceCallRequestEvent.eventName, this.handlePlaceCallRequest);
  }

  /**
   * Opens the *Place Call With* prompt for `dial` (CALL-2), with the Call Using device — the
   * active remote extension when it is that device — preselected.
   */
  placeCall(dial: string): void {
    void this.openPrompt(dial);
  }

  /** Opens the Call Using menu and focuses the device in use. */
  show(): Promise<void> {
    return this.menu.show();
  }

  /** Closes the Call Using menu; `returnFocus` puts focus back on its button. */
  hide(returnFocus = false): void {
    this.menu.hide(returnFocus);
  }

  /** Nothing until there is something to show (see `StoreController.ready`). */
  protected override shouldUpdate(): boolean {
    return this.data.ready;
  }

  protected override render() {
    const { data } = this.data.state;
    const locale = localeOf(this);
    if (!data) return renderLoadState(this.data.state, sharedStrings[locale]);
    const strings = callUsingStrings[locale];
    const current = activeCallUsing(data);
    const activeRe = activeRemoteExtension(data);
    const busy = this.saving || this.data.state.pending.some(isStatusUpdate);
    return html`
      <div class="bar">
        <span part="caption" aria-hidden="true">${strings.callUsing}</span>
        <button
          type="button"
          part="button"
          aria-haspopup="menu"
          aria-controls="menu"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-busy=${busy ? 'true' : 'false'}
          aria-label=${strings.callUsingName(current?.label ?? strings.noDevice)}
          aria-describedby=${this.error ? 'error' : nothing}
          @click=${this.menu.handleButtonClick}
          @keydown=${this.menu.handleButtonKeydown}
        >
          ${current?.label ?? strings.noDevice}
        </button>
        ${current ? this.renderDeviceDetails(current, activeRe?.id) : nothing}
      </div>
      <div
        id="menu"
        role="menu"
        part="menu"
        aria-label=${strings.callUsing}
        ?hidden=${!this.open}
        @keydown=${this.menu.handleMenuKeydown}
        @focusout=${this.menu.handleMenuFocusout}
      >
        ${this.open ? this.renderItems(data, current, activeRe) : nothing}
      </div>
      ${this.error ? html`<p id="error" class="error" part="error">${this.error}</p>` : nothing}
      ${this.renderPrompt(data)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  /**
   * Every device, as menu items. Rendered only while the menu is open: closed, a page with
   * hundreds of numbers would keep hundreds of hidden items up to date on every change.
   */
  private renderItems(data: Snapshot, current: Device | undefined, activeRe: PhoneNumber | undefined) {
    return devices(data).map(
      (device) => html`
        <div
          role="menuitemradio"
          part="item"
          tabindex="-1"
          aria-checked=${device.id === current?.id ? 'true' : 'false'}
          data-device-id=${device.id}
          @click=${() => void this.chooseDevice(device.id)}
        >
          <span class="check" aria-hidden="true"></span>
          ${this.renderDevice(device, activeRe?.id)}
        </div>
      `,
    );
  }

  /** A device as text: its label, its number, and the Remote Extension mark for the active RE. */
  private renderDevice(device: Device, activeRemoteExtensionId: string | undefined) {
    return html`<span>${device.label}</span> ${this.renderDeviceDetails(device, activeRemoteExtensionId)}`;
  }

  /**
   * A device's number and mark. Beside the Call Using button rather than in it, so that the
   * button's visible text stays part of its accessible name (WCAG 2.5.3).
   */
  private renderDeviceDetails(device: Device, activeRemoteExtensionId: string | undefined) {
    const strings = callUsingStrings[localeOf(this)];
    return html`
      ${device.dial ? html`<span class="dial">${device.dial}</span>` : nothing}
      ${device.id === activeRemoteExtensionId ? html`<span class="badge">${strings.remoteExtension}</span>` : nothing}
    `;
  }

  private renderPrompt(data: Snapshot) {
    const strings = callUsingStrings[localeOf(this)];
    const activeRe = activeRemoteExtension(data);
    return html`
      <dialog part="dialog" aria-labelledby="prompt-heading" @close=${this.handlePromptClose}>
        ${this.dial === null
          ? nothing
          : html`
              <form @submit=${this.handlePromptSubmit}>
                <h2 id="prompt-heading">${strings.placeCallWith}</h2>
                <p>${strings.callTarget(this.dial)}</p>
                <fieldset>
                  <legend>${strings.placeCallWith}</legend>
                  ${devices(data).map(
                    (device) => html`
                      <label>
                        <input
                          type="radio"
                          name="device"
                          .value=${device.id}
                          .checked=${device.id === this.selectedDeviceId}
                          @change=${() => (this.selectedDeviceId = device.id)}
                        />
                        ${this.renderDevice(device, activeRe?.id)}
                      </label>
                    `,
                  )}
                </fieldset>
                ${this.callError
                  ? html`<p id="call-error" class="error" part="error">${this.callError}</p>`
                  : nothing}
                <div class="actions">
                  <button
                    type="submit"
                    class="primary"
                    part="call-button"
                    aria-disabled=${this.calling ? 'true' : 'false'}
                    aria-describedby=${this.callError ? 'call-error' : nothing}
                  >
                    ${this.calling ? strings.calling : strings.call}
                  </button>
                  <button type="button" @click=${this.handlePromptCancelClick}>${sharedStrings[localeOf(this)].cancel}</button>
                </div>
              </form>
            `}
      </dialog>
    `;
  }

  private async openPrompt(dial: string): Promise<void> {
    const data = this.data.state.data;
    if (!data) return;
    this.hide();
    this.opener = deepActiveElement();
    this.dial = dial;
    this.callError = '';
    this.calling = false;
    // The Call Using device, which is the active remote extension when that is in use (CALL-2).
    this.selectedDeviceId = activeCallUsing(data)?.id ?? data.platform.defaultDeviceId;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.dialog.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
  }

  /** Saves the active status's routing with `deviceId` as its Call Using device (CALL-1). */
  private async chooseDevice(deviceId: string): Promise<void> {
    this.hide(true);
    const { store } = this.data;
    const data = this.data.state.data;
    if (!store || !data || this.saving) return;
    const status = activeStatus(data);
    const device = findDevice(data, deviceId);
    if (!device || status.callUsing === deviceId) return;
    const locale = localeOf(this);
    this.saving = true;
    this.error = '';
    this.announcement = '';
    try {
      await store.updateStatus({
        id: status.id,
        remoteExtensionId: status.remoteExtensionId,
        callUsing: deviceId,
        sendCallsTo: status.sendCallsTo,
      });
      this.announcement = callUsingStrings[locale].callUsingSaved(device.label);
    } catch (error) {
      this.error = failureReason(error, locale);
      this.announcement = this.error;
    } finally {
      this.saving = false;
    }
  }

  private handlePromptSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const { store } = this.data;
    const data = this.data.state.data;
    const dial = this.dial;
    if (!store || !data || dial === null || this.calling) return;
    const locale = localeOf(this);
    const deviceId = this.selectedDeviceId;
    this.calling = true;
    this.callError = '';
    try {
      const call = await store.placeCall(deviceId, dial);
      const device = findDevice(data, call.deviceId);
      this.dialog.close();
      this.announcement = callUsingStrings[locale].callingFrom(call.dial, device?.label ?? call.deviceId);
      this.dispatchEvent(new CallPlacedEvent(call));
    } catch (error) {
      this.callError = failureReason(error, locale);
      this.announcement = this.callError;
    } finally {
      this.calling = false;
    }
  };

  private handlePromptCancelClick = (): void => {
    this.dialog.close();
  };

  private handlePromptClose = (): void => {
    // The close event comes a moment after close(); if a new call opened the prompt meanwhile,
    // this event belongs to the old one and must not clear the new.
    if (this.dialog.open) return;
    this.dial = null;
    this.callError = '';
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
  };

  private handlePlaceCallRequest = (event: PlaceCallRequestEvent): void => {
    if (event.defaultPrevented) return;
    event.preventDefault();
    this.placeCall(event.dial);
  };
}

/** A status's routing being saved: the Call Using button is busy until the platform answers. */
function isStatusUpdate(command: Command): boolean {
  return command.type === 'status/update';
}

declare global {
  interface HTMLElementTagNameMap {
    'call-using-footer': CallUsingFooter;
  }
  interface GlobalEventHandlersEventMap {
    'place-call-request': PlaceCallRequestEvent;
    'call-placed': CallPlacedEvent;
  }
}
