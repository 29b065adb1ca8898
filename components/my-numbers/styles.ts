import { css } from 'lit';
import { dialogStyles } from '../shared/styles.js';

/**
 * The look of `<my-numbers>`: the header with its ⋮ menu, the rows and their markers. Its delete
 * confirmation takes the shared `dialogStyles`, written into this sheet rather than adopted as a
 * sheet of its own: one sheet fewer for every `<my-numbers>` to adopt when it connects, for the
 * rules of a dialog it shows only while it asks. They come first, before the element's own rules
 * as they were; they now follow `listStyles` rather than precede it, which changes nothing, as no
 * rule of `listStyles` reaches a `<dialog>` or its `.actions`.
 */
export const myNumbersStyles = css`
  ${dialogStyles}
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
  }
  .menu-anchor {
    position: relative;
  }
  [role='menu'] {
    position: absolute;
    inset-inline-end: 0;
    z-index: 1;
    min-width: 10em;
    margin: 0.25em 0 0;
    padding: 0.25em;
    list-style: none;
    background: var(--_surface);
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    box-shadow: 0 4px 12px rgb(0 0 0 / 20%);
  }
  [role='menu'][hidden] {
    display: none;
  }
  [role='menuitem'] {
    width: 100%;
    border: none;
    justify-content: flex-start;
  }
  [role='menuitem']:focus {
    background: color-mix(in srgb, var(--_accent) 15%, transparent);
  }
  /* The rows take the shared listStyles. */
  ul.numbers:focus {
    outline: none;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
  }
  .row > .icon {
    color: var(--_muted);
  }
  .who {
    flex: 1 1 12em;
    display: flex;
    flex-direction: column;
  }
  .label {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  ul.markers {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    margin: 0.25em 0 0;
    padding: 0;
    list-style: none;
  }
  /* Edit and Delete, icons named by their aria-label, always in the same two columns at the row's end. */
  .actions {
    display: grid;
    grid-template-columns: repeat(2, 2.125em);
    gap: 0.25em;
    margin-inline-start: auto;
  }
  .actions button {
    justify-content: center;
    padding: 0;
    border-color: transparent;
    background: none;
  }
  .actions button:hover {
    border-color: var(--_muted);
  }
  .actions button.delete:hover {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  .row-note {
    margin: 0.25em 0 0;
  }
  /* The dialog's code is on its way, or could not be loaded: why, and Try again beside it (wrapping when narrow). */
  .dialog-note {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
  }
  .dialog-note p {
    flex: 1 1 14em;
    margin: 0;
  }
  .warning ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface);
  }
`;
