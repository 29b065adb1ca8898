/**
 * EMB-1: the real React 19 and Vue 3 demo pages (demo/react.html and demo/vue.html, built by
 * rollup.frameworks.mjs) in an iframe, driven the way a person would use them, through roles and
 * names in the pages' shadow roots. Each page's platform gets a database of its own through
 * `?db=`, so that what it stored can be read back here with a second simulator on that database.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import type { RemoteExtensionProvider } from '../../entries/index.js';
import { SimulatedPlatform } from '../../src/platform/simulated/index.js';
import { SnapshotCache } from '../../src/store/index.js';
import { byRole, hasRole } from '../components/queries.js';
import { cleanUp, uniqueDatabase } from '../helpers.js';

const pages = [
  { framework: 'React 19', path: '/demo/react.html' },
  { framework: 'Vue 3', path: '/demo/vue.html' },
];

/** Where a page's simulator keeps its account, and the key of the Store's cached snapshot. */
const scopeOf = (database: string) => ({ platform: `simulated:${database}`, user: 'demo-user' });

for (const { framework, path } of pages) {
  describe(`EMB-1 in a ${framework} page`, () => {
    let frame: HTMLIFrameElement | null = null;
    let database = '';

    /** Loads `src` in an iframe and resolves with its document once it has loaded. */
    async function openPage(src: string): Promise<Document> {
      frame = document.createElement('iframe');
      frame.title = `${framework} page`;
      const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
      frame.src = src;
      document.body.append(frame);
      await loaded;
      return frame.contentDocument!;
    }

    afterEach(async () => {
      // The page goes first, so that its IndexedDB connections close before the databases go.
      frame?.remove();
      frame = null;
      await new SnapshotCache().remove(scopeOf(database));
      await cleanUp();
    });

    it(`EMB-1 ${framework}: sets client as a property and hears active-status-change`, async () => {
      database = uniqueDatabase(`${framework.split(' ')[0]!.toLowerCase()}-page`);
      const page = await openPage(`${path}?db=${encodeURIComponent(database)}`);
      const body = page.body;

      // The page's own platform answered: the provider got `client` as a property (an attribute
      // would have been the string "[object Object]", and the provider its default database).
      await waitUntil(() => hasRole(body, 'button', 'Availability: Available'), 'the page never showed Availability');
      const provider = page.querySelector<RemoteExtensionProvider>('remote-extension-provider')!;
      expect(provider.hasAttribute('client')).to.equal(false);
      expect(provider.client?.scope).to.deep.equal(scopeOf(database));
      expect(provider.store?.client === provider.client, 'the Store uses that client').to.equal(true);
      expect(byRole(body, 'heading', new RegExp(framework, 'u'))).to.exist;
      const statusLine = page.querySelector('p[role="status"]')!;
      expect(statusLine.textContent).to.equal('No change yet');

      // Availability > Do Not Disturb.
      byRole(body, 'button', 'Availability: Available').click();
      await waitUntil(() => hasRole(body, 'menuitemradio', 'Do Not Disturb'), 'the menu never opened');
      byRole(body, 'menuitemradio', 'Do Not Disturb').click();

      // (a) The typed event reached the framework, whose state renders the line.
      await waitUntil(
        () => statusLine.textContent === 'Last change: Do Not Disturb is active',
        `the ${framework} status line still says "${statusLine.textContent ?? ''}"`,
      );
      expect(hasRole(body, 'button', 'Availability: Do Not Disturb')).to.equal(true);

      // (b) The platform holds it: a second simulator on the same database reads it back.
      const snapshot = await new SimulatedPlatform({ databaseName: database }).load();
      expect(snapshot.activeStatusId).to.equal('do-not-disturb');
    });
  });
}
