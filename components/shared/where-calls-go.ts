import type { CallRouting, Device } from '../../src/model/index.js';

/** The words of the where-calls-go line, in one language. */
export interface WhereCallsGoWords {
  readonly same: (device: string) => string;
  readonly split: (rings: string, out: string) => string;
  readonly none: string;
}

/**
 * Where incoming calls ring and which device places outgoing ones, each device named in full:
 * "Work mobile, 070 123 45 67". Shared by every language's `whereCallsGo`.
 */
export function whereCallsGo({ ringsOn, placedFrom }: CallRouting, name: (device: Device) => string, words: WhereCallsGoWords): string {
  const full = (device: Device | undefined) =>
    device ? (device.dial ? `${name(device)}, ${device.dial}` : name(device)) : words.none;
  if (!ringsOn && !placedFrom) return words.none;
  return ringsOn?.id === placedFrom?.id ? words.same(full(ringsOn)) : words.split(full(ringsOn), full(placedFrom));
}
