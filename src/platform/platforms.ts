import type { PlatformClient } from './client.js';
import { LazyClient } from './lazy-client.js';
import { simulatedScope } from './simulated/scope.js';

/** The platforms `<remote-extension-provider platform="…">` can name. */
export type PlatformName = 'simulated';

export interface PlatformChoice {
  readonly platform: PlatformName;
  readonly user?: string;
}

/** The simulated platform's module, fetched on demand (a chunk of its own in the bundle). */
export function loadSimulatedPlatform(): Promise<typeof import('./simulated/index.js')> {
  return import('./simulated/index.js');
}

/**
 * The client for a named platform. Its code is imported on first use, so the bundle keeps each
 * platform in a chunk of its own that only pages choosing it download.
 */
export function clientFor(choice: PlatformChoice): PlatformClient {
  return new LazyClient(simulatedScope(choice.user), async () => {
    const { SimulatedPlatform } = await loadSimulatedPlatform();
    return new SimulatedPlatform({ user: choice.user });
  });
}
