import type { StringTable } from '../shared/locale.js';

export interface AvailabilityStrings {
  /** The menu's name, and the first half of the button's. */
  readonly availability: string;
  /** The button's accessible name: what it is and the status in force. */
  readonly buttonName: (status: string) => string;
  /** Announced once the platform has accepted the new active status (ACT-1). */
  readonly nowYourStatus: (status: string) => string;
}

const en: AvailabilityStrings = {
  availability: 'Availability',
  buttonName: (status) => `Availability: ${status}`,
  nowYourStatus: (status) => `${status} is now your status.`,
};

const sv: AvailabilityStrings = {
  availability: 'Tillgänglighet',
  buttonName: (status) => `Tillgänglighet: ${status}`,
  nowYourStatus: (status) => `${status} är nu din status.`,
};

export const availabilityStrings: StringTable<AvailabilityStrings> = { en, sv };
