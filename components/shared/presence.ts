import { css, html, type TemplateResult } from 'lit';
import type { DynamicStatus } from '../../src/model/index.js';

/**
 * The presence dot beside a status name (`<span class="presence busy">`), shared by the
 * elements that list statuses. The document's `@cssprop` tags are repeated on each element,
 * since that is where the manifest looks for them.
 */
export const presenceStyles = css`
  :host {
    --_available: var(--re-presence-available, light-dark(#1e7d32, #7bd88f));
    --_busy: var(--re-presence-busy, light-dark(#b3261e, #ffb4ab));
    --_away: var(--re-presence-away, light-dark(#9a6700, #ffcf7a));
    --_dnd: var(--re-presence-dnd, light-dark(#b3261e, #ffb4ab));
  }
  .presence {
    display: inline-block;
    flex: none;
    width: 0.7em;
    height: 0.7em;
    border-radius: 50%;
    background: var(--_available);
  }
  .presence.busy {
    background: var(--_busy);
  }
  .presence.away {
    background: var(--_away);
  }
  .presence.dnd {
    background: var(--_dnd);
    box-shadow: inset 0 0 0 0.25em var(--_dnd), inset 0 0 0 0.35em var(--_surface);
  }
  /*
   * Forced colours would paint a dot in the background's own colour (it has no text or border):
   * system colours instead, told apart by shape as well as by name beside them: available and busy
   * filled, away a ring, Do Not Disturb a bar.
   */
  @media (forced-colors: active) {
    .presence {
      forced-color-adjust: none;
      background: CanvasText;
      border: 0.12em solid CanvasText;
    }
    .presence.away {
      background: Canvas;
    }
    .presence.dnd {
      box-shadow: inset 0 0.22em 0 0 CanvasText, inset 0 -0.22em 0 0 CanvasText;
      background: Canvas;
    }
  }
`;

/** The presence dot beside a status name; styled by `presenceStyles`. */
export function presenceDot(status: DynamicStatus): TemplateResult {
  return html`<span class="presence ${status.presence}" part="presence" aria-hidden="true"></span>`;
}
