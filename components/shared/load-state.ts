import { html } from 'lit';
import type { StoreState } from '../../src/store/index.js';
import type { SharedStrings } from './strings.js';

/** What an element without data shows in its place: why loading failed, or "Loading…". */
export function renderLoadState({ phase, loadError }: StoreState, shared: SharedStrings) {
  return phase === 'error' && loadError
    ? html`<p class="error" part="error">${shared.loadFailed(loadError.message)}</p>`
    : html`<span class="muted">${shared.loading}</span>`;
}
