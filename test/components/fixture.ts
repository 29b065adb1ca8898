/**
 * Renders elements inside a `<remote-extension-provider>` whose client is a simulated platform on
 * a database of its own, and waits until the platform's data has arrived.
 */
import { fixture, html } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import type { TemplateResult } from 'lit';
import '../../entries/define.js';
import type { RemoteExtensionProvider } from '../../entries/index.js';
import type { SimulatedPlatform, SimulatedPlatformOptions } from '../../src/platform/simulated/index.js';
import type { Store } from '../../src/store/index.js';
import { simulatedPlatform } from '../helpers.js';

export interface Mounted<T extends Element> {
  readonly provider: RemoteExtensionProvider;
  readonly platform: SimulatedPlatform;
  readonly store: Store;
  /** The first element of `template`. */
  readonly element: T;
}

export async function inProvider<T extends Element>(
  template: TemplateResult,
  options: SimulatedPlatformOptions | { platform: SimulatedPlatform } = {},
): Promise<Mounted<T>> {
  const platform = 'platform' in options ? options.platform : simulatedPlatform(options);
  const provider = await fixture<RemoteExtensionProvider>(
    html`<remote-extension-provider .client=${platform}>${template}</remote-extension-provider>`,
  );
  const store = provider.store;
  if (!store) throw new Error('The provider made no Store.');
  await waitUntil(() => store.state.source === 'platform' || store.state.phase === 'error', 'the platform never answered');
  const element = provider.firstElementChild as T;
  if ('updateComplete' in element) await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return { provider, platform, store, element };
}
