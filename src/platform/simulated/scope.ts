import type { PlatformScope } from '../client.js';

export const DEFAULT_USER = 'demo-user';
export const DEFAULT_DATABASE = 'remote-extension-simulator';

/** Which account a simulator serves; known without loading the simulator itself. */
export function simulatedScope(user = DEFAULT_USER, databaseName = DEFAULT_DATABASE): PlatformScope {
  return { platform: `simulated:${databaseName}`, user };
}
