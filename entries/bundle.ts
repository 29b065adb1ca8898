/**
 * The script-tag bundle, `dist/remote-extension.js`: its core (Lit, the Store and the provider)
 * defines `<remote-extension-provider>` at once, and the autoloader fetches every other element's
 * chunk when its tag is first in the page. It exports what a page's own script uses beside them:
 * the events, `PlatformError`, the platform loaders and `discover` (to have the elements of a
 * template or fragment ready before it is added). A page that needs an element's class gets it
 * from `customElements.whenDefined(tag)`. The model, the Store and the classes are for bundlers,
 * from the package's `.` and `./define` entries.
 */
import { autoload } from './autoloader.js';
import { RemoteExtensionProvider } from './provider.js';

if (!customElements.get('remote-extension-provider')) {
  customElements.define('remote-extension-provider', RemoteExtensionProvider);
}
autoload();

export { discover } from './autoloader.js';
export { PlatformError, loadRestPlatform, loadSimulatedPlatform } from '../src/platform/index.js';
export { NumberSavedEvent } from '../components/add-number-dialog/number-saved-event.js';
export { ActiveStatusChangeEvent } from '../components/availability-menu/events.js';
export { CallPlacedEvent, PlaceCallRequestEvent } from '../components/call-using-footer/events.js';
export { StatusSavedEvent } from '../components/status-remote-picker/events.js';
