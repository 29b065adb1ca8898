import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * An element's polite live region: what it `say`s is read by screen readers after the current
 * speech, and is the text of a visually hidden `role="status"` the host renders with `render()`.
 */
export class LiveRegion {
  /** What was last said; empty says nothing. */
  message = '';

  constructor(private readonly host: ReactiveControllerHost) {}

  say(message: string): void {
    if (message === this.message) return;
    this.message = message;
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.message}</div>`;
  }
}
