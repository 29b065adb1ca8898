/**
 * The least a Lit element can do for the warm start, as a reference beside the plain-DOM
 * baseline: one element, one shadow root and a few lines of CSS, which reads the cache record
 * with a raw IndexedDB request and renders the same rows as warm-baseline.js once. No Store, no
 * validation, no context, no loading state. `npm run bench` builds it to dist/bench/lit-floor.js.
 */
import { css, html, LitElement } from 'lit';

interface Cached {
  readonly snapshot: {
    readonly numbers: ReadonlyArray<{ readonly id: string; readonly label: string; readonly dial: string }>;
    readonly statuses: ReadonlyArray<{ readonly id: string; readonly name: string; readonly presence: string }>;
    readonly activeStatusId: string;
  };
}

export class LitFloor extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    li {
      display: flex;
      gap: 0.5em;
    }
  `;

  static override properties = { cached: { state: true } };
  declare cached: Cached | null;
  /** The IndexedDB key, `JSON.stringify([platform, user])`. */
  key = '';

  constructor() {
    super();
    this.cached = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const open = indexedDB.open('remote-extension-cache');
    open.onsuccess = () => {
      const get = open.result.transaction('snapshots', 'readonly').objectStore('snapshots').get(this.key);
      get.onsuccess = () => {
        open.result.close();
        this.cached = get.result as Cached;
      };
    };
  }

  override render() {
    if (!this.cached) return null;
    const { numbers, statuses, activeStatusId } = this.cached.snapshot;
    const ignore = () => undefined;
    return html`
      <ul class="numbers">
        ${numbers.map(
          (n) => html`<li class="number">
            <span class="label">${n.label}</span> <span class="dial" dir="ltr">${n.dial}</span>
            <button type="button" aria-label="Edit ${n.label}" @click=${ignore}>Edit</button>
            <button type="button" aria-label="Delete ${n.label}" @click=${ignore}>Delete</button>
          </li>`,
        )}
      </ul>
      <ul class="statuses">
        ${statuses.map(
          (s) => html`<li>
            <button type="button" class="status" @click=${ignore}>${s.name}</button>
            <span class="detail">${s.presence}</span>
            ${s.id === activeStatusId ? html`<span class="active">Active</span>` : null}
          </li>`,
        )}
      </ul>
    `;
  }
}

customElements.define('lit-floor', LitFloor);
