/**
 * EMB-1 in a Vue 3 app: the elements used as plain tags. The app is written with render functions
 * (`h()`), so Vue's runtime-only build suffices: no template compiler, hence no `new Function`,
 * and no `compilerOptions.isCustomElement` either (that option is for templates; `h()` with a tag
 * name always makes a plain element).
 */
import { createApp, defineComponent, h, ref } from 'vue';
// Registers <remote-extension-provider> and the other tags before Vue creates any of them.
import '../../entries/define.js';
import { findStatus, type ActiveStatusChangeEvent, type RemoteExtensionProvider } from '../../entries/index.js';
import { SimulatedPlatform } from '../../src/platform/simulated/index.js';

// One platform for the page's lifetime. `?db=` lets a test give the page a database of its own.
const platform = new SimulatedPlatform({
  databaseName: new URLSearchParams(location.search).get('db') ?? undefined,
});

const App = defineComponent(() => {
  const lastChange = ref<string | null>(null);

  // The event carries the status id; its name comes from the Store the provider shares.
  const onActiveStatusChange = (event: ActiveStatusChangeEvent) => {
    const provider = event.currentTarget as RemoteExtensionProvider;
    const data = provider.store?.state.data;
    lastChange.value = (data && findStatus(data, event.statusId)?.name) ?? event.statusId;
  };

  return () =>
    h('main', [
      h('h1', 'Remote Extension in a Vue 3 app'),
      h(
        'remote-extension-provider',
        {
          // The leading `.` makes Vue set a DOM property, never an attribute, even if the tag
          // were not defined yet (Vue would otherwise decide with `'client' in element`).
          '.client': platform,
          // `onXxx` listens for the hyphenated name: `onActiveStatusChange` -> 'active-status-change'.
          onActiveStatusChange,
        },
        [h('availability-menu'), h('my-numbers')],
      ),
      h('p', { role: 'status' }, lastChange.value ? `Last change: ${lastChange.value} is active` : 'No change yet'),
    ]);
});

createApp(App).mount('#app');
