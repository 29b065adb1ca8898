/**
 * The domain as valibot schemas. They are the one description of the data: the types below are
 * inferred from them, the Store validates its cache with them, and every platform client
 * validates what it receives with them (PC-4), so nothing unchecked ever reaches state.
 */
import * as v from 'valibot';

/** Ids are chosen by clients (optimistic creates, idempotency keys), so they are kept plain. */
export const IdSchema = v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/u, 'An id is 1–64 letters, digits, _ or -.'));

/** A dial string as stored: digits only (FMT-2 drops formatting before anything is stored). */
export const DialSchema = v.pipe(v.string(), v.regex(/^\d{1,32}$/u, 'A stored number is 1–32 digits.'));

/** Labels are text of any script; the length cap keeps hostile platforms from flooding the UI. */
export const LabelSchema = v.pipe(v.string(), v.maxLength(200));

export const DialPlanSchema = v.pipe(
  v.object({
    /** Destination codes a user-defined number may start with, e.g. `['0']` (FMT-1). */
    destinationCodes: v.pipe(v.array(v.pipe(v.string(), v.regex(/^\d{1,4}$/u))), v.minLength(1)),
    /** Shortest and longest number after the destination code. */
    minLength: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20)),
    maxLength: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20)),
  }),
  v.check((plan) => plan.minLength <= plan.maxLength, 'minLength must not exceed maxLength.'),
);

export const DeviceKindSchema = v.picklist(['desk', 'softphone', 'number']);

/** A device of the platform's own (desk phone, softphone); My Numbers entries are devices too. */
export const PlatformDeviceSchema = v.object({
  id: IdSchema,
  kind: v.picklist(['desk', 'softphone']),
  label: LabelSchema,
  dial: v.nullable(DialSchema),
});

export const PermissionsSchema = v.object({
  /** The user may add, edit and delete entries in My Numbers. */
  manageNumbers: v.boolean(),
  /** The user may edit dynamic statuses in Manage Status. */
  manageStatuses: v.boolean(),
});

/** What the platform says about itself (PLAT-1, PLAT-2): nothing of this is a UI constant. */
export const PlatformInfoSchema = v.object({
  /** `mx-one` is MiVoice MX-One, the only platform with remote extensions (PLAT-1). */
  kind: v.picklist(['mx-one', 'mivoice-business', 'mivoice-office-400', 'other']),
  /** The product name as the platform reports it, e.g. "MiVoice MX-One". */
  name: LabelSchema,
  dialPlan: DialPlanSchema,
  /** Text that admin-provisioned remote extensions' labels start with (NUM-4). */
  adminLabelPrefix: LabelSchema,
  /** The device calls fall back to when a status's remote extension is cleared (STAT-6). */
  defaultDeviceId: IdSchema,
  devices: v.array(PlatformDeviceSchema),
  permissions: PermissionsSchema,
});

export const PhoneNumberSchema = v.object({
  id: IdSchema,
  label: LabelSchema,
  dial: DialSchema,
  remoteExtension: v.boolean(),
  /** Configured by the administrator or in the communication platform. */
  adminProvisioned: v.boolean(),
  fmc: v.boolean(),
  callThrough: v.boolean(),
});

export const DynamicStatusSchema = v.object({
  id: IdSchema,
  name: LabelSchema,
  /** Presence shown beside the name (colour and icon), not a routing rule. */
  presence: v.picklist(['available', 'busy', 'away', 'dnd']),
  /** At most one remote extension per status (STAT-2); `null` is "None". */
  remoteExtensionId: v.nullable(IdSchema),
  /** Device that places outgoing calls (Call Using). */
  callUsing: IdSchema,
  /** Device where incoming calls ring (Send my calls to). */
  sendCallsTo: IdSchema,
});

export const UserSchema = v.object({ id: IdSchema, displayName: LabelSchema });

/**
 * Everything the feature knows at one platform version. Cross-references are checked too: a
 * platform that names a device or status that does not exist sent a bad response (PC-4).
 */
const SnapshotShapeSchema = v.object({
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
  platform: PlatformInfoSchema,
  user: UserSchema,
  numbers: v.array(PhoneNumberSchema),
  statuses: v.pipe(v.array(DynamicStatusSchema), v.minLength(1)),
  activeStatusId: IdSchema,
});

type SnapshotShape = v.InferOutput<typeof SnapshotShapeSchema>;

export const SnapshotSchema = v.pipe(
  SnapshotShapeSchema,
  v.check((s) => snapshotIntegrityError(s) === null, 'The snapshot refers to something it does not contain.'),
);

function snapshotIntegrityError(s: SnapshotShape): string | null {
  const deviceIds = [...s.platform.devices.map((d) => d.id), ...s.numbers.map((n) => n.id)];
  if (new Set(deviceIds).size !== deviceIds.length) return 'duplicate device or number id';
  if (new Set(s.statuses.map((x) => x.id)).size !== s.statuses.length) return 'duplicate status id';
  const devices = new Set(deviceIds);
  if (!devices.has(s.platform.defaultDeviceId)) return 'unknown default device';
  if (!s.statuses.some((x) => x.id === s.activeStatusId)) return 'unknown active status';
  const remoteExtensions = new Set(s.numbers.filter((n) => n.remoteExtension).map((n) => n.id));
  for (const status of s.statuses) {
    if (!devices.has(status.callUsing) || !devices.has(status.sendCallsTo)) return 'unknown device';
    if (status.remoteExtensionId !== null && !remoteExtensions.has(status.remoteExtensionId)) {
      return 'status remote extension is not a remote extension';
    }
  }
  return null;
}

const commandId = { id: IdSchema };

export const NumberDraftSchema = v.object({
  id: IdSchema,
  label: v.string(),
  dial: v.string(),
  remoteExtension: v.boolean(),
});

export const NumberChangesSchema = v.object({
  label: v.optional(v.string()),
  dial: v.optional(v.string()),
  remoteExtension: v.optional(v.boolean()),
  fmc: v.optional(v.boolean()),
  callThrough: v.optional(v.boolean()),
});

export const StatusRoutingSchema = v.object({
  id: IdSchema,
  remoteExtensionId: v.nullable(IdSchema),
  callUsing: IdSchema,
  sendCallsTo: IdSchema,
});

/**
 * Every change is one of these commands. The same object goes to the model, the platform and
 * (later) the outbox and other tabs; its `id` is the idempotency key.
 */
export const CommandSchema = v.variant('type', [
  v.object({ type: v.literal('number/create'), ...commandId, number: NumberDraftSchema }),
  v.object({ type: v.literal('number/update'), ...commandId, numberId: IdSchema, changes: NumberChangesSchema }),
  v.object({ type: v.literal('number/delete'), ...commandId, numberId: IdSchema }),
  v.object({ type: v.literal('status/update'), ...commandId, status: StatusRoutingSchema }),
  v.object({ type: v.literal('status/activate'), ...commandId, statusId: IdSchema }),
]);

export type DialPlan = v.InferOutput<typeof DialPlanSchema>;
export type PlatformDevice = v.InferOutput<typeof PlatformDeviceSchema>;
export type PlatformInfo = v.InferOutput<typeof PlatformInfoSchema>;
export type PhoneNumber = v.InferOutput<typeof PhoneNumberSchema>;
export type DynamicStatus = v.InferOutput<typeof DynamicStatusSchema>;
export type User = v.InferOutput<typeof UserSchema>;
export type Snapshot = v.InferOutput<typeof SnapshotSchema>;
export type NumberDraft = v.InferOutput<typeof NumberDraftSchema>;
export type NumberChanges = v.InferOutput<typeof NumberChangesSchema>;
export type StatusRouting = v.InferOutput<typeof StatusRoutingSchema>;
export type Command = v.InferOutput<typeof CommandSchema>;
export type CommandType = Command['type'];
