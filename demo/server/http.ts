/**
 * The server's HTTP vocabulary: a handler answers with a `Reply` (or throws an `HttpError`),
 * and one function writes replies, so fault injection and the contract check see every answer
 * before it goes out. Also the request body reader with its 16 KiB limit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeProblem, problemKind, type Problem, type ProblemKind } from '../../src/model/index.js';

/** Header names are lower case, as Node reports a request's. */
export type Headers = Readonly<Record<string, string>>;

export interface Reply {
  readonly status: number;
  /** Sent as JSON. */
  readonly body?: unknown;
  readonly headers?: Headers;
  /** Takes over the response after the head is written (the change feed). */
  readonly stream?: (res: ServerResponse) => void;
}

/** The contract's `Error` body: `{ code, message, problem? }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problem?: Problem,
    readonly headers?: Headers,
  ) {
    super(message);
  }

  toReply(): Reply {
    const body = { code: this.code, message: this.message, ...(this.problem ? { problem: this.problem } : {}) };
    return { status: this.status, body, ...(this.headers ? { headers: this.headers } : {}) };
  }
}

const STATUS_OF_KIND: Record<ProblemKind, number> = {
  'invalid-input': 422,
  forbidden: 403,
  conflict: 409,
  'not-found': 404,
};

/** A refusal by the rules, classed as the model classes it (PC-1). */
export function refusal(problem: Problem): HttpError {
  return new HttpError(STATUS_OF_KIND[problemKind(problem)], problem.code, describeProblem(problem), problem);
}

export function malformed(message: string): HttpError {
  return new HttpError(400, 'malformed-request', message);
}

/** The challenge every 401 carries (RFC 9110 §11.6.1): a bearer token is how to authenticate. */
const CHALLENGE = 'Bearer realm="remote-extension"';

export function unauthorized(message: string): HttpError {
  return new HttpError(401, 'unauthorized', message, undefined, { 'www-authenticate': CHALLENGE });
}

export function notFound(message = 'There is nothing here.'): HttpError {
  return new HttpError(404, 'not-found', message);
}

export const BODY_LIMIT = 16 * 1024;

function tooLarge(): HttpError {
  // The rest of the body is not read, so the connection cannot carry another request.
  return new HttpError(413, 'payload-too-large', `A request body can be at most ${BODY_LIMIT} bytes.`, undefined, {
    connection: 'close',
  });
}

/**
 * The request's JSON body. Without a body, `optional` gives undefined and otherwise it is
 * malformed. A wrong Content-Type is 400 `malformed-request` (the contract's "not JSON"), not 415.
 */
export async function readJson(req: IncomingMessage, optional = false): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > BODY_LIMIT) throw tooLarge();
  const hasBody = declared > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) {
    if (optional) return undefined;
    throw malformed('This request needs a JSON body.');
  }
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/iu.test(type)) {
    throw malformed('Send the body as JSON, with Content-Type: application/json.');
  }
  const text = await readText(req);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformed('The body is not valid JSON.');
  }
}

/** Reads the body as UTF-8 text, giving up (and discarding the rest) past BODY_LIMIT bytes. */
function readText(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT) {
        chunks.push(chunk);
        return;
      }
      // Stop keeping what arrives; resume() lets it drain so the 413 can still be read.
      req.off('data', onData);
      req.resume();
      reject(tooLarge());
    };
    req.on('data', onData);
    req.once('error', reject);
    req.once('end', () => {
      try {
        resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        reject(malformed('The body is not UTF-8 text.'));
      }
    });
  });
}

/** A reply as it will be sent: the JSON body serialized, its content type and length filled in. */
export interface Rendered extends Reply {
  readonly headers: Headers;
  readonly text?: string;
}

export function render(reply: Reply): Rendered {
  if (reply.body === undefined) return { ...reply, headers: reply.headers ?? {} };
  const text = JSON.stringify(reply.body);
  const headers = {
    ...reply.headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  };
  return { ...reply, headers, text };
}

export function send(res: ServerResponse, reply: Rendered): void {
  res.writeHead(reply.status, reply.headers);
  if (reply.stream) reply.stream(res);
  else res.end(reply.text);
}

/** The value of a request header that may only appear once. */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
