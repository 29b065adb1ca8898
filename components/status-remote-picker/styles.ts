import { css } from 'lit';

/**
 * The look of `<status-remote-picker>`: the list of statuses, each row opening its status, and
 * Edit Status's fields and buttons. Its dropdowns take the shared `selectStyles`.
 */
export const statusRemotePickerStyles = css`
  h2 {
    margin: 0 0 0.5em;
    font-size: 1.15em;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 2px solid var(--_accent);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25em;
  }
  li {
    position: relative;
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: center;
    gap: 0 1em;
    padding: 0.5em 0.8em;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
  }
  li:has(.status:hover) {
    background: color-mix(in srgb, var(--_accent) 8%, transparent);
  }
  .status {
    grid-column: 1;
    justify-self: start;
    min-height: 0;
    padding: 0;
    border: none;
    background: none;
    font-weight: 600;
    text-align: start;
  }
  /* The whole row opens the status; the button stays the one control a screen reader meets. */
  .status::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  .detail {
    grid-column: 1;
    color: var(--_muted);
  }
  .active {
    grid-column: 2;
    grid-row: 1 / span 2;
    color: var(--_accent);
    font-weight: 600;
  }
  .name {
    margin: 0 0 0.75em;
    font-weight: 600;
  }
  /* One column no wider than the element: a select as wide as its longest option shrinks to it. */
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    justify-items: start;
    gap: 0.2em;
    margin-block-end: 0.75em;
  }
  select {
    max-width: 100%;
    min-width: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .actions .error {
    flex-basis: 100%;
    margin: 0;
  }
`;
