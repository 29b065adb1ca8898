/**
 * An element's polite live region: what it `say`s is read by screen readers after the current
 * speech, and is the text of a visually hidden `role="status"` the host renders with `render()`.
 *
 * The region is one element made with the host and rendered as it is, so saying something writes
 * its text at once, without rendering the host again: an announcement that follows the platform's
 * answer (a status now in force, a change that has to wait) costs no render (issue 8's one render
 * per element and change), and the text stays when a render moves the region.
 */
export class LiveRegion {
  readonly #region = document.createElement('div');

  constructor() {
    this.#region.className = 'visually-hidden';
    this.#region.setAttribute('role', 'status');
    this.#region.setAttribute('aria-live', 'polite');
  }

  /** Says `message`; an empty one says nothing. */
  say(message: string): void {
    if (this.#region.textContent !== message) this.#region.textContent = message;
  }

  /** The region, for the host's template (a node Lit places as it is, and leaves where it is after). */
  render(): HTMLElement {
    return this.#region;
  }
}
