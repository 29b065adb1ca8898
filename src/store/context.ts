import { createContext } from '@lit/context';
import type { Store } from './store.js';

/**
 * The context key under which `<remote-extension-provider>` hands its Store to the elements inside
 * it (SYNC-1). The Store object never changes identity; elements subscribe to it for new states.
 */
export const storeContext = createContext<Store>(Symbol('remote-extension-store'));
