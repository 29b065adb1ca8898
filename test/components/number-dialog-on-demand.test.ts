/**
 * The Add/Edit Number dialog's code is loaded on demand (issue 19): My Numbers does not import its
 * module, and loads it once the page is idle after the list first shows, or as soon as a control
 * that opens it is focused or pointed at, so opening it then waits on nothing.
 *
 * This file imports no entry (`entries/index.ts` would bring the dialog's module with it) and runs
 * in a page of its own, so here the dialog's module is fetched by My Numbers' loader only. It
 * defines the tags itself, as an entry does (`entries/autoloader.ts`): the default loader, with the
 * class it gives defined. The page keeps a module once fetched, so the tests that need it not yet
 * fetched come first, and check that it is not.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import type { PropertyValues } from 'lit';
import type { NumberDialogClass, NumberDialogLoader } from '../../components/my-numbers/dialog-loader.js';
import { MyNumbers } from '../../components/my-numbers/my-numbers.js';
import { RemoteExtensionProvider } from '../../components/remote-extension-provider/remote-extension-provider.js';
import { cleanUp, heldPlatform, simulatedPlatform } from '../helpers.js';
import type { SimulatedPlatform } from '../../src/platform/simulated/index.js';
import { waitUntil } from '../wait.js';
import { byRole, hasRole } from './queries.js';

// A page keeps 250 resource entries by default, fewer than this page's modules: keep them all.
performance.setResourceTimingBufferSize(100_000);

/** The dialog's own module, as the dev server serves it (`.ts`) or a build would (`.js`). */
const DIALOG_MODULE = /\/components\/add-number-dialog\/add-number-dialog\.(?:ts|js)(?:\?|$)/u;

function resources(): PerformanceResourceTiming[] {
  return performance.getEntriesByType('resource') as PerformanceResourceTiming[];
}

function dialogRequested(): boolean {
  return resources().some((entry) => DIALOG_MODULE.test(entry.name));
}

/** My Numbers' own default: the loader that imports the dialog's module. */
const defaultLoader = MyNumbers.numberDialog as NumberDialogLoader;

/** What an entry does: My Numbers with the default loader, the class it gives defined. */
class LazyNumbers extends MyNumbers {
  static override numberDialog: NumberDialogClass | NumberDialogLoader = async () => {
    const dialog = await defaultLoader();
    if (!customElements.getName(dialog)) customElements.define('add-number-dialog', dialog);
    return dialog;
  };

  /** Whether the dialog's module had been requested when this element first rendered its list; null before. */
  requestedAtList: boolean | null = null;

  protected override updated(changed: PropertyValues<this>): void {
    if (this.requestedAtList === null && this.shadowRoot?.querySelector('ul.numbers')) this.requestedAtList = dialogRequested();
    super.updated(changed);
  }
}

customElements.define('remote-extension-provider', RemoteExtensionProvider);
customElements.define('my-numbers', LazyNumbers);

async function mount(platform: SimulatedPlatform = simulatedPlatform()): Promise<LazyNumbers> {
  const provider = await fixture<RemoteExtensionProvider>(
    html`<remote-extension-provider .client=${platform}><my-numbers></my-numbers></remote-extension-provider>`,
  );
  return provider.querySelector<LazyNumbers>('my-numbers')!;
}

function shadow(element: LazyNumbers): ShadowRoot {
  return element.shadowRoot!;
}

function listShown(element: LazyNumbers): boolean {
  return shadow(element).querySelector('ul.numbers') !== null;
}

/**
 * `requestIdleCallback` held: the callbacks asked for wait in `pending` until the test runs them,
 * so "the page is idle" comes when the test says, not when a busy machine happens to be.
 */
function holdIdle() {
  const real = { request: window.requestIdleCallback, cancel: window.cancelIdleCallback };
  const pending = new Map<number, IdleRequestCallback>();
  let next = 1;
  window.requestIdleCallback = (callback) => {
    pending.set(next, callback);
    return next++;
  };
  window.cancelIdleCallback = (handle) => {
    pending.delete(handle);
  };
  return {
    get waiting(): number {
      return pending.size;
    },
    /** Runs every callback waiting now, as the browser would once idle. */
    idle(): void {
      const callbacks = [...pending.values()];
      pending.clear();
      for (const callback of callbacks) callback({ didTimeout: false, timeRemaining: () => 50 });
    },
    restore(): void {
      window.requestIdleCallback = real.request;
      window.cancelIdleCallback = real.cancel;
    },
  };
}

describe('the Add/Edit Number dialog, loaded on demand (issue 19)', () => {
  afterEach(async () => {
    await resetMouse();
    await cleanUp();
  });

  it('is not requested with My Numbers, nor while its data loads, nor at its first render; it is asked for once the page is idle', async () => {
    expect(dialogRequested(), 'the dialog module came with the page').to.equal(false);
    const idle = holdIdle();
    const loader = LazyNumbers.numberDialog;
    let calls = 0;
    // A loader that never answers: this test sees when the load starts, and fetches nothing.
    LazyNumbers.numberDialog = () => {
      calls += 1;
      return new Promise<never>(() => {});
    };
    try {
      const platform = heldPlatform();
      platform.hold();
      const element = await mount(platform);
      await waitUntil(() => shadow(element).textContent?.includes('Loading…'), 'Loading… never showed');
      idle.idle();
      expect(calls, 'loads asked for while the data loads').to.equal(0);

      platform.release();
      await waitUntil(() => listShown(element), 'the list never showed');
      expect(element.requestedAtList, 'the dialog module requested at the first render of the list').to.equal(false);
      expect(calls, 'loads asked for at the first render of the list').to.equal(0);
      await waitUntil(() => idle.waiting > 0, 'My Numbers never asked to be told when the page is idle');
      idle.idle();
      expect(calls, 'loads asked for once idle').to.equal(1);
      expect(dialogRequested(), 'the dialog module requested').to.equal(false);
    } finally {
      LazyNumbers.numberDialog = loader;
      idle.restore();
    }
  });

  it('Opening Add Number after a second of idle makes 0 requests at the click', async () => {
    expect(dialogRequested(), 'the dialog module was requested before this test').to.equal(false);
    const element = await mount();
    await waitUntil(() => listShown(element), 'the list never showed');
    expect(element.requestedAtList, 'the dialog module requested at the first render of the list').to.equal(false);
    // The page goes idle, and the loader brings the module and every module it imports, then
    // defines the tag: only then has the load finished.
    await waitUntil(() => dialogRequested() && customElements.get('add-number-dialog'), 'the dialog was never loaded ahead');
    const before = resources().length;

    byRole(element, 'button', /More/u).click();
    await waitUntil(() => hasRole(element, 'menuitem', 'New'), 'the more menu never showed New');
    byRole(element, 'menuitem', 'New').click();
    await waitUntil(() => shadow(element).querySelector('add-number-dialog')?.shadowRoot?.querySelector('dialog')?.open, 'Add Number never opened');

    const requested = resources().slice(before).map((entry) => entry.name);
    expect(requested, 'requests made by opening Add Number').to.deep.equal([]);
  });

  it('starts the load when a control that opens the dialog is focused or pointed at, before the page is idle', async () => {
    const idle = holdIdle();
    const loader = LazyNumbers.numberDialog;
    // A loader of its own per element: the page keeps what a loader gave, and would not ask it again.
    const counting = () => {
      let calls = 0;
      const load: NumberDialogLoader = () => {
        calls += 1;
        return new Promise<never>(() => {});
      };
      return { load, calls: () => calls };
    };
    try {
      const focused = counting();
      LazyNumbers.numberDialog = focused.load;
      const first = await mount();
      await waitUntil(() => listShown(first), 'the list never showed');
      expect(focused.calls(), 'before anything is focused').to.equal(0);
      byRole(first, 'button', /More/u).focus();
      expect(focused.calls(), 'once More is focused').to.equal(1);
      fixtureCleanup();

      const pointed = counting();
      LazyNumbers.numberDialog = pointed.load;
      const second = await mount();
      await waitUntil(() => listShown(second), 'the list never showed');
      // A heading is not a control that opens the dialog.
      const heading = shadow(second).querySelector('h2')!.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(heading.left + 5), Math.round(heading.top + heading.height / 2)] });
      expect(pointed.calls(), 'with the pointer on the heading').to.equal(0);
      const edit = byRole(second, 'button', 'Edit Home').getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(edit.left + edit.width / 2), Math.round(edit.top + edit.height / 2)] });
      await waitUntil(() => pointed.calls() === 1, 'pointing at Edit Home did not start the load');
    } finally {
      LazyNumbers.numberDialog = loader;
      idle.restore();
    }
  });
});
