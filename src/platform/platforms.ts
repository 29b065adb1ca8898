import type { PlatformChoice, PlatformClient, PlatformScope } from './client.js';
import { PlatformError } from './errors.js';
import { LazyClient } from './lazy-client.js';
import { simulatedScope } from './simulated/scope.js';

/** The simulated platform's module, fetched on demand (a chunk of its own in the bundle). */
export function loadSimulatedPlatform(): Promise<typeof import('./simulated/index.js')> {
  return import('./simulated/index.js');
}

/** The REST client's module, fetched on demand (a chunk of its own in the bundle). */
export function loadRestPlatform(): Promise<typeof import('./rest/index.js')> {
  return import('./rest/index.js');
}

/** Whose data a named platform's client serves: the cache's and the outbox's key. */
export function scopeFor(choice: PlatformChoice): PlatformScope {
  return choice.platform === 'rest'
    ? { platform: `rest:${restEndpoint(choice.endpoint)}`, user: choice.user }
    : simulatedScope(choice.user);
}

const restEndpoint = (endpoint: string) => endpoint.replace(/\/+$/u, '');

/**
 * The client for a named platform. Its code is imported on first use, so the bundle keeps each
 * platform in a chunk of its own that only pages choosing it download.
 */
export function clientFor(choice: PlatformChoice): PlatformClient {
  if (choice.platform === 'rest') {
    const endpoint = restEndpoint(choice.endpoint);
    return new LazyClient(scopeFor(choice), async () => {
      // Said when the Store first loads, where the integrator sees it, rather than thrown here.
      if (!endpoint) throw new PlatformError('invalid-input', 'platform="rest" needs an endpoint: the API’s base URL.');
      const { RestPlatformClient } = await loadRestPlatform();
      return new RestPlatformClient({ ...choice, endpoint });
    });
  }
  return new LazyClient(scopeFor(choice), async () => {
    const { SimulatedPlatform } = await loadSimulatedPlatform();
    return new SimulatedPlatform({ user: choice.user });
  });
}
