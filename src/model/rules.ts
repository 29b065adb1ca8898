/**
 * The rules of SPEC.md that decide what a user may do with numbers and statuses. Each returns
 * data a view can explain; `applyCommand` enforces all of them.
 */
import type { CallThroughFix, LockReason, Problem } from './problems.js';
import type { PhoneNumber, Snapshot, StatusRouting } from './schemas.js';
import { activeStatus, findNumber, statusesUsing, supportsRemoteExtension } from './selectors.js';

/**
 * Most numbers a user may have, the administrator's included: every client loads them all in each
 * snapshot (about 190 bytes a number), and the REST client reads at most 1 MB, so an unbounded
 * list would one day lock the user out of their own settings. 100 is far more than a person has
 * phones, and far below that.
 */
export const MAX_NUMBERS = 100;

/**
 * EDIT-2: why the Remote Extension checkbox and Number field of a number are locked. Empty when
 * they are free. "Configured in a dynamic status" counts the status's Remote Extension, Call Using
 * and Send my calls to alike, since changing the number would silently re-route those calls.
 */
export function lockReasons(state: Snapshot, numberId: string): LockReason[] {
  const number = findNumber(state, numberId);
  if (!number) return [];
  const reasons: LockReason[] = [];
  const using = statusesUsing(state, numberId);
  if (using.length > 0) reasons.push({ kind: 'in-status', statuses: using.map((s) => s.name) });
  if (number.adminProvisioned) reasons.push({ kind: 'admin-provisioned' });
  const active = activeStatus(state);
  if (active.remoteExtensionId === numberId) reasons.push({ kind: 'active-remote-extension', status: active.name });
  return reasons;
}

/**
 * PLAT-1 and ADD-3: why the user may not make a number a remote extension, or null if they may.
 * Users can add their own only while at least one admin-provisioned remote extension exists.
 */
export function addRemoteExtensionProblem(state: Snapshot): Problem | null {
  if (!supportsRemoteExtension(state.platform)) {
    return { code: 'remote-extension-unsupported', platform: state.platform.name };
  }
  const provisioned = state.numbers.some((n) => n.adminProvisioned && n.remoteExtension);
  return provisioned ? null : { code: 'remote-extension-needs-admin' };
}

/**
 * NUM-3: whether Delete is offered at all. Only numbers the user created can be deleted; the
 * administrator's stay, whatever else holds.
 */
export function offersDelete(number: PhoneNumber): boolean {
  return !number.adminProvisioned;
}

/** NUM-3, NUM-5: why a number cannot be deleted, naming the statuses that use it; null if it can. */
export function deleteProblem(state: Snapshot, numberId: string): Problem | null {
  const number = findNumber(state, numberId);
  if (!number) return { code: 'number-not-found' };
  if (!offersDelete(number)) return { code: 'delete-admin-provisioned' };
  const using = statusesUsing(state, numberId);
  return using.length > 0 ? { code: 'delete-in-use', statuses: using.map((s) => s.name) } : null;
}

/** FMT-3: the number the user already has with these digits, other than `exceptId`. */
export function findDuplicate(state: Snapshot, dial: string, exceptId?: string): PhoneNumber | undefined {
  return state.numbers.find((n) => n.dial === dial && n.id !== exceptId);
}

/**
 * FMC-2: Call Through works only when the number is the Remote Extension of the current (active)
 * status and has FMC on. Returns what to change; empty when Call Through is off or will work.
 * Given the number rather than its id, as `numberMarkers` is: My Numbers asks for every row, and
 * looking each one up would make a list's render grow with the square of its length.
 */
export function callThroughFixes(state: Snapshot, number: PhoneNumber): CallThroughFix[] {
  if (!number.callThrough) return [];
  const fixes: CallThroughFix[] = [];
  if (!number.fmc) fixes.push({ kind: 'enable-fmc' });
  const status = activeStatus(state);
  if (status.remoteExtensionId !== number.id) fixes.push({ kind: 'make-status-remote-extension', status: status.name });
  return fixes;
}

/**
 * STAT-3, STAT-6: the routing of a status after its Remote Extension dropdown changes. Choosing a
 * remote extension points Call Using and Send my calls to at it; choosing None (null) puts
 * whichever of them pointed at the old one back to the platform's default device.
 */
export function chooseRemoteExtension(
  state: Snapshot,
  routing: StatusRouting,
  remoteExtensionId: string | null,
): StatusRouting {
  if (remoteExtensionId !== null) {
    return { ...routing, remoteExtensionId, callUsing: remoteExtensionId, sendCallsTo: remoteExtensionId };
  }
  const old = routing.remoteExtensionId;
  const fallback = state.platform.defaultDeviceId;
  return {
    ...routing,
    remoteExtensionId: null,
    callUsing: routing.callUsing === old ? fallback : routing.callUsing,
    sendCallsTo: routing.sendCallsTo === old ? fallback : routing.sendCallsTo,
  };
}
