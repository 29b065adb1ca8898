/**
 * PC-1: everything the Store — and so every component — knows of a telephony platform. An
 * integrator connects the elements to another back end by implementing this interface.
 */
import type { Command, Snapshot } from '../model/index.js';

export interface CallOptions {
  /** Aborting rejects the call with the signal's reason; the platform may still have acted. */
  readonly signal?: AbortSignal;
}

/** Who and where: the Store keys its cache by these, so two users never share data (SYNC-2). */
export interface PlatformScope {
  /** A stable name of the platform instance, e.g. `simulated` or the REST endpoint's origin. */
  readonly platform: string;
  /** The signed-in user's id. */
  readonly user: string;
}

/** A call that the platform started (Place Call With, CALL-2). */
export interface PlacedCall {
  readonly callId: string;
  readonly deviceId: string;
  readonly dial: string;
}

/** A change the platform made, whoever asked for it: the user here, another tab, an administrator. */
export interface PlatformChange {
  readonly snapshot: Snapshot;
}

export type ChangeListener = (change: PlatformChange) => void;

/**
 * Every method validates what it receives from the platform (PC-4) and fails with a
 * `PlatformError` (typed by `code`) or, when aborted, with the signal's reason.
 *
 * Each change method takes the command object itself, whose `id` is the idempotency key: sending
 * the same command twice changes the platform once. Each answers with the whole snapshot after
 * the change, so the caller never has to guess how its change combined with others.
 */
export interface PlatformClient {
  readonly scope: PlatformScope;
  /** The whole state the feature shows. */
  load(options?: CallOptions): Promise<Snapshot>;
  createNumber(command: Extract<Command, { type: 'number/create' }>, options?: CallOptions): Promise<Snapshot>;
  updateNumber(command: Extract<Command, { type: 'number/update' }>, options?: CallOptions): Promise<Snapshot>;
  deleteNumber(command: Extract<Command, { type: 'number/delete' }>, options?: CallOptions): Promise<Snapshot>;
  /** Saves one status's Remote Extension, Call Using and Send my calls to in one call (STAT-5). */
  updateStatus(command: Extract<Command, { type: 'status/update' }>, options?: CallOptions): Promise<Snapshot>;
  setActiveStatus(command: Extract<Command, { type: 'status/activate' }>, options?: CallOptions): Promise<Snapshot>;
  /** Starts a call to `dial` from the device `deviceId`. */
  placeCall(deviceId: string, dial: string, options?: CallOptions): Promise<PlacedCall>;
  /** The change feed (SYNC-6). Returns a function that stops listening. */
  subscribe(listener: ChangeListener): () => void;
}

/** How requests prove who the user is. */
export type RestAuth =
  /** `Authorization: Bearer …`, asked for before every request so the integrator can refresh it. */
  | { readonly kind: 'bearer'; readonly token: () => string | Promise<string> }
  /**
   * The platform's own session cookie (the user is signed in to it in this browser; the server
   * must allow this origin with credentials). Changes carry the session's CSRF token: from
   * `csrfToken` when given, else asked of `GET /session` once.
   */
  | { readonly kind: 'cookie'; readonly csrfToken?: () => string | Promise<string> };

/** The platforms `<remote-extension-provider platform="…">` can name. */
export type PlatformName = 'simulated' | 'rest';

export type PlatformChoice =
  | { readonly platform: 'simulated'; readonly user?: string }
  | {
      readonly platform: 'rest';
      readonly user: string;
      /** The API's base URL (`openapi.yaml`'s server URL). */
      readonly endpoint: string;
      readonly auth?: RestAuth;
    };

/**
 * The named platforms, handed to `<remote-extension-provider>` by the package's entry, so that the
 * elements never import a platform's code (`src/platform/platforms.ts` is the one the entry gives).
 */
export interface PlatformDirectory {
  /** The client for a named platform. */
  clientFor(choice: PlatformChoice): PlatformClient;
  /** Whose data a named platform's client serves: the cache's and the outbox's key. */
  scopeFor(choice: PlatformChoice): PlatformScope;
}

/** Sends any command to the method that handles its type. */
export function sendCommand(client: PlatformClient, command: Command, options?: CallOptions): Promise<Snapshot> {
  switch (command.type) {
    case 'number/create':
      return client.createNumber(command, options);
    case 'number/update':
      return client.updateNumber(command, options);
    case 'number/delete':
      return client.deleteNumber(command, options);
    case 'status/update':
      return client.updateStatus(command, options);
    case 'status/activate':
      return client.setActiveStatus(command, options);
  }
}
