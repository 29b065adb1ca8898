/**
 * SYNC-5: the Stores of the same platform and user (other tabs, other providers, the extension's
 * popup when it uses the same origin) tell each other every snapshot they hear from the platform,
 * whether or not the platform has a change feed.
 */
import type { Snapshot } from '../model/index.js';
import type { PlatformScope } from '../platform/client.js';
import { parseSnapshot } from './answers.js';

export class TabChannel {
  readonly #channel: BroadcastChannel | null = null;

  /** `heard` gets each valid snapshot another Store of `scope` posts. */
  constructor(scope: PlatformScope, heard: (snapshot: Snapshot) => void) {
    if (typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(`remote-extension:${scope.platform}:${scope.user}`);
    this.#channel.onmessage = (event: MessageEvent<unknown>) => {
      // Another tab is no more trusted than a network (PC-4).
      const snapshot = parseSnapshot((event.data as { snapshot?: unknown } | null)?.snapshot);
      if (snapshot) heard(snapshot);
    };
  }

  post(snapshot: Snapshot): void {
    this.#channel?.postMessage({ snapshot });
  }

  close(): void {
    this.#channel?.close();
  }
}
