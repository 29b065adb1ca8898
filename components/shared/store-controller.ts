import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { storeContext, type Store, type StoreState } from '../../src/store/index.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * What of the Store's state an element shows. The element renders again only when one of these
 * values is no longer the same (`Object.is`); the Store keeps unchanged parts of its data the same
 * objects, so a confirmed change or another element's pending change renders nothing here.
 */
export type Watch = (state: StoreState) => readonly unknown[];

/** The loaded view as every element shows it: all of the data but its version, and how it loaded. */
export const watchView: Watch = ({ phase, loadError, data }) => [
  phase,
  loadError,
  data?.platform,
  data?.user,
  data?.numbers,
  data?.statuses,
  data?.activeStatusId,
];

/**
 * Gives an element the Store of its nearest `<remote-extension-provider>` and re-renders it when
 * what it `watch`es changes. Lit context notifies only when the Store object itself changes, so
 * the controller subscribes to the Store for its states.
 */
export class StoreController implements ReactiveController {
  /** The provider's Store, once the element is inside a provider. */
  store: Store | undefined;
  /** The latest state (whether or not the element rendered it); empty until a Store is found. */
  state: StoreState = EMPTY;
  #watched: readonly unknown[] = [];
  #unsubscribe: (() => void) | null = null;
  #waitedLong = false;
  #waitTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: Host,
    private readonly watch: Watch = watchView,
  ) {
    host.addController(this);
    new ContextConsumer(host, { context: storeContext, subscribe: true, callback: (store) => this.#attach(store) });
  }

  hostConnected(): void {
    if (this.store && !this.#unsubscribe) this.#attach(this.store);
    // Say "Loading…" only if the data has not come within the wait; if it has, it rendered once.
    if (!this.#waitedLong) {
      this.#waitTimer ??= setTimeout(() => {
        this.#waitedLong = true;
        if (!this.#hasSomethingToShow) this.host.requestUpdate();
      }, LOADING_SHOWN_AFTER_MS);
    }
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    clearTimeout(this.#waitTimer);
    this.#waitTimer = undefined;
  }

  /**
   * Whether the element has something to show: data, a failed load, or a wait long enough that
   * "Loading…" tells the user more than it flickers. Elements render nothing before, so a returning
   * user's page goes from empty straight to the cached data, and pays for one render instead of two.
   */
  get ready(): boolean {
    return this.#hasSomethingToShow || this.#waitedLong;
  }

  get #hasSomethingToShow(): boolean {
    return this.state.data !== null || this.state.phase === 'error';
  }

  /** `store` is undefined while the provider has not made its Store yet (before its first update). */
  #attach(store: Store | undefined): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.store = store;
    this.state = store?.state ?? EMPTY;
    this.#watched = this.watch(this.state);
    this.#unsubscribe =
      store?.subscribe((state) => {
        this.state = state;
        const watched = this.watch(state);
        if (watched.length === this.#watched.length && watched.every((value, i) => Object.is(value, this.#watched[i]))) return;
        this.#watched = watched;
        this.host.requestUpdate();
      }) ?? null;
    this.host.requestUpdate();
  }
}

/** How long an element stays empty while its data loads before it says "Loading…". */
export const LOADING_SHOWN_AFTER_MS = 250;

const EMPTY: StoreState = Object.freeze({
  phase: 'idle',
  data: null,
  source: 'none',
  pending: [],
  waiting: false,
  confirmed: null,
  loadError: null,
  storage: 'device',
  dropped: [],
});
