import { describeProblem, problemKind, type Problem } from '../model/index.js';

/** The failures a platform call can end in (PC-1). */
export type PlatformErrorCode =
  | 'invalid-input'
  | 'forbidden'
  | 'conflict'
  | 'not-found'
  | 'offline'
  | 'unavailable'
  | 'bad-response'
  /** The user discarded the change while it waited to be sent; it never reached the platform. */
  | 'discarded';

export interface PlatformErrorOptions extends ErrorOptions {
  /** How long the platform asked to be left alone before the next attempt (`Retry-After`), in ms. */
  readonly retryAfterMs?: number | null;
}

/**
 * A typed platform failure. A refusal by the rules carries the model's `problem`, so a view can
 * word it in the user's language; `message` is the platform's own English text.
 */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  /** The wait the platform asked for before the next attempt, in ms; null when it named none. */
  readonly retryAfterMs: number | null;

  constructor(
    readonly code: PlatformErrorCode,
    message: string,
    readonly problem?: Problem,
    options?: PlatformErrorOptions,
  ) {
    super(message, options);
    this.retryAfterMs = options?.retryAfterMs ?? null;
  }

  /**
   * Whether the same command may be sent again later: anything but a refusal by the rules. The
   * platform could not be reached, said "not now" (408, 429, 5xx), answered something unreadable
   * or failed in a way that says nothing about the command; a command's idempotency key makes
   * sending it again harmless. `version-stale` is no rule about the settings either: the command
   * was judged against old ones, and may be sent again once checked against the new (the Store
   * does, src/store/delivery.ts). This is the one place that decides what the outbox keeps.
   */
  get retryable(): boolean {
    return this.problem === undefined || this.stale;
  }

  /** Whether the platform refused because the change was based on settings it has since changed. */
  get stale(): boolean {
    return this.problem?.code === 'version-stale';
  }

  /** The error for a command the rules refuse. */
  static refused(problem: Problem): PlatformError {
    return new PlatformError(problemKind(problem), describeProblem(problem), problem);
  }
}

export function isPlatformError(error: unknown): error is PlatformError {
  return error instanceof PlatformError;
}
