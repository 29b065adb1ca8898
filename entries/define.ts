/**
 * Defines the elements under their default tag names. Importing this module is all a page needs;
 * integrators who want other names define the classes from `index.ts` themselves. The provider
 * is defined first so that elements already in the page find it when they upgrade.
 */
import {
  AddNumberDialog,
  AvailabilityMenu,
  CallUsingFooter,
  MyNumbers,
  RemoteExtensionProvider,
  StatusRemotePicker,
} from './index.js';

const elements: ReadonlyArray<readonly [string, CustomElementConstructor]> = [
  ['remote-extension-provider', RemoteExtensionProvider],
  ['status-remote-picker', StatusRemotePicker],
  ['add-number-dialog', AddNumberDialog],
  ['my-numbers', MyNumbers],
  ['availability-menu', AvailabilityMenu],
  ['call-using-footer', CallUsingFooter],
];

export * from './index.js';

for (const [name, element] of elements) {
  // A page may load the bundle twice (two widgets, two scripts): the first definition stays.
  if (!customElements.get(name)) customElements.define(name, element);
}
