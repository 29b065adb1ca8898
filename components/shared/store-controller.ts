import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { storeContext, type Store, type StoreState } from '../../src/store/index.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Gives an element the Store of its nearest `<remote-extension-provider>` and re-renders it with
 * each new state. Lit context notifies only when the Store object itself changes, so the
 * controller subscribes to the Store for its states.
 */
export class StoreController implements ReactiveController {
  /** The provider's Store, once the element is inside a provider. */
  store: Store | undefined;
  /** The latest state; empty until a Store is found. */
  state: StoreState = EMPTY;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly host: Host) {
    host.addController(this);
    new ContextConsumer(host, { context: storeContext, subscribe: true, callback: (store) => this.attach(store) });
  }

  hostConnected(): void {
    if (this.store && !this.unsubscribe) this.attach(this.store);
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** `store` is undefined while the provider has not made its Store yet (before its first update). */
  private attach(store: Store | undefined): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.store = store;
    this.state = store?.state ?? EMPTY;
    this.unsubscribe =
      store?.subscribe((state) => {
        this.state = state;
        this.host.requestUpdate();
      }) ?? null;
    this.host.requestUpdate();
  }
}

const EMPTY: StoreState = Object.freeze({
  phase: 'idle',
  data: null,
  source: 'none',
  pending: [],
  loadError: null,
  storage: 'device',
  dropped: [],
});
