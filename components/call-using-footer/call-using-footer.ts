import { html, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import {
  activeCallUsing,
  activeRemoteExtension,
  activeStatus,
  callRouting,
  devices,
  findDevice,
  isPending,
  type Device,
  type PhoneNumber,
  type Snapshot,
} from '../../src/model/index.js';
import { changeState, inForce, type StoreState } from '../../src/store/index.js';
import { deepActiveElement } from '../shared/focus.js';
import { deviceIcon } from '../shared/icons.js';
import { radioMenuStyles } from '../shared/menu.js';
import { RadioMenu } from '../shared/menu-button.js';
import { SaveController } from '../shared/save.js';
import { StoreElement } from '../shared/store-element.js';
import { watchView } from '../shared/store-controller.js';
import { baseStyles, dialogStyles } from '../shared/styles.js';
import { CallStatusLine } from './call-status.js';
import { callUsingStrings, type CallUsingStrings } from './strings.js';
import { callUsingFooterStyles } from './styles.js';
import { PlaceCallRequestEvent, CallPlacedEvent } from './events.js';

export { PlaceCallRequestEvent, CallPlacedEvent };

/**
 * @tagname call-using-footer
 * @summary The client footer's *Call Using* (CALL-1): the device that places outgoing calls in the
 * active status, and a menu to pick another. It also owns the *Place Call With* prompt (CALL-2),
 * opened by `placeCall(dial, name?)` or by a `place-call-request` event from anywhere in the page,
 * and naming whom it calls when it is told; the active remote extension is marked there and in
 * the menu (CALL-3). The bar shows the device's icon, name and number and where calls go; the
 * Remote Extension mark is left to the menu and the prompt, so the bar says it once, not thrice.
 *
 * @fires {CallPlacedEvent} call-placed - The platform started a call from the prompt.
 *
 * @csspart caption - The "Call Using" text.
 * @csspart button - The Call Using menu button.
 * @csspart menu - The list of devices.
 * @csspart item - One device in the menu.
 * @csspart dialog - The Place Call With prompt.
 * @csspart call-button - The prompt's Call button.
 * @csspart call-status - The line a placed call leaves above the bar, until dismissed.
 * @csspart dismiss - Its Dismiss button.
 * @csspart error - Why the last change or call failed.
 * @csspart retry - The *Try again* button after a failed load.
 */
export class CallUsingFooter extends StoreElement<CallUsingStrings> {
  static override styles = [
    baseStyles,
    radioMenuStyles,
    dialogStyles,
    callUsingFooterStyles,
  ];

  protected readonly table = callUsingStrings;

  /** A Call Using change this element asked for, and why the last one was refused. */
  readonly #save = new SaveController(this, this.live, () => this.data.store);
  /** The prompt's call: in flight (Calling…), and why it failed. */
  readonly #call = new SaveController(this, this.live);
  /** What the last call placed says; Dismiss hands focus to the Call Using button. */
  readonly #status = new CallStatusLine(this, () => this.menuButton?.focus());

  /** The number the Place Call With prompt is about to call, and whom; null while it is closed. */
  @state() private target: { readonly dial: string; readonly name: string | undefined } | null = null;
  /** The device chosen in the prompt. */
  @state() private selectedDeviceId = '';

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('button[aria-haspopup="menu"]') private menuButton!: HTMLButtonElement | null;

  /** Where focus was when the prompt opened; it goes back there when the prompt closes. */
  #opener: HTMLElement | null = null;

  readonly #menu = new RadioMenu(this, {
    choose: (deviceId) => void this.#chooseDevice(deviceId),
    refusal: () => this.#save.error,
    beforeOpen: () => {
      this.#save.clear();
      return this.data.state.data !== null;
    },
    // Above the button: the footer sits at the bottom of the client (below it when that does not fit).
    side: 'above',
  });

  /** Whether the Call Using menu is showing. */
  get open(): boolean {
    return this.#menu.open;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener(PlaceCallRequestEvent.eventName, this.#handlePlaceCallRequest);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(PlaceCallRequestEvent.eventName, this.#handlePlaceCallRequest);
  }

  /**
   * Opens the *Place Call With* prompt for `dial` (CALL-2), with the Call Using device — the
   * active remote extension when it is that device — preselected. With `name` (the contact's),
   * the prompt says "Call Maria Berg (4712)".
   */
  placeCall(dial: string, name?: string): void {
    void this.#openPrompt(dial, name);
  }

  /** Opens the Call Using menu and focuses the device in use. */
  show(): Promise<void> {
    return this.#menu.show();
  }

  /** Closes the Call Using menu; `returnFocus` puts focus back on its button. */
  hide(returnFocus = false): void {
    this.#menu.hide(returnFocus);
  }

  /**
   * The loaded view, whether a status's routing is being saved (the button is busy until then),
   * and while changes wait to be sent, the settings in force, which the bar shows.
   */
  protected override watch(state: StoreState): readonly unknown[] {
    return [...watchView(state), isPending(state.pending, 'status'), state.waiting && state.confirmed];
  }

  protected override render() {
    const { state } = this.data;
    const { data } = state;
    if (!data) return this.renderLoadState();
    const { strings } = this;
    // What places and rings calls now: a change waiting to be sent does not, yet.
    const now = inForce(state) ?? data;
    const current = activeCallUsing(now);
    const activeRe = activeRemoteExtension(now);
    const label = current ? this.shared.deviceName(current) : strings.noDevice;
    const routing = changeState(state, 'status');
    const waits = routing === 'waiting' || changeState(state, 'active-status') === 'waiting';
    return html`
      <div class="bar">
        <span part="caption" aria-hidden="true">${strings.callUsing}</span>
        ${this.#menu.renderButton(
          strings.callUsingName(label),
          html`${current ? deviceIcon(current) : nothing}<span>${label}</span>`,
          this.#save.pending || routing === 'saving',
        )}
        ${current?.dial ? html`<span class="dial">${current.dial}</span>` : nothing}
        <span class="where muted" part="where">${this.shared.whereCallsGo(callRouting(now))}</span>
        ${waits ? html`<span class="muted" part="waiting">${this.shared.waitingToSend}</span>` : nothing}
      </div>
      ${this.#status.render(strings.dismiss)}
      ${this.#menu.renderMenu(strings.callUsing, this.open ? this.#renderItems(data, current, activeRe) : nothing)}
      ${this.#renderPrompt(data, activeRe?.id)}
      ${this.live.render()}
    `;
  }

  /**
   * Every device, as menu items. Rendered only while the menu is open: closed, a page with
   * hundreds of numbers would keep hundreds of hidden items up to date on every change.
   */
  #renderItems(data: Snapshot, current: Device | undefined, activeRe: PhoneNumber | undefined) {
    return devices(data).map((device) =>
      this.#menu.renderItem(device.id, device.id === current?.id, this.#renderDevice(device, activeRe?.id)),
    );
  }

  /**
   * A device in the menu and the prompt: its icon, name and number, and the Remote Extension mark
   * for the active remote extension (CALL-3).
   */
  #renderDevice(device: Device, activeRemoteExtensionId: string | undefined) {
    return html`${deviceIcon(device)}<span>${this.shared.deviceName(device)}</span>
      ${device.dial ? html`<span class="dial">${device.dial}</span>` : nothing}
      ${device.id === activeRemoteExtensionId ? html`<span class="badge pill accent">${this.strings.remoteExtension}</span>` : nothing}`;
  }

  /** The *Place Call With* prompt (CALL-2): a radio group of the devices, Call and Cancel. */
  #renderPrompt(data: Snapshot, activeRemoteExtensionId: string | undefined) {
    const { strings } = this;
    const { pending: calling, error } = this.#call;
    return html`
      <dialog part="dialog" aria-labelledby="prompt-heading" @close=${this.#handlePromptClose}>
        ${this.target === null
          ? nothing
          : html`
              <form @submit=${this.#handlePromptSubmit}>
                <h2 id="prompt-heading">${strings.placeCallWith}</h2>
                <p>${strings.callTarget(this.target.dial, this.target.name)}</p>
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
                        ${this.#renderDevice(device, activeRemoteExtensionId)}
                      </label>
                    `,
                  )}
                </fieldset>
                ${error ? html`<p id="call-error" class="error" part="error">${error}</p>` : nothing}
                <div class="actions">
                  <button
                    type="submit"
                    class="primary"
                    part="call-button"
                    aria-disabled=${calling ? 'true' : 'false'}
                    aria-describedby=${error ? 'call-error' : nothing}
                  >
                    ${calling ? strings.calling : strings.call}
                  </button>
                  <button type="button" @click=${() => this.dialog.close()}>${this.shared.cancel}</button>
                </div>
              </form>
            `}
      </dialog>
    `;
  }

  async #openPrompt(dial: string, name: string | undefined): Promise<void> {
    const data = this.data.state.data;
    if (!data) return;
    this.hide();
    this.#opener = deepActiveElement();
    this.target = { dial, name };
    this.#call.clear();
    this.#status.clear();
    // The Call Using device, which is the active remote extension when that is in use (CALL-2).
    this.selectedDeviceId = activeCallUsing(data)?.id ?? data.platform.defaultDeviceId;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.dialog.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
  }

  /** Saves the active status's routing with `deviceId` as its Call Using device (CALL-1). */
  async #chooseDevice(deviceId: string): Promise<void> {
    const { store } = this.data;
    const data = this.data.state.data;
    if (!store || !data || this.#save.pending) return;
    const status = activeStatus(data);
    const device = findDevice(data, deviceId);
    if (!device || status.callUsing === deviceId) return;
    const { id, remoteExtensionId, sendCallsTo } = status;
    const name = this.shared.deviceName(device);
    await this.#save.run(() => store.updateStatus({ id, remoteExtensionId, callUsing: deviceId, sendCallsTo }), {
      saving: '',
      saved: () => this.strings.callUsingSaved(name),
      waiting: this.strings.callUsingWaits(name),
    });
  }

  #handlePromptSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const { store } = this.data;
    const data = this.data.state.data;
    const dial = this.target?.dial;
    if (!store || !data || dial === undefined || this.#call.pending) return;
    // Nothing for the hidden live region to say once the call is placed: the status line says it.
    const placed = await this.#call.run(() => store.placeCall(this.selectedDeviceId, dial), { saving: '' });
    // A call is placed now or not at all: it never waits to be sent.
    if (!placed || placed.waiting) return;
    const call = placed.value;
    const device = findDevice(data, call.deviceId);
    this.#status.show(() => this.strings.callingFrom(call.dial, device ? this.shared.deviceName(device) : call.deviceId));
    this.dialog.close();
    this.dispatchEvent(new CallPlacedEvent(call));
  };

  #handlePromptClose = (): void => {
    // The close event comes a moment after close(); if a new call opened the prompt meanwhile,
    // this event belongs to the old one and must not clear the new.
    if (this.dialog.open) return;
    this.target = null;
    this.#call.clear();
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
  };

  #handlePlaceCallRequest = (event: PlaceCallRequestEvent): void => {
    if (event.defaultPrevented) return;
    event.preventDefault();
    this.placeCall(event.dial, event.name);
  };
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
