/**
 * A number as a person is entering it in *Add Number* or *Edit Number*, and what the rules say of
 * it before it is sent: the same checks `applyCommand` makes (so the form and the platform cannot
 * disagree), where a refusal belongs, and why Remote Extension cannot be changed.
 */
import { applyCommand, changesDial, changesLabel } from './commands.js';
import { checkDialString, checkLabel, exampleNumber, LABEL_MAX_LENGTH } from './dial-plan.js';
import type { CallThroughFix, LockReason, Problem } from './problems.js';
import { addRemoteExtensionProblem, callThroughFixes, lockReasons } from './rules.js';
import type { DialPlan, NumberChanges, NumberDraft, PhoneNumber, Snapshot } from './schemas.js';
import { findNumber } from './selectors.js';

/** What the person has typed and ticked; `edited` below is the number as it is, when editing. */
export interface NumberFields {
  readonly label: string;
  readonly dial: string;
  readonly remoteExtension: boolean;
  readonly fmc: boolean;
  readonly callThrough: boolean;
}

/** A new number's form (ADD-1). */
export const emptyNumberFields: NumberFields = Object.freeze({
  label: '',
  dial: '',
  remoteExtension: false,
  fmc: false,
  callThrough: false,
});

/** The form of a number being edited, holding what it has now (EDIT-1). */
export function numberFieldsOf(number: PhoneNumber): NumberFields {
  const { label, dial, remoteExtension, fmc, callThrough } = number;
  return { label, dial, remoteExtension, fmc, callThrough };
}

/** FMC-1: Call Through belongs to remote extensions; it goes off with the flag, as on the platform. */
export function withRemoteExtension(fields: NumberFields, remoteExtension: boolean): NumberFields {
  return { ...fields, remoteExtension, callThrough: remoteExtension && fields.callThrough };
}

/**
 * Why the label would be refused, or null. EDIT-3: an edited number's unchanged label is not
 * checked, as `number/update` does not check it (an administrator's may be longer than users may type).
 */
export function labelProblem(fields: NumberFields, edited?: PhoneNumber): Problem | null {
  if (edited && !changesLabel(edited, fields.label)) return null;
  const checked = checkLabel(fields.label);
  return checked.ok ? null : checked.problem;
}

/**
 * FMT-1, FMT-2: why the number would be refused by the dial plan, or null. Only what the model
 * would check: a new number, or an edited one that is changed and not locked (EDIT-2).
 */
export function dialProblem(state: Snapshot, fields: NumberFields, edited?: PhoneNumber): Problem | null {
  if (edited && (editLocks(state, edited).length > 0 || !changesDial(edited, fields.dial))) return null;
  const checked = checkDialString(fields.dial, state.platform.dialPlan);
  return checked.ok ? null : checked.problem;
}

/** What `number/create` is sent for a new number (ADD-2, ADD-4). */
export function newNumberOf(fields: NumberFields): Omit<NumberDraft, 'id'> {
  return { label: fields.label, dial: fields.dial, remoteExtension: fields.remoteExtension };
}

/** Only what differs from the number as it is now: what `number/update` is sent (EDIT-3). */
export function numberChanges(edited: PhoneNumber, fields: NumberFields): NumberChanges {
  const changes: NumberChanges = {};
  if (changesLabel(edited, fields.label)) changes.label = fields.label;
  if (changesDial(edited, fields.dial)) changes.dial = fields.dial;
  if (fields.remoteExtension !== edited.remoteExtension) changes.remoteExtension = fields.remoteExtension;
  if (fields.fmc !== edited.fmc) changes.fmc = fields.fmc;
  if (fields.callThrough !== edited.callThrough) changes.callThrough = fields.callThrough;
  return changes;
}

/** Where a refusal is shown: at the field it is about, or under the buttons. */
export type ProblemPlace = 'label' | 'number' | 'form';


/**
 * Where the refusal of a save shows. A problem about one field is named after it (`number-…`,
 * `label-…`); any other, and a failure that is no rule's (the platform not answering), goes above
 * the buttons.
 */
export function problemPlace(problem: Problem | undefined): ProblemPlace {
  const field = problem?.code.split('-')[0];
  return field === 'number' || field === 'label' ? field : 'form';
}

/** EDIT-2: why the edited number's Number and Remote Extension are locked; a new number has no locks. */
export function editLocks(state: Snapshot, edited?: PhoneNumber): LockReason[] {
  return edited ? lockReasons(state, edited.id) : [];
}

/** Why the Remote Extension checkbox can't be changed, if it can't. */
export type RemoteExtensionBlock =
  | { readonly kind: 'locked'; readonly reasons: readonly LockReason[] }
  | { readonly kind: 'unavailable'; readonly problem: Problem };

/** EDIT-2 locks, else ADD-3's (and PLAT-1's) reason a number can't become a remote extension; null when free. */
export function remoteExtensionBlock(state: Snapshot, edited?: PhoneNumber): RemoteExtensionBlock | null {
  const reasons = editLocks(state, edited);
  if (reasons.length > 0) return { kind: 'locked', reasons };
  // Turning an existing remote extension off needs no administrator; turning one on does.
  if (edited?.remoteExtension) return null;
  const problem = addRemoteExtensionProblem(state);
  return problem ? { kind: 'unavailable', problem } : null;
}

/**
 * FMC-2: what to change for Call Through to work, judged on the number as the form would leave
 * it. A form with a half-typed label or number still says something about Call Through, from its
 * checkboxes alone.
 */
export function draftCallThroughFixes(state: Snapshot, edited: PhoneNumber, fields: NumberFields): CallThroughFix[] {
  if (!fields.callThrough) return [];
  const all = numberChanges(edited, fields);
  const flags: NumberChanges = { remoteExtension: all.remoteExtension, fmc: all.fmc, callThrough: all.callThrough };
  for (const changes of [all, flags]) {
    const preview = applyCommand(state, { type: 'number/update', id: 'preview', numberId: edited.id, changes });
    if (!preview.ok) continue;
    const previewed = findNumber(preview.state, edited.id);
    return previewed ? callThroughFixes(preview.state, previewed) : [];
  }
  return [];
}

/**
 * Every problem the live check of Label and of Number can name with this dial plan (but a broken
 * character, which only pasted text has): a form keeps room for the longest of them, so a
 * message appearing as a field is left moves no control under the pointer.
 */
export function fieldProblems(plan: DialPlan | null): { readonly label: Problem[]; readonly number: Problem[] } {
  const label: Problem[] = [
    { code: 'label-empty' },
    { code: 'label-too-long', maxLength: LABEL_MAX_LENGTH },
    { code: 'label-control-character' },
  ];
  if (!plan) return { label, number: [] };
  const example = exampleNumber(plan);
  const codes = plan.destinationCodes;
  const longestCode = codes.reduce((a, b) => (b.length > a.length ? b : a), '');
  const number: Problem[] = [
    { code: 'number-empty', example, codes },
    { code: 'number-country-code', example, codes },
    // A wide character, and one that English names by its code point.
    { code: 'number-bad-character', character: 'W', example, codes },
    { code: 'number-bad-character', character: '\u200b', example, codes },
    { code: 'number-destination-code', example, codes },
    { code: 'number-length', destinationCode: longestCode, length: 99, minLength: plan.minLength, maxLength: plan.maxLength, example },
  ];
  return { label, number };
}
