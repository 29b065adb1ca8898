/**
 * The rules' refusals as a valibot schema, for problems that arrive from outside (a REST
 * platform's error body). A view words a problem from its fields, so a problem that does not
 * have them is not trusted (PC-4); the type check below keeps this schema and `Problem` in step.
 */
import * as v from 'valibot';
import type { Problem } from './problems.js';

const Text = v.pipe(v.string(), v.maxLength(200));
const Codes = v.pipe(v.array(v.pipe(v.string(), v.regex(/^\d{1,4}$/u))), v.maxLength(20));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(64));
const Names = v.pipe(v.array(Text), v.maxLength(50));
/** Room for a platform whose limit of numbers is higher than ours. */
const Limit = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000));

const LockReasonSchema = v.variant('kind', [
  v.object({ kind: v.literal('in-status'), statuses: Names }),
  v.object({ kind: v.literal('admin-provisioned') }),
  v.object({ kind: v.literal('active-remote-extension'), status: Text }),
]);

const bare = <T extends string>(code: T) => v.object({ code: v.literal(code) });

export const ProblemSchema = v.variant('code', [
  v.object({ code: v.literal('number-empty'), example: Text, codes: Codes }),
  v.object({ code: v.literal('number-country-code'), example: Text, codes: Codes }),
  v.object({ code: v.literal('number-bad-character'), character: v.pipe(v.string(), v.maxLength(8)), example: Text, codes: Codes }),
  v.object({ code: v.literal('number-destination-code'), example: Text, codes: Codes }),
  v.object({
    code: v.literal('number-length'),
    destinationCode: Text,
    length: Count,
    minLength: Count,
    maxLength: Count,
    example: Text,
  }),
  v.object({ code: v.literal('number-duplicate'), label: Text }),
  v.object({ code: v.literal('numbers-limit'), max: Limit }),
  bare('call-target-invalid'),
  bare('label-empty'),
  v.object({ code: v.literal('label-too-long'), maxLength: Count }),
  bare('label-control-character'),
  bare('label-broken-character'),
  v.object({ code: v.literal('remote-extension-unsupported'), platform: Text }),
  bare('remote-extension-needs-admin'),
  v.object({ code: v.literal('number-locked'), reasons: v.pipe(v.array(LockReasonSchema), v.maxLength(10)) }),
  bare('delete-admin-provisioned'),
  v.object({ code: v.literal('delete-in-use'), statuses: Names }),
  bare('not-remote-extension'),
  bare('call-through-needs-remote-extension'),
  bare('unknown-device'),
  bare('not-permitted'),
  bare('id-taken'),
  bare('number-not-found'),
  bare('status-not-found'),
  bare('version-stale'),
  bare('idempotency-key-reused'),
]);

// Fails to compile when a problem is added to `Problem` but not here, or the other way round, or
// when a problem parsed here lacks a field `Problem` has.
type Parsed = v.InferOutput<typeof ProblemSchema>;
type SameCodes = [Parsed['code']] extends [Problem['code']] ? ([Problem['code']] extends [Parsed['code']] ? true : false) : false;
const inStep: SameCodes = true;
const parsedIsProblem: Parsed extends Problem ? true : false = true;
void inStep;
void parsedIsProblem;
