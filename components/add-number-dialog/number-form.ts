/**
 * The form inside `<add-number-dialog>`: Label, Number, Remote Extension and, when editing, FMC
 * and Call Through, with their messages and the "i" explanation. A template of what the dialog
 * hands it; the dialog keeps the state and the lifecycle.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { type CallThroughFix, type DialPlan, type LockReason } from '../../src/model/index.js';
import {
  fieldProblems,
  type NumberFields,
  type RemoteExtensionBlock,
} from '../../src/model/number-draft.js';
import type { SharedStrings } from '../shared/strings.js';
import type { AddNumberDialogStrings } from './strings.js';

/** What the form shows. */
export interface NumberFormView {
  readonly strings: AddNumberDialogStrings;
  readonly shared: SharedStrings;
  /** Edit Number (EDIT-1) rather than Add Number (ADD-1). */
  readonly edit: boolean;
  readonly fields: NumberFields;
  /** An example number from the platform's dial plan, once it is known (PLAT-2). */
  readonly example: string | null;
  /** The platform's dial plan, once it is known: it decides how long Number's messages can be. */
  readonly dialPlan: DialPlan | null;
  /** PLAT-1: off MX-One there are no Remote Extension controls, only one short note. */
  readonly remoteExtensionSupported: boolean;
  /** What is wrong with Label, Number, or the save as a whole; null when nothing is. */
  readonly labelMessage: string | null;
  readonly numberMessage: string | null;
  readonly formMessage: string | null;
  /** EDIT-2: why Number (and Remote Extension) are locked; empty when they are not. */
  readonly locks: readonly LockReason[];
  readonly blocked: RemoteExtensionBlock | null;
  /** FMC-2: what to change for Call Through to work. */
  readonly fixes: readonly CallThroughFix[];
  readonly saving: boolean;
  /** Whether the "i" explanation is shown. */
  readonly explaining: boolean;
}

/** What the form's controls call. */
export interface NumberFormHandlers {
  readonly submit: (event: SubmitEvent) => void;
  readonly cancel: () => void;
  readonly labelInput: (event: Event) => void;
  readonly labelBlur: () => void;
  readonly numberInput: (event: Event) => void;
  readonly numberBlur: () => void;
  /** Clicks and Space on the Remote Extension checkbox, which it ignores while blocked. */
  readonly remoteExtensionClick: (event: MouseEvent) => void;
  readonly remoteExtensionChange: (event: Event) => void;
  readonly fmcChange: (event: Event) => void;
  readonly callThroughChange: (event: Event) => void;
  readonly infoClick: () => void;
}

export const numberFormStyles = css`
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
    margin-block-end: 0.75em;
  }
  .check {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em;
    margin-block-end: 0.5em;
  }
  input[type='text'] {
    padding: 0.3em 0.5em;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  input[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  button.info {
    min-height: 1.6em;
    min-width: 1.6em;
    padding: 0;
    justify-content: center;
    border-radius: 50%;
    font-style: italic;
    font-weight: bold;
  }
  .explanation,
  .warning,
  .note {
    flex-basis: 100%;
    margin: 0;
  }
  .explanation ul {
    margin: 0.2em 0 0;
    padding-inline-start: 1.2em;
  }
  p.error,
  p.hint {
    margin: 0;
  }
  /*
   * Issue 18: nothing moves under the pointer. A field's message (or Number's hint, which its
   * message replaces) shows in a slot that always holds the room of the longest message the live
   * check can show there, so leaving a field, which shows its message, moves no control: not the
   * button being pressed, not the checkbox. The reserve is that text itself, laid in the same grid
   * cell and hidden, so the room fits every width and language (320 px, Swedish) without guessing.
   */
  .message {
    display: grid;
  }
  .message > * {
    grid-area: 1 / 1;
    margin: 0;
  }
  .message > .reserve {
    visibility: hidden;
  }
  /* Below the buttons: a refusal of the whole form appears without moving Add or Cancel. */
  p.form-error {
    margin: 0.75em 0 0;
  }
`;

/** What a field's message slot keeps room for: every message its live check can show (and the hint). */
function reserveTexts(view: NumberFormView, field: 'label' | 'number'): string[] {
  const problems = fieldProblems(view.dialPlan)[field].map((p) => view.shared.problem(p));
  return field === 'number' && view.example !== null ? [view.strings.example(view.example), ...problems] : problems;
}

/** The hidden text that holds a message slot's room; not read out, not found by find-in-page. */
function reserve(texts: readonly string[]) {
  return texts.map((text) => html`<p class="reserve" aria-hidden="true">${text}</p>`);
}

/** The heading and the form, as the open dialog shows them. */
export function numberForm(view: NumberFormView, on: NumberFormHandlers): TemplateResult {
  const t = view.strings;
  const title = view.edit ? t.editTitle : t.addTitle;
  return html`
    <h2 id="heading" part="heading">${title}</h2>
    <form part="form" novalidate @submit=${on.submit}>
      ${labelField(view, on)} ${numberField(view, on)} ${flags(view, on)}
      <div class="actions" part="actions">
        <button
          type="submit"
          class="primary"
          part="submit"
          aria-disabled=${view.saving ? 'true' : 'false'}
          aria-busy=${view.saving ? 'true' : 'false'}
        >
          ${view.saving ? view.shared.saving : view.edit ? t.done : t.add}
        </button>
        <button type="button" part="cancel" @click=${on.cancel}>${view.shared.cancel}</button>
      </div>
      ${view.formMessage ? html`<p id="form-error" class="error form-error">${view.formMessage}</p>` : nothing}
    </form>
  `;
}

function labelField(view: NumberFormView, on: NumberFormHandlers) {
  const message = view.labelMessage;
  return html`
    <div class="field" part="field">
      <label for="label">${view.strings.label}</label>
      <input
        id="label"
        part="input"
        type="text"
        autocomplete="off"
        .value=${view.fields.label}
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby=${message ? 'label-error' : ''}
        @input=${on.labelInput}
        @blur=${on.labelBlur}
      />
      <div class="message">
        ${reserve(reserveTexts(view, 'label'))}
        ${message ? html`<p id="label-error" class="error">${message}</p>` : nothing}
      </div>
    </div>
  `;
}

function numberField(view: NumberFormView, on: NumberFormHandlers) {
  const message = view.numberMessage;
  const locked = view.locks.length > 0;
  // The message replaces the hint: every one of Number's own messages gives the example again.
  const hint = message === null && view.example !== null;
  const describedBy = [hint ? 'number-hint' : '', message ? 'number-error' : '', locked ? 'why' : '']
    .filter(Boolean)
    .join(' ');
  return html`
    <div class="field" part="field">
      <label for="number">${view.strings.number}</label>
      <input
        id="number"
        part="input"
        type="text"
        inputmode="tel"
        autocomplete="tel"
        .value=${view.fields.dial}
        ?readonly=${locked}
        aria-disabled=${locked ? 'true' : 'false'}
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @input=${on.numberInput}
        @blur=${on.numberBlur}
      />
      <div class="message">
        ${reserve(reserveTexts(view, 'number'))}
        ${hint ? html`<p id="number-hint" class="hint muted">${view.strings.example(view.example ?? '')}</p>` : nothing}
        ${message ? html`<p id="number-error" class="error">${message}</p>` : nothing}
      </div>
      ${locked && !view.remoteExtensionSupported
        ? html`<div class="check">${explanation(view, on, { kind: 'locked', reasons: view.locks })}</div>`
        : nothing}
    </div>
  `;
}

/** Remote Extension (or PLAT-1's note), then FMC and Call Through when editing. */
function flags(view: NumberFormView, on: NumberFormHandlers) {
  const { strings: t, fields, blocked, fixes } = view;
  // PLAT-1: off MX-One a lock's "i" sits with the Number field instead.
  const supported = view.remoteExtensionSupported;
  return html`
    ${supported
      ? html`
          <div class="check" part="field">
            <input
              id="remote-extension"
              type="checkbox"
              .checked=${fields.remoteExtension}
              aria-disabled=${blocked ? 'true' : 'false'}
              aria-describedby=${blocked ? 'why' : ''}
              @click=${on.remoteExtensionClick}
              @change=${on.remoteExtensionChange}
            />
            <label for="remote-extension">${t.remoteExtension}</label>
            ${blocked ? explanation(view, on, blocked) : nothing}
          </div>
        `
      : html`<p class="note muted" part="note">${view.shared.remoteExtensionNeedsMxOne}</p>`}
    ${view.edit
      ? html`
          <div class="check" part="field">
            <input id="fmc" type="checkbox" .checked=${fields.fmc} @change=${on.fmcChange} />
            <label for="fmc">${t.fmc}</label>
          </div>
        `
      : nothing}
    ${view.edit && supported && fields.remoteExtension
      ? html`
          <div class="check" part="field">
            <input
              id="call-through"
              type="checkbox"
              .checked=${fields.callThrough}
              aria-describedby=${fixes.length > 0 ? 'call-through-warning' : ''}
              @change=${on.callThroughChange}
            />
            <label for="call-through">${t.callThrough}</label>
            ${fixes.length > 0
              ? html`<p id="call-through-warning" class="warning" part="warning">
                  ${t.callThroughWarning} ${fixes.map((f) => view.shared.callThroughFix(f)).join(' ')}
                </p>`
              : nothing}
          </div>
        `
      : nothing}
  `;
}

/** The "i" button and what it explains: EDIT-2's locks, or why Remote Extension is unavailable (ADD-3). */
function explanation(view: NumberFormView, on: NumberFormHandlers, blocked: RemoteExtensionBlock) {
  const t = view.strings;
  const name = blocked.kind === 'locked' ? t.whyLocked : t.whyUnavailable;
  return html`
    <button
      type="button"
      class="info"
      part="info-button"
      aria-label=${name}
      aria-expanded=${view.explaining ? 'true' : 'false'}
      aria-controls="why"
      @click=${on.infoClick}
    >
      i
    </button>
    <div id="why" class="explanation" part="explanation" ?hidden=${!view.explaining}>
      ${blocked.kind === 'locked'
        ? html`${t.lockedIntro}
            <ul>
              ${blocked.reasons.map((r) => html`<li>${view.shared.lockReason(r)}</li>`)}
            </ul>`
        : view.shared.problem(blocked.problem)}
    </div>
  `;
}
