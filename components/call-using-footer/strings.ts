import { stringTable } from '../shared/locale.js';

export interface CallUsingStrings {
  /** The footer's caption and the menu's name. */
  readonly callUsing: string;
  /** The menu button's accessible name: the device that places outgoing calls now. */
  readonly callUsingName: (device: string) => string;
  /** Shown when the active status names no device the user has. */
  readonly noDevice: string;
  /** Announced once the platform has saved a new Call Using device. */
  readonly callUsingSaved: (device: string) => string;
  /** Announced when a new Call Using device has to wait to be sent (SYNC-4). */
  readonly callUsingWaits: (device: string) => string;
  /** The prompt's heading and its radio group's legend (CALL-2). */
  readonly placeCallWith: string;
  /** What the prompt is about to call: the number, and whom it reaches when that is known. */
  readonly callTarget: (dial: string, name?: string) => string;
  /** Marks the active remote extension among the devices (CALL-3). */
  readonly remoteExtension: string;
  readonly call: string;
  readonly calling: string;
  /** Shown, and so announced, by the footer once the platform has started the call. */
  readonly callingFrom: (dial: string, device: string) => string;
  /** The name of the button that dismisses that line. */
  readonly dismiss: string;
}

const en: CallUsingStrings = {
  callUsing: 'Call Using',
  callUsingName: (device) => `Call Using: ${device}`,
  noDevice: 'No device',
  callUsingSaved: (device) => `Outgoing calls now use ${device}.`,
  callUsingWaits: (device) =>
    `${device} for outgoing calls is waiting to be sent. It will be used when the connection is back.`,
  placeCallWith: 'Place Call With',
  callTarget: (dial, name) => (name ? `Call ${name} (${dial})` : `Call ${dial}`),
  remoteExtension: 'Remote Extension',
  call: 'Call',
  calling: 'Calling…',
  callingFrom: (dial, device) => `Calling ${dial} from ${device}.`,
  dismiss: 'Dismiss',
};

export const callUsingStrings = stringTable('callUsing', en);
