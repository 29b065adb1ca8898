/**
 * Defines `<quick-status>`, the browser extension popup's element, under its default tag name.
 * It is left out of `define.ts` and the script-tag bundle: pages do not use it, so they do not
 * download it.
 */
import { QuickStatus } from '../components/quick-status/quick-status.js';

export { QuickStatus };

if (!customElements.get('quick-status')) customElements.define('quick-status', QuickStatus);
