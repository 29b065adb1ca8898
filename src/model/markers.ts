import type { PhoneNumber, Snapshot } from './schemas.js';
import { activeStatus, supportsRemoteExtension } from './selectors.js';

/** What a number's row says about it, besides its label and dial string (NUM-1). */
export type Marker = 'remote-extension' | 'admin-provisioned' | 'active-remote-extension' | 'fmc' | 'call-through';

/**
 * NUM-1: the markers of one number, in the order My Numbers shows them. PLAT-1: off MiVoice
 * MX-One there are no remote extensions, so no Remote Extension, active remote extension or Call
 * Through marker.
 */
export function numberMarkers(state: Snapshot, number: PhoneNumber): Marker[] {
  const withRemoteExtension = supportsRemoteExtension(state.platform);
  const markers: Marker[] = [];
  if (withRemoteExtension && number.remoteExtension) markers.push('remote-extension');
  if (number.adminProvisioned) markers.push('admin-provisioned');
  if (withRemoteExtension && activeStatus(state).remoteExtensionId === number.id) markers.push('active-remote-extension');
  if (number.fmc) markers.push('fmc');
  if (withRemoteExtension && number.callThrough) markers.push('call-through');
  return markers;
}
