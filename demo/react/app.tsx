/**
 * EMB-1 in a React 19 app: the elements used as plain tags, with no wrapper components. React 19
 * sets a prop on a custom element as a property when the element has one (`'client' in element`),
 * and a prop named `on` + an event type adds a listener for exactly that type, so the typed
 * `active-status-change` event is `onactive-status-change`.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
// Registers <remote-extension-provider> and the other tags before React creates any of them, so
// React sees the `client` property and does not fall back to an attribute.
import '../../entries/define.js';
import {
  findStatus,
  type ActiveStatusChangeEvent,
  type PlatformClient,
  type RemoteExtensionProvider,
} from '../../entries/index.js';
import { SimulatedPlatform } from '../../src/platform/simulated/index.js';

/** The tags' props as React 19 passes them: properties and native event listeners. */
declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- the way @types/react types tags
  namespace JSX {
    interface IntrinsicElements {
      'remote-extension-provider': {
        client?: PlatformClient;
        'onactive-status-change'?: (event: ActiveStatusChangeEvent) => void;
        // React.ReactNode, not an imported name: that would be private to this module.
        children?: React.ReactNode;
      };
      'availability-menu': { children?: never };
      'my-numbers': { children?: never };
    }
  }
}

// One platform for the page's lifetime. `?db=` lets a test give the page a database of its own.
const platform = new SimulatedPlatform({
  databaseName: new URLSearchParams(location.search).get('db') ?? undefined,
});

function App() {
  const [lastChange, setLastChange] = useState<string | null>(null);

  // The event carries the status id; its name comes from the Store the provider shares.
  const onActiveStatusChange = (event: ActiveStatusChangeEvent) => {
    const provider = event.currentTarget as RemoteExtensionProvider;
    const data = provider.store?.state.data;
    setLastChange((data && findStatus(data, event.statusId)?.name) ?? event.statusId);
  };

  return (
    <main>
      <h1>Remote Extension in a React 19 app</h1>
      <remote-extension-provider client={platform} onactive-status-change={onActiveStatusChange}>
        <availability-menu></availability-menu>
        <my-numbers></my-numbers>
      </remote-extension-provider>
      <p role="status">{lastChange ? `Last change: ${lastChange} is active` : 'No change yet'}</p>
    </main>
  );
}

const container = document.getElementById('app');
if (!container) throw new Error('react.html has no #app');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
