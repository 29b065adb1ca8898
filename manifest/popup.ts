/**
 * EXT-1: the popup. The same elements and Store as the pages, in a provider set up from the
 * options: the simulated platform ("demo") or the configured server. A change made here reaches
 * every open page through the platform's change feed (ACT-2).
 */
import { RemoteExtensionProvider } from '../entries/provider.js';
import '../entries/quick-status.js';
import { loadSettings, platformChoice } from './settings.js';

// The popup shows <quick-status> alone: the provider and it are all it defines, so it loads no
// other element's code.
if (!customElements.get('remote-extension-provider')) customElements.define('remote-extension-provider', RemoteExtensionProvider);

const { settings, token } = await loadSettings();
const choice = platformChoice(settings, token);

// The provider is made with its platform already set, so it never loads a default first.
const provider = document.createElement('remote-extension-provider');
provider.user = choice.user ?? settings.user;
if (choice.platform === 'rest') {
  provider.endpoint = choice.endpoint;
  provider.auth = choice.auth;
}
provider.platform = choice.platform;
provider.append(document.createElement('quick-status'));

document.getElementById('loading')?.remove();
document.getElementById('app')?.append(provider);
