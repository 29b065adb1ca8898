/**
 * Questions about a snapshot that several rules and every view ask: which status is active, what
 * devices exist, which statuses use a number. Pure and cheap; no rule is decided here.
 */
import type { DynamicStatus, PhoneNumber, PlatformInfo, Snapshot } from './schemas.js';

/** A device that can place or receive calls: one of the platform's, or an entry of My Numbers. */
export interface Device {
  readonly id: string;
  readonly kind: 'desk' | 'softphone' | 'number';
  readonly label: string;
  readonly dial: string | null;
  readonly remoteExtension: boolean;
}

/** PLAT-1: remote extensions exist only on MiVoice MX-One. */
export function supportsRemoteExtension(platform: PlatformInfo): boolean {
  return platform.kind === 'mx-one';
}

export function findNumber(state: Snapshot, numberId: string): PhoneNumber | undefined {
  return state.numbers.find((n) => n.id === numberId);
}

export function findStatus(state: Snapshot, statusId: string): DynamicStatus | undefined {
  return state.statuses.find((s) => s.id === statusId);
}

/** The status in force now. The snapshot schema guarantees it exists. */
export function activeStatus(state: Snapshot): DynamicStatus {
  const status = findStatus(state, state.activeStatusId);
  if (!status) throw new Error('Snapshot without its active status: validate it with SnapshotSchema.');
  return status;
}

/** The remote extension of the active status, if it has one. */
export function activeRemoteExtension(state: Snapshot): PhoneNumber | undefined {
  const id = activeStatus(state).remoteExtensionId;
  return id === null ? undefined : findNumber(state, id);
}

/** Every remote extension number: the choices of a status's Remote Extension dropdown (STAT-2). */
export function remoteExtensions(state: Snapshot): PhoneNumber[] {
  return supportsRemoteExtension(state.platform) ? state.numbers.filter((n) => n.remoteExtension) : [];
}

/** The platform's devices, then My Numbers: what Call Using, Send my calls to and Place Call With offer. */
export function devices(state: Snapshot): Device[] {
  return [
    ...state.platform.devices.map((d) => ({ ...d, remoteExtension: false })),
    ...state.numbers.map((n) => ({
      id: n.id,
      kind: 'number' as const,
      label: n.label,
      dial: n.dial,
      remoteExtension: n.remoteExtension,
    })),
  ];
}

export function findDevice(state: Snapshot, deviceId: string): Device | undefined {
  return devices(state).find((d) => d.id === deviceId);
}

/** The device that places outgoing calls in the active status (CALL-1). */
export function activeCallUsing(state: Snapshot): Device | undefined {
  return findDevice(state, activeStatus(state).callUsing);
}

/** The device incoming calls ring on in the active status (*Send my calls to*). */
export function activeSendCallsTo(state: Snapshot): Device | undefined {
  return findDevice(state, activeStatus(state).sendCallsTo);
}

/** Statuses that use a number as their Remote Extension, Call Using or Send my calls to. */
export function statusesUsing(state: Snapshot, numberId: string): DynamicStatus[] {
  return state.statuses.filter(
    (s) => s.remoteExtensionId === numberId || s.callUsing === numberId || s.sendCallsTo === numberId,
  );
}
