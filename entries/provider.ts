/**
 * The provider, handed the named platforms. This folder is where the layers meet: the elements
 * never import a platform, so the provider gets `src/platform`'s directory here, once, for both the
 * package's entries and the script-tag bundle.
 */
import { RemoteExtensionProvider } from '../components/remote-extension-provider/remote-extension-provider.js';
import { clientFor, scopeFor } from '../src/platform/index.js';

RemoteExtensionProvider.platforms = { clientFor, scopeFor };

export { RemoteExtensionProvider };
