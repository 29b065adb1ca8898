/**
 * What a fresh simulated account holds: a desk phone, a softphone, an admin-provisioned remote
 * extension, the user's own mobile and home numbers, and five dynamic statuses.
 */
import type { PhoneNumber, PlatformInfo, Snapshot } from '../model/index.js';

export interface SampleProfile {
  /** `mx-one` (default) or a platform without remote extensions, to see PLAT-1. */
  readonly kind?: 'mx-one' | 'mivoice-business';
  /** Whether the administrator has provisioned a remote extension (ADD-3); default true. */
  readonly adminRemoteExtension?: boolean;
}

const ADMIN_LABEL_PREFIX = 'Remote Extension';

function platformInfo(kind: 'mx-one' | 'mivoice-business'): PlatformInfo {
  return {
    kind,
    name: kind === 'mx-one' ? 'MiVoice MX-One' : 'MiVoice Business',
    // Destination code 0, then a 7- to 10-digit number: the seed's 09818xxxxxx fits.
    dialPlan: { destinationCodes: ['0'], minLength: 7, maxLength: 10 },
    adminLabelPrefix: ADMIN_LABEL_PREFIX,
    defaultDeviceId: 'desk-phone',
    devices: [
      { id: 'desk-phone', kind: 'desk', label: 'Desk phone', dial: '4711' },
      { id: 'softphone', kind: 'softphone', label: 'MiCollab softphone', dial: null },
    ],
    permissions: { manageNumbers: true, manageStatuses: true },
  };
}

/** The label an administrator-provisioned remote extension gets: the platform's prefix first (NUM-4). */
export function adminLabel(platform: PlatformInfo, name: string): string {
  return `${platform.adminLabelPrefix} ${name}`.trim();
}

export function sampleSnapshot(user: string, profile: SampleProfile = {}): Snapshot {
  const kind = profile.kind ?? 'mx-one';
  const platform = platformInfo(kind);
  const withRemoteExtension = kind === 'mx-one' && (profile.adminRemoteExtension ?? true);
  const numbers: PhoneNumber[] = [
    {
      id: 'work-mobile',
      label: withRemoteExtension ? adminLabel(platform, 'Work mobile') : 'Work mobile',
      dial: '0701234567',
      remoteExtension: withRemoteExtension,
      adminProvisioned: true,
      fmc: true,
      callThrough: false,
    },
    {
      id: 'mobile',
      label: 'Mobile',
      dial: '0739876543',
      remoteExtension: false,
      adminProvisioned: false,
      fmc: false,
      callThrough: false,
    },
    {
      id: 'home',
      label: 'Home',
      dial: '087654321',
      remoteExtension: false,
      adminProvisioned: false,
      fmc: false,
      callThrough: false,
    },
  ];
  const routed = (device: string) => ({ callUsing: device, sendCallsTo: device });
  return {
    version: 1,
    platform,
    user: { id: user, displayName: 'Alex Lindqvist' },
    numbers,
    statuses: [
      { id: 'available', name: 'Available', presence: 'available', remoteExtensionId: null, ...routed('desk-phone') },
      { id: 'in-a-meeting', name: 'In a Meeting', presence: 'busy', remoteExtensionId: null, ...routed('softphone') },
      { id: 'out-of-office', name: 'Out of Office', presence: 'away', remoteExtensionId: null, ...routed('desk-phone') },
      withRemoteExtension
        ? { id: 'work-from-home', name: 'Work from Home', presence: 'available', remoteExtensionId: 'work-mobile', ...routed('work-mobile') }
        : { id: 'work-from-home', name: 'Work from Home', presence: 'available', remoteExtensionId: null, ...routed('softphone') },
      { id: 'do-not-disturb', name: 'Do Not Disturb', presence: 'dnd', remoteExtensionId: null, ...routed('desk-phone') },
    ],
    activeStatusId: 'available',
  };
}
