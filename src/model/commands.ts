/**
 * The one function that changes state. The Store runs it to show a change at once, the simulated
 * platform and the reference server run it as the authority (FMT-4), so they cannot disagree.
 */
import { checkDialString, checkLabel, stripFormatting } from './dial-plan.js';
import type { Problem } from './problems.js';
import { addRemoteExtensionProblem, deleteProblem, findDuplicate, lockReasons, MAX_NUMBERS } from './rules.js';
import type { Command, NumberChanges, NumberDraft, PhoneNumber, Snapshot, StatusRouting } from './schemas.js';
import { findDevice, findNumber, findStatus, supportsRemoteExtension } from './selectors.js';

export type Applied = { readonly ok: true; readonly state: Snapshot } | { readonly ok: false; readonly problem: Problem };

const refuse = (problem: Problem): Applied => ({ ok: false, problem });

/**
 * Checks a command against every rule and returns the state after it, or the first problem.
 * The version is left alone: only the platform that accepts a change gives it a new version.
 */
export function applyCommand(state: Snapshot, command: Command): Applied {
  switch (command.type) {
    case 'number/create':
      return createNumber(state, command.number);
    case 'number/update':
      return updateNumber(state, command.numberId, command.changes);
    case 'number/delete':
      return deleteNumber(state, command.numberId);
    case 'status/update':
      return updateStatus(state, command.status);
    case 'status/activate':
      return findStatus(state, command.statusId)
        ? { ok: true, state: { ...state, activeStatusId: command.statusId } }
        : refuse({ code: 'status-not-found' });
  }
}

function createNumber(state: Snapshot, draft: NumberDraft): Applied {
  if (!state.platform.permissions.manageNumbers) return refuse({ code: 'not-permitted' });
  if (state.numbers.length >= MAX_NUMBERS) return refuse({ code: 'numbers-limit', max: MAX_NUMBERS });
  if (findNumber(state, draft.id) || state.platform.devices.some((d) => d.id === draft.id)) {
    return refuse({ code: 'id-taken' });
  }
  const label = checkLabel(draft.label);
  if (!label.ok) return label;
  const dial = checkDialString(draft.dial, state.platform.dialPlan);
  if (!dial.ok) return dial;
  const duplicate = findDuplicate(state, dial.value);
  if (duplicate) return refuse({ code: 'number-duplicate', label: duplicate.label });
  if (draft.remoteExtension) {
    const problem = addRemoteExtensionProblem(state);
    if (problem) return refuse(problem);
  }
  const number: PhoneNumber = {
    id: draft.id,
    label: label.value,
    dial: dial.value,
    remoteExtension: draft.remoteExtension,
    adminProvisioned: false,
    fmc: false,
    callThrough: false,
  };
  return { ok: true, state: { ...state, numbers: [...state.numbers, number] } };
}

/**
 * Whether a typed label differs from the number's. An unchanged label is not checked again: an
 * administrator's may be longer than users may type.
 */
export function changesLabel(number: PhoneNumber, typed: string): boolean {
  return typed.trim() !== number.label;
}

/**
 * Whether a typed number differs from the number's, formatting aside. An unchanged number is not a
 * change, even on a locked entry or one the dial plan no longer fits.
 */
export function changesDial(number: PhoneNumber, typed: string): boolean {
  return stripFormatting(typed) !== number.dial;
}

function updateNumber(state: Snapshot, numberId: string, changes: NumberChanges): Applied {
  const number = findNumber(state, numberId);
  if (!number) return refuse({ code: 'number-not-found' });
  if (!state.platform.permissions.manageNumbers) return refuse({ code: 'not-permitted' });
  const next: PhoneNumber = { ...number };

  // EDIT-3: the label stays editable whatever locks the rest.
  if (changes.label !== undefined && changesLabel(number, changes.label)) {
    const label = checkLabel(changes.label);
    if (!label.ok) return label;
    next.label = label.value;
  }

  const locks = lockReasons(state, numberId);
  if (changes.dial !== undefined && changesDial(number, changes.dial)) {
    if (locks.length > 0) return refuse({ code: 'number-locked', reasons: locks });
    const dial = checkDialString(changes.dial, state.platform.dialPlan);
    if (!dial.ok) return dial;
    const duplicate = findDuplicate(state, dial.value, numberId);
    if (duplicate) return refuse({ code: 'number-duplicate', label: duplicate.label });
    next.dial = dial.value;
  }

  if (changes.remoteExtension !== undefined && changes.remoteExtension !== number.remoteExtension) {
    if (locks.length > 0) return refuse({ code: 'number-locked', reasons: locks });
    if (changes.remoteExtension) {
      const problem = addRemoteExtensionProblem(state);
      if (problem) return refuse(problem);
    }
    next.remoteExtension = changes.remoteExtension;
  }

  if (changes.fmc !== undefined) next.fmc = changes.fmc;

  // FMC-1: Call Through belongs to remote extensions; it goes off with the Remote Extension flag.
  if (changes.callThrough === true && !next.remoteExtension) {
    return refuse(
      supportsRemoteExtension(state.platform)
        ? { code: 'call-through-needs-remote-extension' }
        : { code: 'remote-extension-unsupported', platform: state.platform.name },
    );
  }
  next.callThrough = next.remoteExtension && (changes.callThrough ?? number.callThrough);

  return { ok: true, state: { ...state, numbers: state.numbers.map((n) => (n.id === numberId ? next : n)) } };
}

function deleteNumber(state: Snapshot, numberId: string): Applied {
  if (findNumber(state, numberId) && !state.platform.permissions.manageNumbers) return refuse({ code: 'not-permitted' });
  const problem = deleteProblem(state, numberId);
  if (problem) return refuse(problem);
  return { ok: true, state: { ...state, numbers: state.numbers.filter((n) => n.id !== numberId) } };
}

function updateStatus(state: Snapshot, routing: StatusRouting): Applied {
  if (!findStatus(state, routing.id)) return refuse({ code: 'status-not-found' });
  if (!state.platform.permissions.manageStatuses) return refuse({ code: 'not-permitted' });
  if (routing.remoteExtensionId !== null) {
    if (!supportsRemoteExtension(state.platform)) {
      return refuse({ code: 'remote-extension-unsupported', platform: state.platform.name });
    }
    // STAT-2: only a remote extension number can be a status's Remote Extension.
    if (!findNumber(state, routing.remoteExtensionId)?.remoteExtension) return refuse({ code: 'not-remote-extension' });
  }
  if (!findDevice(state, routing.callUsing) || !findDevice(state, routing.sendCallsTo)) {
    return refuse({ code: 'unknown-device' });
  }
  return {
    ok: true,
    state: {
      ...state,
      statuses: state.statuses.map((s) =>
        s.id === routing.id
          ? {
              ...s,
              remoteExtensionId: routing.remoteExtensionId,
              callUsing: routing.callUsing,
              sendCallsTo: routing.sendCallsTo,
            }
          : s,
      ),
    },
  };
}
