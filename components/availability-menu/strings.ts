import { stringTable } from '../shared/locale.js';

export interface AvailabilityStrings {
  /** The menu's name, and the first half of the button's. */
  readonly availability: string;
  /** The button's accessible name: what it is and the status in force. */
  readonly buttonName: (status: string) => string;
  /** Announced once the platform has accepted the new active status (ACT-1). */
  readonly nowYourStatus: (status: string) => string;
  /** Announced when the new active status has to wait to be sent (SYNC-4). */
  readonly statusWaits: (status: string) => string;
}

const en: AvailabilityStrings = {
  availability: 'Availability',
  buttonName: (status) => `Availability: ${status}`,
  nowYourStatus: (status) => `${status} is now your status.`,
  statusWaits: (status) =>
    `${status} is waiting to be sent. It will be your status when the connection is back.`,
};

export const availabilityStrings = stringTable('availability', en);
