import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';

/**
 * The look of a status or device menu (menuitemradio items with a check mark) shared by the
 * Availability and Call Using menus. Each element says on which side of its button the menu
 * opens; `placePopover` keeps it inside the viewport. As wide as its longest item, never wider
 * than the viewport (then its text wraps: nothing is cut). The focused item has a 2 px ring in
 * the accent colour (3:1 or more against the surface and the item's tint, in either scheme), and
 * a ring in the text's system colour under forced colours.
 */
export const radioMenuStyles = css`
  [role='menu'] {
    position: absolute;
    z-index: 10;
    inset-inline-start: 0;
    inline-size: max-content;
    margin: 0;
    padding: 0.25em 0;
    background: var(--_surface);
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
    overflow-wrap: anywhere;
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
    background: color-mix(in srgb, var(--_accent) 12%, transparent);
  }
  [role='menuitemradio']:focus {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  /* CanvasText, not Highlight: Firefox's Highlight is 2.9:1 against its Canvas. */
  @media (forced-colors: active) {
    [role='menuitemradio']:focus {
      outline-color: CanvasText;
    }
  }
  .check {
    flex: none;
    width: 1em;
    text-align: center;
  }
  [aria-checked='true'] > .check::before {
    content: '✓';
  }
  /* Under the items, as wide as the menu: where calls go now (Availability). */
  .menu-note {
    inline-size: 0;
    min-inline-size: 100%;
    box-sizing: border-box;
    margin: 0.25em 0 0;
    padding: 0.4em 0.8em 0.2em;
    border-block-start: 1px solid var(--_muted);
    font-size: 0.9em;
  }
`;

/** How close a menu or popover comes to the viewport's edges, in px. */
const EDGE = 8;

/** The side of its anchor a menu or popover opens on. */
export type PopoverSide = 'below' | 'above';

/**
 * Keeps `popover`, absolutely positioned against its element's box, inside the viewport at any
 * width (issue 18): it opens on the `prefer` side if it fits there, else on the other side if it
 * fits there, else on the roomier side, scrolling; then it moves sideways as far as it must, and
 * it is never wider than the viewport (its text wraps). Call it after each render that shows it.
 */
export function placePopover(popover: HTMLElement, prefer: PopoverSide): void {
  const { style } = popover;
  const width = document.documentElement.clientWidth;
  const height = document.documentElement.clientHeight;
  const put = (side: PopoverSide) => {
    style.insetBlockStart = side === 'below' ? 'calc(100% + 0.25em)' : 'auto';
    style.insetBlockEnd = side === 'above' ? 'calc(100% + 0.25em)' : 'auto';
    return popover.getBoundingClientRect();
  };
  /** How much room the popover has on `side`, measured from where it starts there. */
  const room = (side: PopoverSide, rect: DOMRect) => (side === 'below' ? height - EDGE - rect.top : rect.bottom - EDGE);
  style.translate = style.maxBlockSize = style.overflowY = '';
  style.maxInlineSize = `${Math.max(width - 2 * EDGE, 0)}px`;
  const other: PopoverSide = prefer === 'below' ? 'above' : 'below';
  let rect = put(prefer);
  if (rect.height > room(prefer, rect)) {
    const preferRoom = room(prefer, rect);
    rect = put(other);
    const otherRoom = room(other, rect);
    if (rect.height > otherRoom) {
      const side = otherRoom > preferRoom ? other : prefer;
      rect = put(side);
      style.maxBlockSize = `${Math.max(Math.max(otherRoom, preferRoom), 0)}px`;
      style.overflowY = 'auto';
      rect = popover.getBoundingClientRect();
    }
  }
  let dx = 0;
  if (rect.right > width - EDGE) dx = width - EDGE - rect.right;
  if (rect.left + dx < EDGE) dx = EDGE - rect.left;
  if (dx !== 0) style.translate = `${dx}px 0`;
}

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
  /** The side of its button the menu opens on when it fits there (`placePopover`); below by default. */
  readonly side?: PopoverSide;
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
    window.removeEventListener('resize', this.#place);
  }

  /** Opens the menu and focuses the checked item, else the first or (`'last'`) last one. */
  async show(fallback: 'first' | 'last' = 'first'): Promise<void> {
    if (this.options.beforeOpen?.() === false) return;
    this.open = true;
    document.addEventListener('pointerdown', this.#handleOutsidePointer, true);
    window.addEventListener('resize', this.#place);
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.#place();
    const items = this.options.items();
    const checked = items.find((item) => item.getAttribute('aria-checked') === 'true');
    (checked ?? (fallback === 'first' ? items[0] : items.at(-1)))?.focus();
  }

  /** Closes the menu; `returnFocus` puts focus back on the button (Escape, a choice). */
  hide(returnFocus = false): void {
    if (!this.open) return;
    this.open = false;
    document.removeEventListener('pointerdown', this.#handleOutsidePointer, true);
    window.removeEventListener('resize', this.#place);
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

  /** Keeps the open menu inside the viewport, as it opens and when the window changes size. */
  readonly #place = (): void => {
    const menu = this.options.menu();
    if (this.open && menu) placePopover(menu, this.options.side ?? 'below');
  };

  readonly #handleOutsidePointer = (event: Event): void => {
    if (!event.composedPath().some((target) => target instanceof Node && this.#contains(target))) this.hide();
  };

  #contains(node: Node): boolean {
    return [this.options.menu(), this.options.button()].some((part) => part?.contains(node));
  }
}
