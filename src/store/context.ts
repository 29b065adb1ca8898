import { createContext } from '@lit/context';
import type { Store } from './store.js';

/**
 * The context key under which `<remote-extension-provider>` hands its Store to the elements inside
 * it (SYNC-1). Undefined before the provider's first update and after a sign-out; a new platform or
 * user means a new Store, which subscribed elements receive.
 */
export const storeContext = createContext<Store | undefined>(Symbol('remote-extension-store'));
