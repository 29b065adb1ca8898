/**
 * What a change of a status's routing means for where calls go: the words Quick Status and Edit
 * Status announce (STAT-3, STAT-6), and what becomes of a routing being edited when newer data
 * comes (SYNC-6). Pure; the elements only put the answers into words.
 */
import { chooseRemoteExtension } from './rules.js';
import type { Snapshot, StatusRouting } from './schemas.js';
import {
  activeCallUsing,
  activeSendCallsTo,
  findDevice,
  findNumber,
  findStatus,
  remoteExtensions,
  type Device,
} from './selectors.js';

/** Where calls go in the active status: the device incoming calls ring on, the one that places them. */
export interface CallRouting {
  readonly ringsOn: Device | undefined;
  readonly placedFrom: Device | undefined;
}

/**
 * Where calls go in `state`'s active status (Send my calls to, Call Using), for the one line the
 * Availability menu, the popup and the footer show. Given the settings in force (not a change
 * still waiting to be sent), it says what rings now.
 */
export function callRouting(state: Snapshot): CallRouting {
  return { ringsOn: activeSendCallsTo(state), placedFrom: activeCallUsing(state) };
}

/** Where calls go after a routing change, as a person would be told. */
export type RoutingChange =
  /** STAT-3: the status has a Remote Extension, and Call Using and Send my calls to use it. */
  | { readonly kind: 'remote-extension'; readonly label: string }
  /**
   * STAT-6: no Remote Extension, and the calls that used the old one now use `device`: the device
   * itself, so a view names it in its language (a platform device by its kind).
   */
  | { readonly kind: 'cleared'; readonly device: Device }
  /** No Remote Extension, and nothing else moved. */
  | { readonly kind: 'none' };

/**
 * What going from `before` to `after` (typically `chooseRemoteExtension`'s answer) changes. Labels
 * are the numbers' and devices' own, or their ids when `state` does not hold them.
 */
export function routingChange(state: Snapshot, before: StatusRouting, after: StatusRouting): RoutingChange {
  if (after.remoteExtensionId !== null) {
    return { kind: 'remote-extension', label: findNumber(state, after.remoteExtensionId)?.label ?? after.remoteExtensionId };
  }
  if (after.callUsing === before.callUsing && after.sendCallsTo === before.sendCallsTo) return { kind: 'none' };
  const device = after.callUsing !== before.callUsing ? after.callUsing : after.sendCallsTo;
  // A device the state no longer holds is named by its id.
  const known = findDevice(state, device) ?? { id: device, kind: 'number', label: device, dial: null, remoteExtension: false };
  return { kind: 'cleared', device: known };
}

/**
 * SYNC-6: a routing being edited, against newer data. `null` when its status is gone; reset to
 * None (STAT-6) when its Remote Extension is no longer one (removed, or the platform no longer
 * has remote extensions); else the same object, so a caller can tell nothing changed.
 */
export function rebaseRouting(state: Snapshot, routing: StatusRouting): StatusRouting | null {
  if (!findStatus(state, routing.id)) return null;
  const { remoteExtensionId } = routing;
  if (remoteExtensionId === null || remoteExtensions(state).some((n) => n.id === remoteExtensionId)) return routing;
  return chooseRemoteExtension(state, routing, null);
}
