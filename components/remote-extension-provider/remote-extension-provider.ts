import { ContextProvider } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Snapshot } from '../../src/model/index.js';
import {
  Outbox,
  SnapshotCache,
  Store,
  storeContext,
  type PlatformChoice,
  type PlatformClient,
  type PlatformDirectory,
  type PlatformName,
  type RestAuth,
} from '../../src/store/index.js';
import { inLocale, loadLocale, localeOf, type Locale } from '../shared/locale.js';
import { sharedStrings } from '../shared/strings.js';
import { noteBox, themeProperties } from '../shared/styles.js';
import { ElementLoadFailedEvent } from './element-load-failed-event.js';

interface Source {
  readonly client: PlatformClient | undefined;
  readonly platform: PlatformName;
  readonly user: string;
  readonly endpoint: string;
  readonly auth: RestAuth | undefined;
}

/**
 * @tagname remote-extension-provider
 * @summary Holds one Store and shares it, through `@lit/context`, with every Remote Extension
 * element inside it (SYNC-1). Two providers on a page are independent: two users, two platforms.
 *
 * When the code of an element inside could not be fetched (the script-tag bundle fetches each
 * element's code when its tag is in the page), the provider says so above its content, with
 * *Try again*, until the element is defined.
 *
 * @slot - The Remote Extension elements, anywhere in the subtree.
 * @csspart load-error - The note that an element inside could not be loaded.
 * @csspart retry - Its *Try again* button.
 */
export class RemoteExtensionProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    .load-error {
      ${themeProperties}
      ${noteBox}
      border: 1px solid var(--_danger);
      background: var(--_surface);
      color: var(--_text);
      font-size: var(--_font-size);
    }
    p {
      margin: 0;
    }
    /* The browser's own button, in the note's colour scheme and text size. */
    button {
      font: inherit;
    }
  `;

  /**
   * Which platform to talk to when no `client` is given: `simulated` (the default), the MX-One
   * simulator kept in this browser's IndexedDB, or `rest`, a back end speaking the HTTP contract
   * in `openapi.yaml` at `endpoint`. Each one's code loads only when it is chosen.
   */
  @property({ reflect: true }) platform: PlatformName = 'simulated';

  /** The signed-in user of the named platform. */
  @property({ reflect: true }) user = 'demo-user';

  /** With `platform="rest"`: the API's base URL, e.g. `https://pbx.example.com/api/v1`. */
  @property({ reflect: true }) endpoint = '';

  /**
   * With `platform="rest"`: how requests prove who the user is, e.g.
   * `{ kind: 'bearer', token: () => getToken() }`. A property only; it is never stored.
   */
  @property({ attribute: false }) auth: RestAuth | undefined;

  /** Any `PlatformClient` an integrator writes; takes precedence over `platform`. */
  @property({ attribute: false }) client: PlatformClient | undefined;

  /**
   * The platforms `platform` can name. The package's entries hand it `src/platform`'s directory;
   * an integrator who imports the classes alone sets it, or gives every provider a `client`.
   */
  static platforms: PlatformDirectory | undefined;

  readonly #provider = new ContextProvider(this, { context: storeContext });
  #current: Store | null = null;
  readonly #cache = new SnapshotCache();
  /** The cache read started on connect, for the Store the first update makes if its source is still this one. */
  #early: { readonly source: Source; readonly cached: Promise<Snapshot | undefined> } | null = null;
  #made: Source | null = null;
  /** After `signOut()`, no Store until the user, platform or client changes. */
  #signedOut = false;

  /**
   * An element inside could not be loaded: how to try again, and whether that is under way (the
   * note then says "Loading…", so the failure is said again if it fails again). Null while none is.
   */
  @state() private loadFailure: { readonly retry: () => Promise<void>; readonly trying: boolean } | null = null;
  /** The tags of the elements inside that could not be loaded and are not defined yet. */
  readonly #undefinedTags = new Set<string>();

  constructor() {
    super();
    this.addEventListener(ElementLoadFailedEvent.eventName, this.#handleLoadFailed);
  }

  /** The Store this provider shares; made at the provider's first update after connecting. */
  get store(): Store | null {
    return this.#current;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#current?.dispose();
    this.#current = null;
  }

  override connectedCallback(): void {
    // The Store is made at the first update, a microtask from now, after the elements inside have
    // connected. Reading the cache first thing lets IndexedDB work while they do (SYNC-2).
    const source = this.#source();
    this.#early = { source, cached: this.#cache.read(source.client?.scope ?? this.#platforms().scopeFor(this.#choice())) };
    // The words of every language spoken here, fetched beside the cache read rather than after the
    // elements inside have upgraded and asked for them (they wait for them; a failure they retry).
    for (const locale of this.#locales()) loadLocale(locale).catch(() => undefined);
    super.connectedCallback();
    // Back in the page after a disconnect (which disposed the Store): make one on the next update.
    if (!this.#current) this.requestUpdate();
  }

  protected override willUpdate(): void {
    // Made here rather than on connect, so that a `client` set right after `appendChild` is the
    // one used and no default platform is loaded for nothing. A new platform or user means a new
    // Store, never one Store quietly re-pointed; consumers subscribe, so they follow.
    const source = this.#source();
    const same = sameSource(source, this.#made);
    if (this.#current ? !same : !(this.#signedOut && same)) this.#replaceStore(source);
    this.#early = null;
  }

  /**
   * SYNC-7: signs the user out of this browser. Pending changes are sent and answered first (or,
   * with `discardPending: true`, which the page should ask the user to confirm, abandoned); then
   * the user's cached data is removed and the elements inside show nothing until another user,
   * platform or client is set.
   */
  async signOut(options: { readonly discardPending?: boolean } = {}): Promise<void> {
    const store = this.#current;
    this.#signedOut = true;
    this.#current = null;
    this.#provider.setValue(undefined);
    await store?.signOut(options);
  }

  protected override render() {
    return html`${this.loadFailure ? this.#renderLoadFailure(this.loadFailure.trying) : nothing}<slot></slot>`;
  }

  #renderLoadFailure(trying: boolean) {
    const t = inLocale(sharedStrings, localeOf(this));
    return html`<div class="load-error" part="load-error">
      <p role="alert">${trying ? t.loading : t.elementsNotLoaded}</p>
      <button type="button" part="retry" @click=${this.#retry}>${t.retry}</button>
    </div>`;
  }

  /**
   * Says so until every element that could not be loaded is defined, however that comes about (a
   * retry, or the autoloader's own), or until a retry finds none left undefined in the page.
   */
  readonly #handleLoadFailed = (event: Event): void => {
    // The nearest provider says it; one around it would say it twice.
    event.stopPropagation();
    const { retry } = event as ElementLoadFailedEvent;
    this.loadFailure = { retry, trying: false };
    const tag = (event.target as Element).localName;
    if (this.#undefinedTags.has(tag)) return;
    this.#undefinedTags.add(tag);
    void customElements.whenDefined(tag).then(() => {
      this.#undefinedTags.delete(tag);
      if (this.#undefinedTags.size === 0) this.loadFailure = null;
    });
  };

  readonly #retry = (): void => {
    const failure = this.loadFailure;
    if (!failure) return;
    this.loadFailure = { ...failure, trying: true };
    failure.retry().then(
      () => {
        // Unless another element failed meanwhile (its event set `trying` back), nothing is left
        // to say: the elements that failed are defined, or no longer in the page.
        if (!this.loadFailure?.trying) return;
        this.loadFailure = null;
        this.#undefinedTags.clear();
      },
      // Each element that failed again has said so with its event.
      () => undefined,
    );
  };

  /** The languages of this provider and of every element inside it that has a `lang`, English aside. */
  #locales(): Set<Locale> {
    const locales = new Set([this, ...this.querySelectorAll('[lang]')].map(localeOf));
    locales.delete('en');
    return locales;
  }

  /** What decides which platform the Store talks to. */
  #source(): Source {
    return { client: this.client, platform: this.platform, user: this.user, endpoint: this.endpoint, auth: this.auth };
  }

  #choice(): PlatformChoice {
    return this.platform === 'rest'
      ? { platform: 'rest', user: this.user, endpoint: this.endpoint, auth: this.auth }
      : { platform: 'simulated', user: this.user };
  }

  #platforms(): PlatformDirectory {
    const platforms = (this.constructor as typeof RemoteExtensionProvider).platforms;
    if (!platforms) {
      throw new Error('<remote-extension-provider> has no platforms: import the package (or its define entry), or set `client`.');
    }
    return platforms;
  }

  #replaceStore(source: Source): void {
    this.#current?.dispose();
    this.#signedOut = false;
    this.#made = source;
    const client = this.client ?? this.#platforms().clientFor(this.#choice());
    const cached = this.#early && sameSource(this.#early.source, source) ? this.#early.cached : undefined;
    this.#current = new Store({ client, cache: this.#cache, outbox: new Outbox(), cached });
    this.#provider.setValue(this.#current);
    void this.#current.load();
  }
}

function sameSource(source: Source, made: Source | null): boolean {
  if (!made) return false;
  if (source.client || made.client) return source.client === made.client;
  return (Object.keys(source) as (keyof Source)[]).every((key) => source[key] === made[key]);
}

declare global {
  interface HTMLElementTagNameMap {
    'remote-extension-provider': RemoteExtensionProvider;
  }
}
