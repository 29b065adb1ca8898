import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { MenuButtonController, type PopoverSide } from './menu.js';

export interface RadioMenuOptions {
  /** Chooses the item with this value (a click, Enter or Space on it), once the menu has closed. */
  readonly choose: (value: string) => void;
  /** Why the last choice was refused, shown under the menu; empty when it was not. */
  readonly refusal: () => string;
  /** Runs as the menu opens (to forget the last refusal); returning false keeps it closed. */
  readonly beforeOpen: () => boolean;
  /** The side of its button the menu opens on when it fits there; below by default. */
  readonly side?: PopoverSide;
}

/**
 * A menu button whose menu is a list of `menuitemradio` items, the face of the Availability and
 * Call Using menus: the button, the `role="menu"` and its items, the refusal under them, and the
 * keyboard and pointer handling of `MenuButtonController`. Its host renders `renderButton`,
 * `renderMenu` and `renderItem` where it wants them, styles them with `radioMenuStyles`, and
 * forwards `open`, `show()` and `hide()` as its own documented API.
 */
export class RadioMenu {
  readonly #controller: MenuButtonController;

  constructor(
    host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    private readonly options: RadioMenuOptions,
  ) {
    this.#controller = new MenuButtonController(host, {
      button: () => host.renderRoot.querySelector<HTMLElement>('button[aria-haspopup="menu"]'),
      menu: () => host.renderRoot.querySelector<HTMLElement>('[role="menu"]'),
      items: () => [...host.renderRoot.querySelectorAll<HTMLElement>('[role="menuitemradio"]')],
      choose: (item) => this.#choose(item),
      beforeOpen: options.beforeOpen,
      side: options.side,
    });
  }

  /** Whether the menu is showing. */
  get open(): boolean {
    return this.#controller.open;
  }

  /** Opens the menu and focuses the checked item, else the first. */
  show(): Promise<void> {
    return this.#controller.show();
  }

  /** Closes the menu; `returnFocus` puts focus back on the button (Escape, a choice). */
  hide(returnFocus = false): void {
    this.#controller.hide(returnFocus);
  }

  /**
   * The menu button, named `name` and showing `content`. `busy` is its `aria-busy`: a change of
   * what it shows is on its way. It points to the refusal while one is shown.
   */
  renderButton(name: string, content: unknown, busy = false): TemplateResult {
    return html`
      <button
        type="button"
        part="button"
        aria-haspopup="menu"
        aria-controls="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-busy=${busy ? 'true' : 'false'}
        aria-label=${name}
        aria-describedby=${this.options.refusal() ? 'error' : nothing}
        @click=${this.#controller.handleButtonClick}
        @keydown=${this.#controller.handleButtonKeydown}
      >
        ${content}
      </button>
    `;
  }

  /**
   * The menu, named `name`, holding `items` (from `renderItem`) and, under them, a `note` that
   * describes the menu (not an item: arrows skip it); then the refusal, if any.
   */
  renderMenu(name: string, items: unknown, note?: string): TemplateResult {
    const refusal = this.options.refusal();
    return html`
      <div
        id="menu"
        role="menu"
        part="menu"
        aria-label=${name}
        aria-describedby=${note ? 'menu-note' : nothing}
        ?hidden=${!this.open}
        @click=${this.#handleMenuClick}
        @keydown=${this.#controller.handleMenuKeydown}
        @focusout=${this.#controller.handleMenuFocusout}
      >
        ${items}
        ${note ? html`<p role="none" id="menu-note" class="menu-note muted" part="menu-note">${note}</p>` : nothing}
      </div>
      ${refusal ? html`<p id="error" class="error" part="error">${refusal}</p>` : nothing}
    `;
  }

  /** One item, whose value is `value`, showing `content` after its check mark. */
  renderItem(value: string, checked: boolean, content: unknown): TemplateResult {
    return html`
      <div
        role="menuitemradio"
        part="item"
        tabindex="-1"
        aria-checked=${checked ? 'true' : 'false'}
        data-value=${value}
      >
        <span class="check" aria-hidden="true"></span>
        ${content}
      </div>
    `;
  }

  readonly #handleMenuClick = (event: Event): void => {
    const item = event.target instanceof Element ? event.target.closest<HTMLElement>('[role="menuitemradio"]') : null;
    if (item) this.#choose(item);
  };

  #choose(item: HTMLElement): void {
    const value = item.dataset['value'];
    this.hide(true);
    if (value !== undefined) this.options.choose(value);
  }
}
