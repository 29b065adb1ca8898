import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { StoreState } from '../../src/store/index.js';
import { LiveRegion } from './live-region.js';
import { inLocale, isLoaded, loadLocale, localeOf, type Locale, type StringTable } from './locale.js';
import { StoreController, watchView } from './store-controller.js';
import { sharedStrings, type SharedStrings } from './strings.js';

/**
 * What every element that shows the Store's data does, written once: it reaches the Store of its
 * provider and renders again when what it `watch`es changes, renders nothing until it has
 * something to show, speaks the page's language, announces in a polite live region, and shows
 * the loading and failed-with-Try-again states. The parts that only some elements need (a save's
 * pending state and refusal, a menu button) are controllers they add; the note about changes
 * waiting to be sent is `renderWaitingNote()`.
 */
export abstract class StoreElement<Strings> extends LitElement {
  /** The element's own words: English, and the name of its table in the other languages' module. */
  protected abstract readonly table: StringTable<Strings>;

  /** A language whose words this element waited for and did not get: it speaks English instead. */
  #unavailable: Locale | undefined;

  protected readonly data = new StoreController(this, (state) => this.watch(state));

  /** The element's polite live region; render it with `live.render()`. */
  protected readonly live = new LiveRegion();

  /**
   * What of the Store's state this element renders: it renders again only when one of these
   * values changes. The loaded view by default.
   */
  protected watch(state: StoreState): readonly unknown[] {
    return watchView(state);
  }

  /** The element's language: its own or nearest ancestor's `lang`, else the document's. */
  protected get locale(): Locale {
    return localeOf(this);
  }

  /** The element's words in its language (English until that language is loaded). */
  protected get strings(): Strings {
    return inLocale(this.table, this.locale);
  }

  /** The words every element uses, in its language (English until that language is loaded). */
  protected get shared(): SharedStrings {
    return inLocale(sharedStrings, this.locale);
  }

  /**
   * Speaks the page's language from its first render: while the element's language is not loaded
   * yet, its first render (and `updateComplete`) waits for it, starting its load if nobody has (the
   * provider usually has, beside the cache read). Should the load fail, the element renders in
   * English and does not wait for it again. Here rather than in `shouldUpdate`, so an element that
   * always renders (the Add/Edit Number dialog) waits too, and the wait is one update, not a
   * skipped one and another. Once on screen (its `lang` changed since), an update never waits for
   * a fetch: it renders with the words there are, and again when the language has come.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const locale = this.locale;
    if (isLoaded(locale) || locale === this.#unavailable) return super.scheduleUpdate();
    const loaded = loadLocale(locale).catch(() => {
      this.#unavailable = locale;
    });
    if (!this.hasUpdated) return loaded.then(() => super.scheduleUpdate());
    void loaded.then(() => this.requestUpdate());
    return super.scheduleUpdate();
  }

  /** Nothing until there is something to show (see `StoreController.ready`). */
  protected override shouldUpdate(): boolean {
    return this.data.ready;
  }

  /** What shows while there is no data: "Loading…", or why loading failed and *Try again* (SYNC-3, NUM-6). */
  protected renderLoadState(): TemplateResult {
    const { phase, loadError } = this.data.state;
    return phase === 'error' && loadError
      ? html`<p class="error" part="error">${this.shared.loadFailed(loadError.message)}</p>
          <button type="button" part="retry" @click=${this.#retry}>${this.shared.retry}</button>`
      : html`<p class="muted loading" aria-busy="true">${this.shared.loading}</p>`;
  }

  /**
   * While changes wait to be sent (SYNC-4, NUM-6): how many, that they go when the connection is
   * back, and a button that discards them. Watch `state.waiting` and `state.pending` to show it.
   */
  protected renderWaitingNote(): TemplateResult | typeof nothing {
    const { waiting, pending } = this.data.state;
    if (!waiting) return nothing;
    return html`<div class="note waiting" part="note" role="group" aria-label=${this.shared.waitingToSend}>
      <p>${this.shared.waitingNote(pending.length)}</p>
      <button type="button" part="discard" @click=${this.#discard}>${this.shared.discard}</button>
    </div>`;
  }

  readonly #retry = (): void => {
    void this.data.store?.refresh();
  };

  readonly #discard = (): void => {
    this.data.store?.discardWaiting();
    this.live.say(this.shared.discarded);
  };
}
