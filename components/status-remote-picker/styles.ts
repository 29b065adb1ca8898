import { css } from 'lit';

/**
 * The look of `<status-remote-picker>`: the list of statuses, each row opening its status, and
 * Edit Status's fields and buttons. Its dropdowns take the shared `selectStyles`.
 */
export const statusRemotePickerStyles = css`
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 2px solid var(--_accent);
  }
  /* The list takes the shared listStyles; each row opens its status. */
  li {
    position: relative;
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: center;
    gap: 0 1em;
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
  /* A pill (baseStyles), beside the name and its details. */
  .active {
    grid-column: 2;
    grid-row: 1 / span 2;
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
