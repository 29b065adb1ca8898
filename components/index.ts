/**
 * The package's main entry: the element classes and their events, the model, the platform
 * interface and the Store. Importing it defines no tag; `define.ts` does that.
 */
export * from '../src/index.js';
export { RemoteExtensionProvider } from './remote-extension-provider/remote-extension-provider.js';
export { StoreController } from './shared/store-controller.js';
export { StatusRemotePicker, StatusSavedEvent } from './status-remote-picker/status-remote-picker.js';
export { AddNumberDialog, NumberSavedEvent } from './add-number-dialog/add-number-dialog.js';
export { MyNumbers, NumberDeleteRequestEvent } from './my-numbers/my-numbers.js';
export { AvailabilityMenu, ActiveStatusChangeEvent } from './availability-menu/availability-menu.js';
export { CallUsingFooter, PlaceCallRequestEvent, CallPlacedEvent } from './call-using-footer/call-using-footer.js';
