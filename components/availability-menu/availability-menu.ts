import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { activeStatus, callRouting, findStatus, type DynamicStatus } from '../../src/model/index.js';
import { changeState, inForce, type StoreState } from '../../src/store/index.js';
import { radioMenuStyles } from '../shared/menu.js';
import { RadioMenu } from '../shared/menu-button.js';
import { presenceDot, presenceStyles } from '../shared/presence.js';
import { StoreElement } from '../shared/store-element.js';
import { savedOrWaiting } from '../shared/save.js';
import { failureReason } from '../shared/strings.js';
import { baseStyles } from '../shared/styles.js';
import { availabilityStrings, type AvailabilityStrings } from './strings.js';
import { ActiveStatusChangeEvent } from './events.js';

export { ActiveStatusChangeEvent };

/**
 * @tagname availability-menu
 * @summary The Availability menu (ACT-1): a menu button showing the active status, whose menu
 * lists every dynamic status; choosing one makes it the active status. Every element in the same
 * provider follows at once (ACT-2), because they all read one Store.
 *
 * @fires {ActiveStatusChangeEvent} active-status-change - The platform accepted a new active status.
 *
 * @csspart button - The menu button showing the avatar and the active status.
 * @csspart avatar - The user's initials on the button.
 * @csspart presence - The presence dot beside a status name.
 * @csspart menu - The list of statuses.
 * @csspart item - One status in the menu.
 * @csspart error - Why the last change was refused.
 * @csspart retry - The *Try again* button after a failed load.
 *
 * @cssprop --re-presence-available - Dot colour for available statuses.
 * @cssprop --re-presence-busy - Dot colour for busy statuses.
 * @cssprop --re-presence-away - Dot colour for away statuses.
 * @cssprop --re-presence-dnd - Dot colour for Do Not Disturb.
 */
export class AvailabilityMenu extends StoreElement<AvailabilityStrings> {
  static override styles = [
    baseStyles,
    presenceStyles,
    radioMenuStyles,
    css`
      /*
       * No surface of its own: it sits in a page's top bar, where a box behind the avatar would
       * show. What has text paints the surface behind it: the button, the notes under it.
       */
      :host {
        display: inline-flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.35em;
        position: relative;
        background-color: transparent;
      }
      button[aria-haspopup] {
        border-radius: 1em;
      }
      .avatar {
        display: inline-grid;
        flex: none;
        place-items: center;
        width: 1.9em;
        height: 1.9em;
        border-radius: 50%;
        background: var(--_accent);
        color: var(--_surface);
        font-weight: 600;
        font-size: 0.85em;
      }
      /* Below the button. */
      [role='menu'] {
        inset-block-start: calc(100% + 0.25em);
        min-width: 100%;
      }
      .error,
      .waiting,
      .loading {
        flex-basis: 100%;
        margin: 0;
        /* Its own surface behind the text, as the button has: the page's top bar may be dark. */
        background-color: var(--_surface);
      }
    `,
  ];

  protected readonly table = availabilityStrings;

  /** Why the last change was refused, shown under the button. */
  @state() private error = '';

  readonly #menu = new RadioMenu(this, {
    choose: (statusId) => void this.#choose(statusId),
    refusal: () => this.error,
    beforeOpen: () => {
      this.error = '';
      return this.data.state.data !== null;
    },
  });

  /** Whether the status menu is showing. */
  get open(): boolean {
    return this.#menu.open;
  }

  /** Opens the menu and focuses the active status. */
  show(): Promise<void> {
    return this.#menu.show();
  }

  /** Closes the menu; `returnFocus` puts focus back on the button (Escape, a choice). */
  hide(returnFocus = false): void {
    this.#menu.hide(returnFocus);
  }

  /** It shows the user, the statuses and which is active: numbers changing render nothing here. */
  protected override watch(state: StoreState): readonly unknown[] {
    const { phase, loadError, data } = state;
    // Whether the status shown waits to be sent; not "saving", which would render every choice twice.
    return [phase, loadError, data?.user, data?.statuses, data?.activeStatusId, changeState(state, 'active-status') === 'waiting'];
  }

  protected override render() {
    const { data } = this.data.state;
    if (!data) return this.renderLoadState();
    const { strings } = this;
    const active = activeStatus(data);
    return html`
      <span class="avatar" part="avatar" aria-hidden="true">${initials(data.user.displayName)}</span>
      ${this.#menu.renderButton(strings.buttonName(active.name), this.#renderStatus(active))}
      ${this.#menu.renderMenu(
        strings.availability,
        data.statuses.map((status) => this.#menu.renderItem(status.id, status.id === active.id, this.#renderStatus(status))),
        this.open ? this.shared.whereCallsGo(callRouting(inForce(this.data.state) ?? data)) : undefined,
      )}
      ${this.#statusWaits ? html`<p class="muted waiting" part="waiting">${this.shared.waitingToSend}</p>` : nothing}
      ${this.live.render()}
    `;
  }

  /** Whether the status shown is one still waiting to be sent (SYNC-4). */
  get #statusWaits(): boolean {
    return changeState(this.data.state, 'active-status') === 'waiting';
  }

  /** A status's presence dot and name. */
  #renderStatus(status: DynamicStatus) {
    return html`${presenceDot(status)}<span>${status.name}</span>`;
  }

  /**
   * Makes `statusId` the active status. The Store shows it at once and reverts it with the reason
   * if it is refused (SYNC-3), so the button and the menu change in one render; the announcement
   * follows the platform's yes, or says the change waits to be sent (SYNC-4), and renders nothing
   * (which is why this is no `SaveController` save: that renders again when the platform answers).
   * A second choice before the answer follows it.
   */
  async #choose(statusId: string): Promise<void> {
    const { store } = this.data;
    const data = this.data.state.data;
    const status = data && findStatus(data, statusId);
    if (!store || !data || !status || statusId === data.activeStatusId) return;
    const strings = this.strings;
    const locale = this.locale;
    this.error = '';
    try {
      if ((await savedOrWaiting(store.setActiveStatus(statusId), store)).waiting) {
        this.live.say(strings.statusWaits(status.name));
        return;
      }
      this.live.say(strings.nowYourStatus(status.name));
      this.dispatchEvent(new ActiveStatusChangeEvent(statusId));
    } catch (error) {
      this.error = failureReason(error, locale);
      this.live.say(this.error);
    }
  }
}

/** "Alex Lindqvist" → "AL": the avatar's letters. */
function initials(name: string): string {
  return name
    .split(/\s+/u)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => [...part][0]?.toUpperCase() ?? '')
    .join('');
}

declare global {
  interface HTMLElementTagNameMap {
    'availability-menu': AvailabilityMenu;
  }
  interface GlobalEventHandlersEventMap {
    'active-status-change': ActiveStatusChangeEvent;
  }
}
