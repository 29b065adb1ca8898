import { css, html, LitElement, nothing } from 'lit';
import { query, queryAll, state } from 'lit/decorators.js';
import { activeStatus, findStatus, type DynamicStatus } from '../../src/model/index.js';
import { localeOf } from '../shared/locale.js';
import { renderLoadState } from '../shared/load-state.js';
import { StoreController } from '../shared/store-controller.js';
import { failureReason, sharedStrings } from '../shared/strings.js';
import { presenceStyles } from '../shared/presence.js';
import { baseStyles } from '../shared/styles.js';
import { MenuButtonController, radioMenuStyles } from '../shared/menu.js';
import { availabilityStrings } from './strings.js';

/** Fired after the platform has accepted a new active status (ACT-1). */
export class ActiveStatusChangeEvent extends Event {
  static readonly eventName = 'active-status-change';
  readonly statusId: string;

  constructor(statusId: string) {
    super(ActiveStatusChangeEvent.eventName, { bubbles: true, composed: true });
    this.statusId = statusId;
  }
}

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
 *
 * @cssprop --re-presence-available - Dot colour for available statuses.
 * @cssprop --re-presence-busy - Dot colour for busy statuses.
 * @cssprop --re-presence-away - Dot colour for away statuses.
 * @cssprop --re-presence-dnd - Dot colour for Do Not Disturb.
 */
export class AvailabilityMenu extends LitElement {
  static override styles = [
    baseStyles,
    presenceStyles,
    radioMenuStyles,
    css`
      :host {
        display: inline-block;
        position: relative;
      }
      .avatar {
        vertical-align: middle;
        margin-inline-end: 0.35em;
        display: inline-grid;
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
      .error {
        margin: 0.25em 0 0;
      }
    `,
  ];

  /** It shows the user, the statuses and which is active: numbers changing render nothing here. */
  private readonly data = new StoreController(this, ({ phase, loadError, data }) => [
    phase,
    loadError,
    data?.user,
    data?.statuses,
    data?.activeStatusId,
  ]);

  /** Why the last change was refused, shown under the button. */
  @state() private error = '';
  /** The polite live region's text. */
  @state() private announcement = '';

  @query('button') private button!: HTMLButtonElement;
  @queryAll('[role="menuitemradio"]') private items!: NodeListOf<HTMLElement>;

  private readonly menu = new MenuButtonController(this, {
    button: () => this.button,
    menu: () => this.renderRoot.querySelector<HTMLElement>('[role="menu"]'),
    items: () => [...this.items],
    choose: (item) => {
      const id = item.dataset['statusId'];
      if (id) void this.choose(id);
    },
    beforeOpen: () => {
      this.error = '';
      return this.data.state.data !== null;
    },
  });

  /** Whether the status menu is showing. */
  get open(): boolean {
    return this.menu.open;
  }

  /** Opens the menu and focuses the active status. */
  show(): Promise<void> {
    return this.menu.show();
  }

  /** Closes the menu; `returnFocus` puts focus back on the button (Escape, a choice). */
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
    const strings = availabilityStrings[locale];
    const active = activeStatus(data);
    return html`
      <span class="avatar" part="avatar" aria-hidden="true">${initials(data.user.displayName)}</span>
      <button
        type="button"
        part="button"
        aria-haspopup="menu"
        aria-controls="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-label=${strings.buttonName(active.name)}
        aria-describedby=${this.error ? 'error' : nothing}
        @click=${this.menu.handleButtonClick}
        @keydown=${this.menu.handleButtonKeydown}
      >
        ${this.renderPresence(active)}
        <span>${active.name}</span>
      </button>
      <div
        id="menu"
        role="menu"
        part="menu"
        aria-label=${strings.availability}
        ?hidden=${!this.open}
        @keydown=${this.menu.handleMenuKeydown}
        @focusout=${this.menu.handleMenuFocusout}
      >
        ${data.statuses.map(
          (status) => html`
            <div
              role="menuitemradio"
              part="item"
              tabindex="-1"
              aria-checked=${status.id === active.id ? 'true' : 'false'}
              data-status-id=${status.id}
              @click=${() => void this.choose(status.id)}
            >
              <span class="check" aria-hidden="true"></span>
              ${this.renderPresence(status)}
              <span>${status.name}</span>
            </div>
          `,
        )}
      </div>
      ${this.error ? html`<p id="error" class="error" part="error">${this.error}</p>` : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  private renderPresence(status: DynamicStatus) {
    return html`<span class="presence ${status.presence}" part="presence" aria-hidden="true"></span>`;
  }

  /**
   * Makes `statusId` the active status. The Store shows it at once and reverts it with the reason
   * if it is refused (SYNC-3), so the button, the menu and the announcement change in one render
   * and the platform's yes renders nothing more. A second choice before the answer follows it.
   */
  private async choose(statusId: string): Promise<void> {
    this.hide(true);
    const { store } = this.data;
    const data = this.data.state.data;
    const status = data && findStatus(data, statusId);
    if (!store || !data || !status || statusId === data.activeStatusId) return;
    const locale = localeOf(this);
    this.error = '';
    this.announcement = availabilityStrings[locale].nowYourStatus(status.name);
    try {
      await store.setActiveStatus(statusId);
      this.dispatchEvent(new ActiveStatusChangeEvent(statusId));
    } catch (error) {
      this.error = failureReason(error, locale);
      this.announcement = this.error;
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
