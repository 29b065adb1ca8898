import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MenuButtonController } from './menu.js';

export interface RadioMenuOptions {
  /** The attribute that holds an item's value (kept for pages and tools that find an item by it). */
  readonly valueAttribute: 'data-status-id' | 'data-device-id';
  /** Chooses the item with this value (a click, Enter or Space on it), once the menu has closed. */
  readonly choose: (value: string) => void;
  /** Why the last choice was refused, shown under the menu; empty when it was not. */
  readonly refusal: () => string;
  /** Runs as the menu opens (to forget the last refusal); returning false keeps it closed. */
  readonly beforeOpen: () => boolean;
}

/**
 * A menu button whose menu is a list of `menuitemradio` items, the face of the Availability and
 * Call Using menus: the button, the `role="menu"` and its items, the refusal under them, and the
 * keyboard and pointer handling of `MenuButtonController`. Its host renders `renderButton`,
 * `renderMenu` and `renderItem` where it wants them, styles them with `radioMenuStyles`, and
 * forwards `open`, `show()` and `hide()` as its own documented API.
 */
export class RadioMenu {
  private readonly controller: MenuButtonController;

  constructor(
    host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    private readonly options: RadioMenuOptions,
  ) {
    this.controller = new MenuButtonController(host, {
      button: () => host.renderRoot.querySelector<HTMLElement>('button[aria-haspopup="menu"]'),
      menu: () => host.renderRoot.querySelector<HTMLElement>('[role="menu"]'),
      items: () => [...host.renderRoot.querySelectorAll<HTMLElement>('[role="menuitemradio"]')],
      choose: (item) => this.choose(item),
      beforeOpen: options.beforeOpen,
    });
  }

  /** Whether the menu is showing. */
  get open(): boolean {
    return this.controller.open;
  }

  /** Opens the menu and focuses the checked item, else the first. */
  show(): Promise<void> {
    return this.controller.show();
  }

  /** Closes the menu; `returnFocus` puts focus back on the button (Escape, a choice). */
  hide(returnFocus = false): void {
    this.controller.hide(returnFocus);
  }

  /**
   * The menu button, named `name` and showing `content`. `busy`, when given, is its `aria-busy`
   * (a change of what it shows is on its way). It points to the refusal while one is shown.
   */
  renderButton(name: string, content: unknown, busy?: boolean): TemplateResult {
    return html`
      <button
        type="button"
        part="button"
        aria-haspopup="menu"
        aria-controls="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-busy=${ifDefined(busy === undefined ? undefined : busy ? 'true' : 'false')}
        aria-label=${name}
        aria-describedby=${this.options.refusal() ? 'error' : nothing}
        @click=${this.controller.handleButtonClick}
        @keydown=${this.controller.handleButtonKeydown}
      >
        ${content}
      </button>
    `;
  }

  /** The menu, named `name`, holding `items` (from `renderItem`); then the refusal, if any. */
  renderMenu(name: string, items: unknown): TemplateResult {
    const refusal = this.options.refusal();
    return html`
      <div
        id="menu"
        role="menu"
        part="menu"
        aria-label=${name}
        ?hidden=${!this.open}
        @click=${this.handleMenuClick}
        @keydown=${this.controller.handleMenuKeydown}
        @focusout=${this.controller.handleMenuFocusout}
      >
        ${items}
      </div>
      ${refusal ? html`<p id="error" class="error" part="error">${refusal}</p>` : nothing}
    `;
  }

  /** One item, whose value is `value`, showing `content` after its check mark. */
  renderItem(value: string, checked: boolean, content: unknown): TemplateResult {
    const kind = this.options.valueAttribute;
    return html`
      <div
        role="menuitemradio"
        part="item"
        tabindex="-1"
        aria-checked=${checked ? 'true' : 'false'}
        data-status-id=${kind === 'data-status-id' ? value : nothing}
        data-device-id=${kind === 'data-device-id' ? value : nothing}
      >
        <span class="check" aria-hidden="true"></span>
        ${content}
      </div>
    `;
  }

  private readonly handleMenuClick = (event: Event): void => {
    const item = event.target instanceof Element ? event.target.closest<HTMLElement>('[role="menuitemradio"]') : null;
    if (item) this.choose(item);
  };

  private choose(item: HTMLElement): void {
    const value = item.getAttribute(this.options.valueAttribute);
    this.hide(true);
    if (value !== null) this.options.choose(value);
  }
}
