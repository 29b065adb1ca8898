import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';

/**
 * An element's polite live region: what it `say`s is read by screen readers after the current
 * speech, and is the text of a visually hidden `role="status"` the host renders with `render()`.
 *
 * Saying something writes the region's text at once, without rendering the host again: an
 * announcement that follows the platform's answer (a status now in force, a change that has to
 * wait) costs no render (issue 8's one render per element and change).
 */
export class LiveRegion {
  /** What was last said; empty says nothing. */
  #message = '';
  #region: Element | undefined;

  get message(): string {
    return this.#message;
  }

  say(message: string): void {
    this.#message = message;
    if (this.#region && this.#region.textContent !== message) this.#region.textContent = message;
  }

  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" ${ref(this.#attach)}></div>`;
  }

  readonly #attach = (region: Element | undefined): void => {
    this.#region = region;
    if (region && region.textContent !== this.#message) region.textContent = this.#message;
  };
}
