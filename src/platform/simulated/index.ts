/**
 * The simulated MX-One platform: an entry of its own, so that pages which use another platform
 * never load it (the bundle makes it a chunk; see `loadSimulatedPlatform`).
 */
export { SimulatedPlatform, type SimulatedPlatformOptions } from './simulated-platform.js';
export { sampleSnapshot, type SampleProfile } from '../sample-data.js';
