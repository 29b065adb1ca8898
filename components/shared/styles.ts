import { css } from 'lit';

/**
 * The public theme (custom properties with the `--re-` prefix) mapped to the private `--_` ones the
 * rules use, light and dark: declarations for a rule's body. Every element's `:host` has them
 * (`baseStyles`); so does the provider's note about elements that could not be loaded, which is
 * not in an element of its own.
 */
export const themeProperties = css`
  color-scheme: light dark;
  --_accent: var(--re-color-accent, light-dark(#0b5cad, #7ab7ff));
  --_surface: var(--re-color-surface, light-dark(#ffffff, #1e2126));
  --_text: var(--re-color-text, light-dark(#1b1d21, #e8eaed));
  --_muted: var(--re-color-muted, light-dark(#5b6270, #a5acb8));
  --_danger: var(--re-color-danger, light-dark(#b3261e, #ffb4ab));
  --_warning: var(--re-color-warning, light-dark(#8a5300, #ffcf7a));
  --_radius: var(--re-radius, 6px);
  --_font-size: var(--re-font-size, 14px);
`;

/**
 * A note's box, with its button beside the text (wrapping when narrow): the note about changes
 * waiting to be sent, and the provider's note about elements that could not be loaded. Declarations
 * for a rule's body; the rule adds the border's colour.
 */
export const noteBox = css`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.25em 0.75em;
  margin: 0 0 0.5em;
  padding: 0.5em 0.75em;
  border-radius: var(--_radius);
`;

/**
 * What every element starts from: the public theme (custom properties with the `--re-` prefix,
 * mapped to private `--_` ones), light and dark, and a reset so host-page rules such as
 * `button { display: none }` cannot reach inside (EMB-2). Only inherited text properties such as
 * `font-family` and `color` come in from the page, on purpose.
 *
 * @cssprop --re-color-accent - Buttons, focus rings and the active marker.
 * @cssprop --re-color-surface - Background of lists, menus and dialogs.
 * @cssprop --re-color-text - Main text.
 * @cssprop --re-color-muted - Secondary text and borders.
 * @cssprop --re-color-danger - Errors and Delete.
 * @cssprop --re-color-warning - Call Through warnings.
 * @cssprop --re-radius - Corner radius.
 * @cssprop --re-font-size - Base text size (default 14px).
 */
export const baseStyles = css`
  :host {
    ${themeProperties}
    display: block;
    box-sizing: border-box;
    color: var(--_text);
    /* The element paints its own surface so its text keeps its contrast on any page, in either scheme. */
    background-color: var(--_surface);
    /* !important: a page's \`* { font-size: … !important }\` would otherwise size the host (EMB-2). */
    font-size: var(--_font-size) !important;
    line-height: 1.4;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
    font-size: inherit;
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    min-height: 2em;
    padding: 0.25em 0.8em;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  /* The icons of icons.ts: in em, so they follow the text; in currentColor, so forced colours too. */
  .icon {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    vertical-align: -0.25em;
  }
  /* One heading size in every element and dialog (about 1.25rem at the default 14px). */
  h2,
  dialog h3 {
    margin: 0 0 0.5em;
    font-size: 1.4em;
    font-weight: 600;
    line-height: 1.3;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_surface);
  }
  button[aria-disabled='true'],
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .error {
    color: var(--_danger);
  }
  .warning {
    color: var(--_warning);
  }
  .muted {
    color: var(--_muted);
  }
  /*
   * A pill (My Numbers' markers, the Remote Extension badge, Manage Status's Active): 13 px or
   * more in the text colour, or the accent for the one that is in force; 4.5:1 or more in either
   * scheme. Its border keeps it visible under forced colours.
   */
  .pill {
    padding: 0 0.6em;
    border: 1px solid var(--_muted);
    border-radius: 1em;
    font-size: 0.9375em;
  }
  .pill.accent {
    border-color: var(--_accent);
    color: var(--_accent);
    font-weight: 600;
  }
  /* Changes waiting to be sent: how many, and Discard beside it (wrapping when narrow). */
  .note.waiting {
    ${noteBox}
    border: 1px solid var(--_warning);
  }
  .note.waiting p {
    flex: 1 1 14em;
    margin: 0;
  }
`;

/**
 * The modal dialogs' look (Add/Edit Number, the delete confirmation, Place Call With): one surface,
 * one backdrop, one row of buttons at the end.
 */
export const dialogStyles = css`
  dialog {
    min-width: min(22em, 90vw);
    max-width: min(32em, 90vw);
    padding: 1.25em;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
  }
  /* Clearly dimmed in either scheme: on a dark page a lighter veil would hardly show. */
  dialog::backdrop {
    background: rgb(0 0 0 / 0.6);
  }
  dialog:modal {
    box-shadow: 0 8px 32px rgb(0 0 0 / 0.35);
  }
  dialog .actions {
    display: flex;
    justify-content: flex-end;
    gap: 0.5em;
    margin-block-start: 1em;
  }
`;

/**
 * The one list look (issue 18): a bordered, rounded container whose rows are divided by a line,
 * shared by My Numbers, Manage Status's list of statuses and the popup's statuses. Put `list` on
 * the container; its children are the rows.
 */
export const listStyles = css`
  .list {
    --_line: color-mix(in srgb, var(--_muted) 45%, transparent);
    display: block;
    margin: 0;
    padding: 0;
    list-style: none;
    background: var(--_surface);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
  }
  .list > * {
    padding: 0.5em 0.75em;
  }
  .list > * + * {
    border-block-start: 1px solid var(--_line);
  }
  /* A row's tint (hover, checked) keeps to the container's rounded corners. */
  .list > :first-child {
    border-start-start-radius: inherit;
    border-start-end-radius: inherit;
  }
  .list > :last-child {
    border-end-start-radius: inherit;
    border-end-end-radius: inherit;
  }
`;
