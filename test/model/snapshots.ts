/** Small builders over the sample account for the model's tests. */
import type { DynamicStatus, PhoneNumber, Snapshot, StatusRouting } from '../../src/model/index.js';
import { sampleSnapshot, type SampleProfile } from '../../src/platform/sample-data.js';

/** A fresh sample account per call, so no test can see another's changes. */
export const fresh = (profile: SampleProfile = {}): Snapshot => sampleSnapshot('u', profile);

export function numberOf(state: Snapshot, id: string): PhoneNumber {
  const n = state.numbers.find((x) => x.id === id);
  if (!n) throw new Error(`no number ${id}`);
  return n;
}

export function statusOf(state: Snapshot, id: string): DynamicStatus {
  const s = state.statuses.find((x) => x.id === id);
  if (!s) throw new Error(`no status ${id}`);
  return s;
}

export function routingOf(state: Snapshot, id: string): StatusRouting {
  const { remoteExtensionId, callUsing, sendCallsTo } = statusOf(state, id);
  return { id, remoteExtensionId, callUsing, sendCallsTo };
}

/** The state with one status's fields replaced. */
export function withStatus(state: Snapshot, id: string, changes: Partial<DynamicStatus>): Snapshot {
  return { ...state, statuses: state.statuses.map((s) => (s.id === id ? { ...s, ...changes } : s)) };
}
