import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether the browser says it is offline, kept current while the host is in the page, for the
 * elements that show the offline note (NUM-6).
 */
export class ConnectivityController implements ReactiveController {
  offline = !navigator.onLine;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.offline = !navigator.onLine;
    window.addEventListener('online', this.#handle);
    window.addEventListener('offline', this.#handle);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#handle);
    window.removeEventListener('offline', this.#handle);
  }

  readonly #handle = (event: Event): void => {
    this.offline = event.type === 'offline';
    this.host.requestUpdate();
  };
}
