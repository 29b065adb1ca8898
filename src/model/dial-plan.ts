/**
 * What a person may type as a number (FMT-1, FMT-2) and as a label. Pure functions returning a
 * typed result, in the manner of Lion's validators: the message says what to type.
 */
import type { Problem } from './problems.js';
import type { DialPlan } from './schemas.js';

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

/** Longest label a user may give a number; platforms may send longer admin labels. */
export const LABEL_MAX_LENGTH = 50;

/** Spaces, dashes, dots and parentheses are how people write numbers; they are dropped (FMT-2). */
const FORMATTING = /[\s\p{Pd}.()]/gu;

/** Digits the examples are cut from; the seed's own example starts it (09818…). */
const EXAMPLE_DIGITS = '98181234567890123456';

/** An example valid number for this dial plan: "09818123456" for code 0 and 10 digits. */
export function exampleNumber(plan: DialPlan): string {
  const length = Math.min(Math.max(10, plan.minLength), plan.maxLength);
  return `${plan.destinationCodes[0] ?? ''}${EXAMPLE_DIGITS.slice(0, length)}`;
}

/** Drops the formatting characters a person may type (FMT-2). */
export function stripFormatting(input: string): string {
  return input.replace(FORMATTING, '');
}

/**
 * FMT-1, FMT-2: a destination code from the dial plan followed by a number of the plan's length.
 * Returns the digits to store.
 */
export function checkDialString(input: string, plan: DialPlan): Checked<string> {
  const digits = stripFormatting(input);
  const example = exampleNumber(plan);
  const codes = plan.destinationCodes;
  if (digits === '') return { ok: false, problem: { code: 'number-empty', example, codes } };
  if (digits.startsWith('+')) return { ok: false, problem: { code: 'number-country-code', example, codes } };
  const bad = /[^0-9]/u.exec(digits);
  if (bad) {
    // Report the whole code point, so an emoji is not shown as half a surrogate pair.
    const character = String.fromCodePoint(digits.codePointAt(bad.index) ?? 0);
    return { ok: false, problem: { code: 'number-bad-character', character, example, codes } };
  }
  const matching = codes.filter((code) => digits.startsWith(code)).sort((a, b) => b.length - a.length);
  const fits = matching.find((code) => {
    const rest = digits.length - code.length;
    return rest >= plan.minLength && rest <= plan.maxLength;
  });
  if (fits !== undefined) return { ok: true, value: digits };
  const longest = matching[0];
  if (longest === undefined) return { ok: false, problem: { code: 'number-destination-code', example, codes } };
  return {
    ok: false,
    problem: {
      code: 'number-length',
      destinationCode: longest,
      length: digits.length - longest.length,
      minLength: plan.minLength,
      maxLength: plan.maxLength,
      example,
    },
  };
}

/** A number to call from Place Call With: any extension or external number, `*` and `#` allowed. */
export function checkCallTarget(input: string): Checked<string> {
  const target = stripFormatting(input);
  return /^\+?[0-9*#]{1,32}$/u.test(target)
    ? { ok: true, value: target }
    : { ok: false, problem: { code: 'call-target-invalid' } };
}

/** A label is required, printable and short; surrounding spaces are dropped. */
export function checkLabel(input: string): Checked<string> {
  const label = input.trim();
  // Zero-width and other format characters alone would look like no label at all.
  if (label.replace(/\p{Cf}/gu, '') === '') return { ok: false, problem: { code: 'label-empty' } };
  if ([...label].length > LABEL_MAX_LENGTH) {
    return { ok: false, problem: { code: 'label-too-long', maxLength: LABEL_MAX_LENGTH } };
  }
  // Control characters, and bidi overrides that can make a label read as something else.
  if (/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u.test(label)) return { ok: false, problem: { code: 'label-control-character' } };
  // A lone surrogate (half an emoji, from a paste or a script) is not well-formed Unicode: it
  // shows as \uFFFD, and another platform's UTF-8 cannot store it. With /u a whole pair is one
  // code point, so only a half matches \p{Cs}.
  if (/\p{Cs}/u.test(label)) return { ok: false, problem: { code: 'label-broken-character' } };
  return { ok: true, value: label };
}
