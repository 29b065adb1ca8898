import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { placePopover } from '../shared/menu.js';

/**
 * The line a placed call leaves above the footer's bar (CALL-2): "Calling 4730 from Desk phone."
 * and a Dismiss button. It stays until dismissed or until the next Place Call With prompt opens.
 *
 * The line is the call's one announcement: its words are a polite live region (`role="status"`),
 * and the element's hidden live region says nothing of the call. One region, so that a screen
 * reader says the call once, in the very words on screen. The region is rendered while empty too
 * (visually hidden then), because screen readers say a change only of a region already in the page.
 * Dismiss is beside the region, not in it, so it is not read out with the words.
 */
export class CallStatusLine {
  /** The words, in the host's language when it renders; null while nothing is shown. */
  #words: (() => string) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    /** Runs after Dismiss, once the line is gone: it puts focus somewhere that stays. */
    private readonly dismissed: () => void,
  ) {}

  show(words: () => string): void {
    this.#words = words;
    this.host.requestUpdate();
    // Above the bar, or below it when the footer is at the top of the page: inside the viewport.
    void this.host.updateComplete.then(() => {
      const line = this.host.renderRoot.querySelector<HTMLElement>('.call-status');
      if (line) placePopover(line, 'above');
    });
  }

  clear(): void {
    if (!this.#words) return;
    this.#words = null;
    this.host.requestUpdate();
  }

  /** The line, whose Dismiss button is named `dismissName`. */
  render(dismissName: string): TemplateResult {
    const words = this.#words?.() ?? '';
    return html`
      <div part="call-status" class=${words ? 'call-status' : 'visually-hidden'}>
        <p role="status">${words}</p>
        ${words
          ? html`<button type="button" part="dismiss" aria-label=${dismissName} @click=${this.#dismiss}>
              <span aria-hidden="true">×</span>
            </button>`
          : nothing}
      </div>
    `;
  }

  readonly #dismiss = (): void => {
    this.dismissed();
    this.clear();
  };
}
