import { css } from 'lit';

/**
 * The look of `<call-using-footer>`: the bar, the line a placed call leaves, and the Place Call With
 * prompt's radio group. The menu takes the shared `radioMenuStyles`, the prompt `dialogStyles`.
 */
export const callUsingFooterStyles = css`
  :host {
    position: relative;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 0.5em;
    flex-wrap: wrap;
  }
  .dial {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  [role='menuitemradio'] .icon,
  fieldset .icon {
    color: var(--_muted);
  }
  /* Above the button: the footer sits at the bottom of the client (placePopover flips it when it must). */
  [role='menu'] {
    inset-block-end: calc(100% + 0.25em);
  }
  fieldset {
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    margin: 0.5em 0;
  }
  fieldset label {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    padding: 0.3em 0;
  }
  .error {
    margin: 0.25em 0;
  }
  /*
   * The line a placed call leaves (call-status.ts): above the bar, where the menu opens, and out of
   * the flow, because a line that took room would move the bar's button from under the pointer (the
   * footer sits at the bottom of the client, so the bar would rise). Under the menu, which covers it.
   */
  .call-status {
    position: absolute;
    z-index: 9;
    inset-inline-start: 0;
    inset-block-end: calc(100% + 0.25em);
    display: flex;
    align-items: center;
    gap: 0.5em;
    max-inline-size: min(32em, 90vw);
    padding: 0.2em 0.2em 0.2em 0.75em;
    background: var(--_surface);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
  }
  .call-status p {
    margin: 0;
  }
  .call-status button {
    min-height: 1.75em;
    padding: 0 0.5em;
    border-color: transparent;
  }
`;
