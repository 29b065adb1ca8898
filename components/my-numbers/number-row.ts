import { html, nothing, type TemplateResult } from 'lit';
import { callThroughFixes, numberMarkers, offersDelete, type PhoneNumber, type Snapshot } from '../../src/model/index.js';
import { deviceIcon, icon } from '../shared/icons.js';
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
  readonly edit: (numberId: string) => void;
  readonly delete: (number: PhoneNumber) => void;
}

/**
 * One number of My Numbers: its label, dial string and markers (NUM-1), Edit and, for numbers the
 * user made, Delete (NUM-3), "Saving…" or "Waiting to be sent" while a change to it is pending (NUM-6), why Call Through
 * cannot work (FMC-2) and why a delete was refused (NUM-5).
 */
export function renderNumberRow(data: Snapshot, n: PhoneNumber, row: NumberRowContext): TemplateResult {
  const { t, shared, pending, problem } = row;
  const markers = numberMarkers(data, n);
  const permitted = data.platform.permissions.manageNumbers;
  const fixes = callThroughFixes(data, n.id);
  const deleteBlocked = !permitted || pending !== null;
  // Written without white space between the tags (line breaks fall inside them): every space
  // between two tags would be a text node in each of hundreds of rows (issue 19, 30 nodes a row).
  return html`<li
      class="number"
      part="number"
      aria-busy=${pending === 'saving' ? 'true' : 'false'}
    ><div class="row"
      >${deviceIcon({ kind: 'number' })}<div class="who"
        ><span class="label" part="label" .textContent=${n.label}></span
        ><span class="dial" part="dial" dir="ltr" .textContent=${n.dial}></span
        >${markers.length > 0
          ? html`<ul class="markers" part="markers" aria-label=${t.markers}>${markers.map(
              (m) => html`<li class=${m === 'active-remote-extension' ? 'pill accent active' : 'pill'} .textContent=${t.marker[m]}></li>`,
            )}</ul>`
          : nothing}</div
      >${pending ? html`<span class="muted saving">${pending === 'waiting' ? shared.waitingToSend : shared.saving}</span>` : nothing}<div
        class="actions"
        ><button
          type="button"
          class="edit"
          aria-label=${t.editNamed(n.label)}
          title=${t.edit}
          aria-disabled=${permitted ? 'false' : 'true'}
          aria-describedby=${permitted ? nothing : 'no-permission'}
          @click=${() => row.edit(n.id)}
        >${icon('edit')}</button
        >${offersDelete(n)
          ? html`<button
              type="button"
              class="delete"
              id=${`delete-${n.id}`}
              aria-label=${t.deleteNamed(n.label)}
              title=${t.delete}
              aria-disabled=${deleteBlocked ? 'true' : 'false'}
              aria-describedby=${problem ? `problem-${n.id}` : !permitted ? 'no-permission' : nothing}
              @click=${() => row.delete(n)}
            >${icon('delete')}</button>`
          : nothing}</div
      ></div
    >${renderRowNotes(n, fixes.map((f) => shared.callThroughFix(f)), t.callThroughWontWork, problem)}</li
  >`;
}

/** Why Call Through cannot work yet (FMC-2) and why a delete was refused (NUM-5): one binding for both. */
function renderRowNotes(n: PhoneNumber, fixes: readonly string[], intro: string, problem: string | undefined) {
  if (fixes.length === 0 && !problem) return nothing;
  return html`${fixes.length > 0
    ? html`<div class="warning row-note" id=${`warning-${n.id}`}>
        ${intro}
        <ul>
          ${fixes.map((f) => html`<li>${f}</li>`)}
        </ul>
      </div>`
    : nothing}${problem ? html`<p class="error row-note" id=${`problem-${n.id}`}>${problem}</p>` : nothing}`;
}
