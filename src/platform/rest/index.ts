/** The REST platform client: an entry of its own, so the bundle loads it only when chosen. */
export { RestPlatformClient, type RestPlatformClientOptions } from './rest-client.js';
export type { RestAuth } from '../client.js';
