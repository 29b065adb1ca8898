/** The platform interface, its errors, and the simulated MX-One platform. */
export * from './client.js';
export * from './errors.js';
export { SimulatedPlatform, type SimulatedPlatformOptions } from './simulated/simulated-platform.js';
export { sampleSnapshot, type SampleProfile } from './simulated/sample-data.js';
