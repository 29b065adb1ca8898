import { css } from 'lit';

/**
 * The look of `<my-numbers>`: the header with its ⋮ menu, the rows and their markers. Its delete
 * confirmation takes the shared `dialogStyles`.
 */
export const myNumbersStyles = css`
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
  }
  h2 {
    margin: 0 0 0.5em;
    font-size: 1.25em;
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
  ul.numbers {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  ul.numbers:focus {
    outline: none;
  }
  li.number {
    padding: 0.5em 0;
    border-bottom: 1px solid color-mix(in srgb, var(--_muted) 40%, transparent);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
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
  ul.markers li {
    padding: 0 0.5em;
    border: 1px solid var(--_muted);
    border-radius: 1em;
    font-size: 0.85em;
  }
  ul.markers li.active {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .actions {
    display: flex;
    gap: 0.35em;
  }
  .row-note {
    margin: 0.25em 0 0;
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
