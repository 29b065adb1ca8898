import { describeProblem, problemKind, type Problem } from '../model/index.js';

/** The failures a platform call can end in (PC-1). */
export type PlatformErrorCode =
  | 'invalid-input'
  | 'forbidden'
  | 'conflict'
  | 'not-found'
  | 'offline'
  | 'unavailable'
  | 'bad-response';

/** Codes where sending the same command again later may succeed. */
const RETRYABLE: ReadonlySet<PlatformErrorCode> = new Set(['offline', 'unavailable']);

/**
 * A typed platform failure. A refusal by the rules carries the model's `problem`, so a view can
 * word it in the user's language; `message` is the platform's own English text.
 */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';

  constructor(
    readonly code: PlatformErrorCode,
    message: string,
    readonly problem?: Problem,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  /**
   * Whether sending the same command again later may succeed. The Store's outbox keeps only the
   * `offline` ones (see `waitsForNetwork` in src/store/delivery.ts).
   */
  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }

  /** The error for a command the rules refuse. */
  static refused(problem: Problem): PlatformError {
    return new PlatformError(problemKind(problem), describeProblem(problem), problem);
  }
}

export function isPlatformError(error: unknown): error is PlatformError {
  return error instanceof PlatformError;
}

