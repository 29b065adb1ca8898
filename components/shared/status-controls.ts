import { css, html, type TemplateResult } from 'lit';
import { remoteExtensions, type Snapshot } from '../../src/model/index.js';

/** What the status elements' Remote Extension dropdowns share: their look, options and value. */

/**
 * The status elements' dropdowns: the browser's own control (its arrow, its list, and forced
 * colours, which it handles itself), as tall as a button with the same border and corners, and no
 * wider than its container or about 24em, however long its options. One that is aria-disabled looks it.
 */
export const selectStyles = css`
  select {
    appearance: auto;
    block-size: calc(1.9em + 2px);
    inline-size: auto;
    min-inline-size: min(12em, 100%);
    max-inline-size: min(100%, 24em);
    padding: 0 0.5em;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
    text-overflow: ellipsis;
  }
  select[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
`;

/** The Remote Extension dropdown's options (STAT-2): None, then every remote extension, `selected` chosen. */
export function remoteExtensionOptions(
  data: Snapshot,
  selected: string | null,
  none: string,
  text: (label: string, dial: string | null) => string,
): TemplateResult {
  return html`<option value="" ?selected=${selected === null}>${none}</option>
    ${remoteExtensions(data).map((n) => html`<option value=${n.id} ?selected=${selected === n.id}>${text(n.label, n.dial)}</option>`)}`;
}

/**
 * Makes each select in `root` whose id is a key of `values` show that value. Done after rendering,
 * not with a `.value` binding: a native select keeps the person's pick through re-renders (also
 * after a rollback), and one whose chosen option was removed would show another option.
 */
export function showSelectValues(root: ParentNode, values: Readonly<Record<string, string>>): void {
  for (const select of root.querySelectorAll('select')) {
    const value = values[select.id];
    if (value !== undefined && select.value !== value) select.value = value;
  }
}
