import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';

/**
 * The look of a status or device menu (menuitemradio items with a check mark) shared by the
 * Availability and Call Using menus. Each element places the menu itself (below or above its
 * button).
 */
export const radioMenuStyles = css`
  [role='menu'] {
    position: absolute;
    z-index: 10;
    inset-inline-start: 0;
    margin: 0;
    padding: 0.25em 0;
    background: var(--_surface);
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
    white-space: nowrap;
  }
  [role='menu'][hidden] {
    display: none;
  }
  [role='menuitemradio'] {
    display: flex;
    align-items: center;
    gap: 0.5em;
    padding: 0.35em 0.8em;
    cursor: pointer;
  }
  [role='menuitemradio']:hover,
  [role='menuitemradio']:focus {
    background: color-mix(in srgb, var(--_accent) 15%, transparent);
    outline: none;
  }
  .check {
    width: 1em;
    text-align: center;
  }
  [aria-checked='true'] > .check::before {
    content: '✓';
  }
`;

/**
 * Where focus goes inside an APG menu for a key press: ArrowUp/ArrowDown wrap, Home and End jump.
 * Returns null for any other key. Shared by the Availability and Call Using menus.
 */
export function menuFocusIndex(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export interface MenuButtonOptions {
  /** The button that opens the menu. */
  readonly button: () => HTMLElement | null | undefined;
  /** The element with `role="menu"`. */
  readonly menu: () => HTMLElement | null | undefined;
  /** The menu's items, in order. */
  readonly items: () => readonly HTMLElement[];
  /** Enter or Space on an item. */
  readonly choose: (item: HTMLElement) => void;
  /** Runs before the menu opens; returning false keeps it closed (e.g. before data has loaded). */
  readonly beforeOpen?: () => boolean;
}

/**
 * The WAI-ARIA menu-button pattern, once for every menu: the button opens on click, Enter, Space
 * or the arrows (on keydown, as APG's example does, so no synthesised click is needed); the
 * checked item, else the first (the last for ArrowUp), takes focus; the arrows, Home and End move;
 * Escape closes and returns focus to the button; Tab, focus leaving, or a press outside close it.
 * The host binds the `handle…` functions in its template and renders `open`.
 */
export class MenuButtonController implements ReactiveController {
  /** Whether the menu is showing. */
  open = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: MenuButtonOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.#handleOutsidePointer, true);
  }

  /** Opens the menu and focuses the checked item, else the first or (`'last'`) last one. */
  async show(fallback: 'first' | 'last' = 'first'): Promise<void> {
    if (this.options.beforeOpen?.() === false) return;
    this.open = true;
    document.addEventListener('pointerdown', this.#handleOutsidePointer, true);
    this.host.requestUpdate();
    await this.host.updateComplete;
    const items = this.options.items();
    const checked = items.find((item) => item.getAttribute('aria-checked') === 'true');
    (checked ?? (fallback === 'first' ? items[0] : items.at(-1)))?.focus();
  }

  /** Closes the menu; `returnFocus` puts focus back on the button (Escape, a choice). */
  hide(returnFocus = false): void {
    if (!this.open) return;
    this.open = false;
    document.removeEventListener('pointerdown', this.#handleOutsidePointer, true);
    this.host.requestUpdate();
    if (returnFocus) this.options.button()?.focus();
  }

  readonly handleButtonClick = (): void => {
    if (this.open) this.hide(true);
    else void this.show();
  };

  readonly handleButtonKeydown = (event: KeyboardEvent): void => {
    if (!['ArrowDown', 'ArrowUp', 'Enter', ' '].includes(event.key)) return;
    event.preventDefault();
    void this.show(event.key === 'ArrowUp' ? 'last' : 'first');
  };

  readonly handleMenuKeydown = (event: KeyboardEvent): void => {
    const items = this.options.items();
    const current = items.findIndex((item) => item.matches(':focus'));
    const next = menuFocusIndex(event.key, current, items.length);
    if (next !== null) {
      event.preventDefault();
      items[next]?.focus();
      return;
    }
    switch (event.key) {
      case 'Enter':
      case ' ': {
        event.preventDefault();
        const item = items[current];
        if (item) this.options.choose(item);
        break;
      }
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        this.hide(true);
        break;
      case 'Tab':
        // Focus moves on to the next control on the page, as APG menus do.
        this.hide();
        break;
    }
  };

  readonly handleMenuFocusout = (event: FocusEvent): void => {
    const to = event.relatedTarget;
    if (to instanceof Node && !this.#contains(to)) this.hide();
  };

  readonly #handleOutsidePointer = (event: Event): void => {
    if (!event.composedPath().some((target) => target instanceof Node && this.#contains(target))) this.hide();
  };

  #contains(node: Node): boolean {
    return [this.options.menu(), this.options.button()].some((part) => part?.contains(node));
  }
}
