/**
 * The script-tag bundle, `dist/remote-extension.js`: defines the tags, and exports what a page's
 * own script uses beside them: the element and event classes, `PlatformError`, and the platform
 * loaders. The model, the Store and the schemas are for bundlers, from the package's `.` and
 * `./define` entries; leaving them out of this file keeps what every page downloads smaller.
 */
import './define.js';

export {
  ActiveStatusChangeEvent,
  AddNumberDialog,
  AvailabilityMenu,
  CallPlacedEvent,
  CallUsingFooter,
  loadRestPlatform,
  loadSimulatedPlatform,
  MyNumbers,
  NumberDeleteRequestEvent,
  NumberSavedEvent,
  PlaceCallRequestEvent,
  PlatformError,
  RemoteExtensionProvider,
  StatusRemotePicker,
  StatusSavedEvent,
} from './index.js';
