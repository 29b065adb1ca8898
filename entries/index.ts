/**
 * The package's main entry: the element classes and their events, the model, the platform
 * interface and the Store. Importing it defines no tag; `define.ts` does that.
 * The provider comes from `provider.ts`, which hands it the named platforms.
 */
export * from '../src/index.js';
export { RemoteExtensionProvider } from './provider.js';
export { StoreController } from '../components/shared/store-controller.js';
export { StatusRemotePicker, StatusSavedEvent } from '../components/status-remote-picker/status-remote-picker.js';
export { AddNumberDialog, NumberSavedEvent } from '../components/add-number-dialog/add-number-dialog.js';
export { MyNumbers, NumberDeleteRequestEvent } from '../components/my-numbers/my-numbers.js';
export { AvailabilityMenu, ActiveStatusChangeEvent } from '../components/availability-menu/availability-menu.js';
export { CallUsingFooter, PlaceCallRequestEvent, CallPlacedEvent } from '../components/call-using-footer/call-using-footer.js';
