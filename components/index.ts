/** The element classes, without defining any tag: see `define.ts` for that. */
export { RemoteExtensionProvider } from './remote-extension-provider/remote-extension-provider.js';
export { StoreController } from './shared/store-controller.js';
