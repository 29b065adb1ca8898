import { html, nothing, type TemplateResult } from 'lit';
import { callThroughFixes, numberMarkers, offersDelete, type PhoneNumber, type Snapshot } from '../../src/model/index.js';
import type { SharedStrings } from '../shared/strings.js';
import type { MyNumbersStrings } from './strings.js';

/** What a row of My Numbers needs besides the data: its words, its state and what its buttons do. */
export interface NumberRowContext {
  readonly t: MyNumbersStrings;
  readonly shared: SharedStrings;
  /**
   * A change to this number is on its way (`saving`) or waits to be sent because the platform
   * cannot be reached (`waiting`, SYNC-4); null when there is none (NUM-6).
   */
  readonly pending: 'saving' | 'waiting' | null;
  /** Why this number was not deleted, shown under it; undefined when it was not refused. */
  readonly problem: string | undefined;
  /** Edit's dialog is on its way, or could not be loaded (`renderDialogNote`); undefined otherwise. */
  readonly dialogNote: TemplateResult | undefined;
  readonly edit: (numberId: string) => void;
  readonly delete: (number: PhoneNumber) => void;
}

/**
 * One number of My Numbers: its label, dial string and markers (NUM-1), Edit and, for numbers the
 * user made, Delete (NUM-3), "Saving…" or "Waiting to be sent" while a change to it is pending (NUM-6), why Call Through
 * cannot work (FMC-2) and why a delete was refused (NUM-5).
 */
export function renderNumberRow(data: Snapshot, n: PhoneNumber, row: NumberRowContext): TemplateResult {
  const { t, shared, pending, problem, dialogNote } = row;
  const markers = numberMarkers(data, n);
  const permitted = data.platform.permissions.manageNumbers;
  const busy = pending === 'saving' ? 'true' : 'false';
  const markerList = markers.length > 0 ? renderMarkers(markers, t) : nothing;
  const saving = pending ? html`<span class="muted saving">${pending === 'waiting' ? shared.waitingToSend : shared.saving}</span>` : nothing;
  const editDisabled = permitted ? 'false' : 'true';
  const editDescribedBy = !permitted ? 'no-permission' : dialogNote ? `edit-note-${n.id}` : nothing;
  const notes = renderRowNotes(n, callThroughFixes(data, n), row);
  // Written without white space between the tags (line breaks fall inside them): every space
  // between two tags would be a text node in each of hundreds of rows (issue 19, 30 nodes a row).
  // The icons are written out here, not made by `icon()` (components/shared/icons.ts, whose markup
  // and paths they copy): a nested template per icon cost three template instances a row.
  return html`<li
      class="number"
      part="number"
      aria-busy=${busy}
    ><div class="row"
      ><svg class="icon" data-icon="mobile" viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="currentColor"><path d="M4 1h8v14H4zm1 2v9h6V3z"></path></svg><div class="who"
        ><span class="label" part="label" .textContent=${n.label}></span
        ><span class="dial" part="dial" dir="ltr" .textContent=${n.dial}></span
        >${markerList}</div
      >${saving}<div
        class="actions"
        ><button
          type="button"
          class="edit"
          aria-label=${t.editNamed(n.label)}
          title=${t.edit}
          aria-disabled=${editDisabled}
          aria-describedby=${editDescribedBy}
          @click=${() => row.edit(n.id)}
        ><svg class="icon" data-icon="edit" viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="currentColor"><path d="M11 1l4 4-9 9H2v-4z"></path></svg></button
        >${offersDelete(n)
          ? html`<button
              type="button"
              class="delete"
              id=${`delete-${n.id}`}
              aria-label=${t.deleteNamed(n.label)}
              title=${t.delete}
              aria-disabled=${!permitted || pending !== null ? 'true' : 'false'}
              aria-describedby=${problem ? `problem-${n.id}` : !permitted ? 'no-permission' : nothing}
              @click=${() => row.delete(n)}
            ><svg class="icon" data-icon="delete" viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="currentColor"><path d="M5 1h6v2h4v2H1V3h4zM2 6h12l-1 9H3z"></path></svg></button>`
          : nothing}</div
      ></div
    >${notes}</li
  >`;
}

/** A row's markers (NUM-1): Remote Extension, Set by administrator, FMC. */
function renderMarkers(markers: ReturnType<typeof numberMarkers>, t: MyNumbersStrings): TemplateResult {
  return html`<ul class="markers" part="markers" aria-label=${t.markers}>${markers.map(
    (m) => html`<li class=${m === 'active-remote-extension' ? 'pill accent active' : 'pill'} .textContent=${t.marker[m]}></li>`,
  )}</ul>`;
}

/**
 * Why Call Through cannot work yet (FMC-2), why a delete was refused (NUM-5) and why Edit did not
 * open: one binding for all three.
 */
function renderRowNotes(n: PhoneNumber, fixes: ReturnType<typeof callThroughFixes>, row: NumberRowContext) {
  const { problem, dialogNote } = row;
  if (fixes.length === 0 && !problem && !dialogNote) return nothing;
  return html`${fixes.length > 0
    ? html`<div class="warning row-note" id=${`warning-${n.id}`}>
        ${row.t.callThroughWontWork}
        <ul>
          ${fixes.map((f) => html`<li>${row.shared.callThroughFix(f)}</li>`)}
        </ul>
      </div>`
    : nothing}${problem ? html`<p class="error row-note" id=${`problem-${n.id}`}>${problem}</p>` : nothing}${dialogNote ?? nothing}`;
}

/** Where the Add/Edit Number dialog's code stands for the control that asked: New (`numberId` null) or a row's Edit. */
export interface DialogLoad {
  readonly numberId: string | null;
  /** Its load failed; else it is still on its way. */
  readonly failed: boolean;
}

/**
 * The Add/Edit Number dialog's code is on its way, or could not be loaded: `text` (with `id`,
 * which the control that was used points to) and, after a failure, *Try again*, which loads it
 * again and opens it.
 */
export function renderDialogNote(
  id: string,
  text: string,
  retry: { readonly label: string; readonly click: (event: Event) => void } | null,
): TemplateResult {
  return retry
    ? html`<div class="dialog-note row-note">
        <p class="error" part="error" id=${id}>${text}</p>
        <button type="button" part="retry" aria-describedby=${id} @click=${retry.click}>${retry.label}</button>
      </div>`
    : html`<div class="dialog-note row-note"><p class="muted" aria-busy="true" id=${id}>${text}</p></div>`;
}
