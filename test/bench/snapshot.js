// Snapshots for the benchmarks: `n` numbers and 6 dynamic statuses on a MiVoice MX-One platform,
// shaped exactly as src/model/schemas.ts wants (SnapshotSchema with its cross-reference checks),
// after the example in src/platform/sample-data.ts. Plain data, no imports: the pages use it, and
// seed.js checks every one with the bundle's own SnapshotSchema before writing it to the cache.

/** Destination code 0, then 7–10 digits (FMT-1); the seed's 09818… numbers fit. */
const DIAL_PLAN = { destinationCodes: ['0'], minLength: 7, maxLength: 10 };

/** The two devices of the platform's own, as in the sample data. */
export const PLATFORM_DEVICES = [
  { id: 'desk-phone', kind: 'desk', label: 'Desk phone', dial: '4711' },
  { id: 'softphone', kind: 'softphone', label: 'MiCollab softphone', dial: null },
];

/**
 * Number `i` (1-based): the first is an admin-provisioned remote extension (its label starts with
 * the platform's prefix, NUM-4), the second a remote extension of the user's, every fifth has FMC.
 * Dial strings are 0 + 9 digits, all different.
 */
function phoneNumber(i) {
  return {
    id: `n${i}`,
    label: i === 1 ? 'Remote Extension Work mobile' : `Number ${i}`,
    dial: `07${String(i).padStart(8, '0')}`,
    remoteExtension: i <= 2,
    adminProvisioned: i === 1,
    fmc: i % 5 === 0,
    callThrough: false,
  };
}

/** A snapshot of `n` (≥ 2) numbers and 6 statuses, `available` active. */
export function makeSnapshot(n, user = 'bench-user') {
  if (n < 2) throw new Error('makeSnapshot needs at least 2 numbers (the statuses use n1 and n2).');
  const numbers = Array.from({ length: n }, (_, i) => phoneNumber(i + 1));
  const routed = (device) => ({ callUsing: device, sendCallsTo: device });
  return {
    version: 1,
    platform: {
      kind: 'mx-one',
      name: 'MiVoice MX-One',
      dialPlan: DIAL_PLAN,
      adminLabelPrefix: 'Remote Extension',
      defaultDeviceId: 'desk-phone',
      devices: PLATFORM_DEVICES,
      permissions: { manageNumbers: true, manageStatuses: true },
    },
    user: { id: user, displayName: 'Alex Lindqvist' },
    numbers,
    statuses: [
      { id: 'available', name: 'Available', presence: 'available', remoteExtensionId: null, ...routed('desk-phone') },
      { id: 'in-a-meeting', name: 'In a Meeting', presence: 'busy', remoteExtensionId: null, ...routed('softphone') },
      { id: 'out-of-office', name: 'Out of Office', presence: 'away', remoteExtensionId: null, ...routed('desk-phone') },
      { id: 'work-from-home', name: 'Work from Home', presence: 'available', remoteExtensionId: 'n1', ...routed('n1') },
      { id: 'on-the-road', name: 'On the Road', presence: 'away', remoteExtensionId: 'n2', ...routed('n2') },
      { id: 'do-not-disturb', name: 'Do Not Disturb', presence: 'dnd', remoteExtensionId: null, ...routed('desk-phone') },
    ],
    activeStatusId: 'available',
  };
}

/**
 * The held-back client's scope for a page of `n` numbers; `use` keeps pages whose Store writes
 * the cache (the status switches) away from the records the start-up figures read.
 */
export function benchScope(n, use = 'start') {
  return { platform: 'bench-held-back', user: `${use}-${n}` };
}

/** The numbers each cache record holds: warm start (20), scale (50, 500), switches (20, 500). */
export const SEEDED = [
  { n: 20, use: 'start' },
  { n: 50, use: 'start' },
  { n: 500, use: 'start' },
  { n: 20, use: 'switch' },
  { n: 500, use: 'switch' },
];
