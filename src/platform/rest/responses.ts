/**
 * How the REST client reads an HTTP answer: a body of bounded size, JSON checked with a schema, a
 * non-2xx status as a typed `PlatformError` (with the rule's problem when the body carries a valid
 * one), and `Retry-After`.
 */
import * as v from 'valibot';
import { ProblemSchema } from '../../model/problem-schema.js';
import { PlatformError, type PlatformErrorCode } from '../errors.js';

/** The contract's one error shape; anything else in an error body is ignored. */
const ErrorBodySchema = v.object({
  code: v.pipe(v.string(), v.maxLength(64)),
  message: v.pipe(v.string(), v.maxLength(500)),
  problem: v.optional(v.unknown()),
});

const STATUS_CODES: ReadonlyArray<readonly [(status: number) => boolean, PlatformErrorCode]> = [
  [(s) => s === 400 || s === 413 || s === 415 || s === 422, 'invalid-input'],
  [(s) => s === 401 || s === 403, 'forbidden'],
  [(s) => s === 404, 'not-found'],
  [(s) => s === 409, 'conflict'],
  [(s) => s === 408 || s === 429 || s >= 500, 'unavailable'],
];

export function badResponse(message: string): PlatformError {
  return new PlatformError('bad-response', message);
}

/**
 * A non-2xx answer as a typed error, with the rule's problem when the body carries a valid one and
 * the wait the answer asked for (`Retry-After`).
 */
export function httpFailure(response: Response, text: string): PlatformError {
  const { status } = response;
  const code = STATUS_CODES.find(([matches]) => matches(status))?.[1] ?? 'bad-response';
  const body = parseJson(text, ErrorBodySchema);
  // Only a 4xx is a refusal; a problem in a "not now" answer would make a change look refused.
  const problem = body?.problem === undefined || status >= 500 ? undefined : v.safeParse(ProblemSchema, body.problem);
  const message = body?.message ?? `The platform answered ${status}.`;
  return new PlatformError(code, message, problem?.success ? problem.output : undefined, {
    retryAfterMs: retryAfter(response),
  });
}

export function parseJson<T extends v.GenericSchema>(text: string, schema: T): v.InferOutput<T> | null {
  try {
    const parsed = v.safeParse(schema, JSON.parse(text));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

/** Reads a body, refusing one over 1 MB: no settings are that large, and a hostile server could be. */
export async function readText(response: Response, signal: AbortSignal | undefined): Promise<string> {
  const length = Number(response.headers.get('Content-Length') ?? 0);
  if (length > 1_000_000) throw badResponse('The platform’s answer was too large.');
  try {
    const text = await response.text();
    if (text.length > 1_000_000) throw badResponse('The platform’s answer was too large.');
    return text;
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof PlatformError) throw error;
    throw new PlatformError('offline', 'The platform’s answer was cut off.', undefined, { cause: error });
  }
}

/** `Retry-After` in milliseconds (the seconds form only), or null when absent or a date. */
function retryAfter(response: Response): number | null {
  const header = response.headers.get('Retry-After');
  const seconds = header === null || header.trim() === '' ? Number.NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}
