/**
 * Why the rules say no. A problem is data (a code and what the message needs), so the UI can word
 * it per locale while the platforms send the English text below with the same code.
 */

/** Why a number's Remote Extension checkbox and Number field are locked (EDIT-2). */
export type LockReason =
  | { readonly kind: 'in-status'; readonly statuses: readonly string[] }
  | { readonly kind: 'admin-provisioned' }
  | { readonly kind: 'active-remote-extension'; readonly status: string };

/** What to change so Call Through can work (FMC-2). */
export type CallThroughFix =
  | { readonly kind: 'enable-fmc' }
  | { readonly kind: 'make-status-remote-extension'; readonly status: string };

export type Problem =
  | { readonly code: 'number-empty'; readonly example: string; readonly codes: readonly string[] }
  | { readonly code: 'number-country-code'; readonly example: string; readonly codes: readonly string[] }
  | {
      readonly code: 'number-bad-character';
      readonly character: string;
      readonly example: string;
      readonly codes: readonly string[];
    }
  | { readonly code: 'number-destination-code'; readonly example: string; readonly codes: readonly string[] }
  | {
      readonly code: 'number-length';
      readonly destinationCode: string;
      readonly length: number;
      readonly minLength: number;
      readonly maxLength: number;
      readonly example: string;
    }
  | { readonly code: 'number-duplicate'; readonly label: string }
  /** The user has `max` numbers already (`MAX_NUMBERS`). */
  | { readonly code: 'numbers-limit'; readonly max: number }
  | { readonly code: 'call-target-invalid' }
  | { readonly code: 'label-empty' }
  | { readonly code: 'label-too-long'; readonly maxLength: number }
  | { readonly code: 'label-control-character' }
  /** A lone surrogate: half of an emoji or other character, text that is not well-formed Unicode. */
  | { readonly code: 'label-broken-character' }
  | { readonly code: 'remote-extension-unsupported'; readonly platform: string }
  | { readonly code: 'remote-extension-needs-admin' }
  | { readonly code: 'number-locked'; readonly reasons: readonly LockReason[] }
  | { readonly code: 'delete-admin-provisioned' }
  | { readonly code: 'delete-in-use'; readonly statuses: readonly string[] }
  | { readonly code: 'not-remote-extension' }
  | { readonly code: 'call-through-needs-remote-extension' }
  | { readonly code: 'unknown-device' }
  | { readonly code: 'not-permitted' }
  | { readonly code: 'id-taken' }
  | { readonly code: 'number-not-found' }
  | { readonly code: 'status-not-found' }
  /** A change based on settings that have since changed elsewhere (a stale `If-Match`). */
  | { readonly code: 'version-stale' }
  /** A command whose idempotency key an earlier, different command was accepted with. */
  | { readonly code: 'idempotency-key-reused' };

export type ProblemCode = Problem['code'];

/** How a refusal is classed on the wire and in `PlatformError` (PC-1). */
export type ProblemKind = 'invalid-input' | 'forbidden' | 'conflict' | 'not-found';

const kinds: Record<ProblemCode, ProblemKind> = {
  'number-empty': 'invalid-input',
  'number-country-code': 'invalid-input',
  'number-bad-character': 'invalid-input',
  'number-destination-code': 'invalid-input',
  'number-length': 'invalid-input',
  'number-duplicate': 'conflict',
  // Deleting a number resolves it, as with a duplicate: the state conflicts, not the input.
  'numbers-limit': 'conflict',
  'call-target-invalid': 'invalid-input',
  'label-empty': 'invalid-input',
  'label-too-long': 'invalid-input',
  'label-control-character': 'invalid-input',
  'label-broken-character': 'invalid-input',
  'remote-extension-unsupported': 'forbidden',
  'remote-extension-needs-admin': 'forbidden',
  'number-locked': 'forbidden',
  'delete-admin-provisioned': 'forbidden',
  'delete-in-use': 'conflict',
  'not-remote-extension': 'invalid-input',
  'call-through-needs-remote-extension': 'invalid-input',
  'unknown-device': 'invalid-input',
  'not-permitted': 'forbidden',
  'id-taken': 'conflict',
  'number-not-found': 'not-found',
  'status-not-found': 'not-found',
  'version-stale': 'conflict',
  // The request itself is wrong (422 on the wire), whatever the account holds.
  'idempotency-key-reused': 'invalid-input',
};

export function problemKind(problem: Problem): ProblemKind {
  return kinds[problem.code];
}

/** "a", "a and b", "a, b and c" — status names in a sentence. */
export function listInEnglish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

function codesInEnglish(codes: readonly string[]): string {
  return codes.length === 1
    ? `the destination code ${codes[0] ?? ''}`
    : `a destination code (${listInEnglish(codes).replace(/ and /u, ' or ')})`;
}

/** What to type, built from the dial plan (FMT-2): "Start with the destination code 0, …". */
function formatHint(codes: readonly string[], example: string): string {
  return `Start with ${codesInEnglish(codes)}, then the number, e.g. ${example}.`;
}

/** Invisible and control characters are named by code point, since quoting them shows nothing. */
function showCharacter(character: string): string {
  if (/^[\p{L}\p{N}\p{P}\p{S}]$/u.test(character)) return `“${character}”`;
  const code = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `the invisible character U+${code}`;
}

export function describeLockReason(reason: LockReason): string {
  switch (reason.kind) {
    case 'in-status':
      return `It is configured in the dynamic status ${listInEnglish(reason.statuses)}.`;
    case 'admin-provisioned':
      return 'It was configured by your administrator or in the communication platform.';
    case 'active-remote-extension':
      return `It is your active remote extension (status ${reason.status}).`;
  }
}

export function describeCallThroughFix(fix: CallThroughFix): string {
  switch (fix.kind) {
    case 'enable-fmc':
      return 'Turn on FMC for this number.';
    case 'make-status-remote-extension':
      return `Choose this number as the Remote Extension of your current status, ${fix.status}.`;
  }
}

/** The English message a platform sends with a refusal; also the UI's English wording. */
export function describeProblem(problem: Problem): string {
  switch (problem.code) {
    case 'number-empty':
      return `Enter a number. ${formatHint(problem.codes, problem.example)}`;
    case 'number-country-code':
      return `Leave out + and the country code. ${formatHint(problem.codes, problem.example)}`;
    case 'number-bad-character':
      return `A number can't contain ${showCharacter(problem.character)}. ${formatHint(problem.codes, problem.example)}`;
    case 'number-destination-code':
      return `The number doesn't start with a destination code. ${formatHint(problem.codes, problem.example)}`;
    case 'number-length': {
      const digits =
        problem.minLength === problem.maxLength
          ? `${problem.minLength} digits`
          : `${problem.minLength} to ${problem.maxLength} digits`;
      return `After the destination code ${problem.destinationCode} the number needs ${digits}; it has ${problem.length}. For example ${problem.example}.`;
    }
    case 'number-duplicate':
      return `You already have this number (${problem.label}).`;
    case 'numbers-limit':
      return `You can have at most ${problem.max} numbers. Delete one you no longer use, then add the new one.`;
    case 'call-target-invalid':
      return 'Enter the number to call using digits, * or #.';
    case 'label-empty':
      return 'Enter a label, e.g. Mobile.';
    case 'label-too-long':
      return `A label can have at most ${problem.maxLength} characters.`;
    case 'label-control-character':
      return 'A label can only contain printable characters.';
    case 'label-broken-character':
      return 'A label can’t contain a broken character, such as half an emoji. Type the label again.';
    case 'remote-extension-unsupported':
      return `Remote Extension needs MiVoice MX-One; this account is on ${problem.platform}.`;
    case 'remote-extension-needs-admin':
      return 'You can add a remote extension only when your administrator has provisioned one.';
    case 'number-locked':
      return `The Remote Extension setting and the number can't be changed. ${problem.reasons.map(describeLockReason).join(' ')}`;
    case 'delete-admin-provisioned':
      return 'This number was configured by your administrator, so it can be edited but not deleted.';
    case 'delete-in-use':
      return `This number is used by the status ${listInEnglish(problem.statuses)}. Choose another device there first.`;
    case 'not-remote-extension':
      return 'Only a remote extension number can be a status’s Remote Extension.';
    case 'call-through-needs-remote-extension':
      return 'Call Through is available only for remote extension numbers.';
    case 'unknown-device':
      return 'That device no longer exists. Choose another one.';
    case 'not-permitted':
      return 'Your administrator does not allow you to change this.';
    case 'id-taken':
      return 'This change was already made.';
    case 'number-not-found':
      return 'This number no longer exists.';
    case 'status-not-found':
      return 'This status no longer exists.';
    case 'version-stale':
      return 'Your settings were changed somewhere else. Look them over and try again.';
    case 'idempotency-key-reused':
      return 'This Idempotency-Key was already used for a different change. Send each change with a key of its own.';
  }
}
