import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../entries/define.js';
import { AddNumberDialog, MyNumbers, NumberDeleteRequestEvent, type RemoteExtensionProvider } from '../../entries/index.js';
import type { NumberDialogClass, NumberDialogLoader } from '../../components/my-numbers/dialog-loader.js';
import { newId } from '../../src/model/index.js';
import { SimulatedPlatform } from '../../src/platform/simulated/index.js';
import { Outbox } from '../../src/store/index.js';
import { afterAnImageOfXFails, cleanUp, heldPlatform, simulatedPlatform, uniqueDatabase } from '../helpers.js';
import { inProvider } from './fixture.js';

/** A platform that does not let this user change My Numbers. */
class ReadOnlyPlatform extends SimulatedPlatform {
  override async load(...args: Parameters<SimulatedPlatform['load']>) {
    const snapshot = await super.load(...args);
    const permissions = { ...snapshot.platform.permissions, manageNumbers: false };
    return { ...snapshot, platform: { ...snapshot.platform, permissions } };
  }
}

// ---- What a person sees, by role and accessible name ----------------------------------------

function root(el: MyNumbers): ShadowRoot {
  if (!el.shadowRoot) throw new Error('<my-numbers> has no shadow root');
  return el.shadowRoot;
}

function text(node: Element | ShadowRoot | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/gu, ' ').trim();
}

/** The accessible name of a button: its aria-label, else its text. */
function nameOf(button: Element): string {
  return button.getAttribute('aria-label') ?? text(button);
}

function buttons(scope: Element | ShadowRoot): HTMLButtonElement[] {
  return [...scope.querySelectorAll<HTMLButtonElement>('button')];
}

function button(scope: Element | ShadowRoot, name: string): HTMLButtonElement | undefined {
  return buttons(scope).find((b) => nameOf(b) === name);
}

function theButton(scope: Element | ShadowRoot, name: string): HTMLButtonElement {
  const found = button(scope, name);
  if (!found) throw new Error(`No button named "${name}"; there are: ${buttons(scope).map(nameOf).join(', ')}`);
  return found;
}

function list(el: MyNumbers): HTMLElement | null {
  return root(el).querySelector('[role="list"]');
}

function rows(el: MyNumbers): HTMLElement[] {
  return [...(list(el)?.children ?? [])] as HTMLElement[];
}

function row(el: MyNumbers, label: string): HTMLElement | undefined {
  return rows(el).find((r) => text(r.querySelector('[part="label"]')) === label);
}

function theRow(el: MyNumbers, label: string): HTMLElement {
  const found = row(el, label);
  if (!found) throw new Error(`No row labelled "${label}"`);
  return found;
}

function markers(r: HTMLElement): string[] {
  return [...r.querySelectorAll('[part="markers"] li')].map((m) => text(m));
}

function moreButton(el: MyNumbers): HTMLButtonElement {
  const found = buttons(root(el)).find((b) => nameOf(b).includes('More'));
  if (!found) throw new Error('No More button');
  return found;
}

function menu(el: MyNumbers): HTMLElement {
  return root(el).querySelector<HTMLElement>('[role="menu"]')!;
}

function menuItems(el: MyNumbers): HTMLElement[] {
  return [...menu(el).querySelectorAll<HTMLElement>('[role="menuitem"]')];
}

/** The delete confirmation; my-numbers has one only while it asks. */
function confirmDialog(el: MyNumbers): HTMLDialogElement | null {
  return root(el).querySelector<HTMLDialogElement>('dialog[role="alertdialog"]');
}

function liveRegion(el: MyNumbers): HTMLElement {
  return root(el).querySelector<HTMLElement>('[role="status"]')!;
}

function focused(el: MyNumbers): Element | null {
  return root(el).activeElement;
}

/** The focused element, through every shadow root. */
function deepFocus(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

interface NumberDialogLike extends HTMLElement {
  open: boolean;
}

/** The Add/Edit Number dialog, once asked for (my-numbers makes it then). */
function numberDialog(el: MyNumbers): NumberDialogLike | null {
  return root(el).querySelector<NumberDialogLike>('add-number-dialog');
}

/** The text of what `aria-describedby` of `control` points at. */
function description(el: MyNumbers, control: Element): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(/\s+/u)
    .filter(Boolean)
    .map((id) => text(root(el).getElementById(id)))
    .join(' ');
}

/** A loader whose module is not there: a real fetch that fails (404). */
function missingDialog(): NumberDialogLoader {
  const url = '/not-there.js';
  return () => import(/* @vite-ignore */ url) as Promise<NumberDialogClass>;
}

/** Opens the ⋮ menu and chooses New. */
async function chooseNew(el: MyNumbers): Promise<void> {
  const more = moreButton(el);
  more.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => focused(el) === menuItems(el)[0], 'Enter did not focus New');
  await sendKeys({ press: 'Enter' });
}

async function settle(el: MyNumbers): Promise<void> {
  await el.updateComplete;
}

async function mount(options: Parameters<typeof inProvider>[1] = {}) {
  const mounted = await inProvider<MyNumbers>(html`<my-numbers></my-numbers>`, options);
  await waitUntil(() => list(mounted.element) !== null || mounted.store.state.phase === 'error', 'the list never showed');
  return mounted;
}

/** Clicks Delete on a row and waits for the confirmation dialog. */
async function askToDelete(el: MyNumbers, label: string): Promise<HTMLDialogElement> {
  theButton(root(el), `Delete ${label}`).click();
  await waitUntil(() => confirmDialog(el)?.open, 'the confirmation never opened');
  return confirmDialog(el)!;
}

describe('<my-numbers>', () => {
  afterEach(cleanUp);

  describe('the list', () => {
    it('NUM-1 lists all three sample numbers with labels, dials and markers', async () => {
      const { element } = await mount();
      expect(text(root(element).querySelector('h2'))).to.equal('My Numbers');
      expect(rows(element).map((r) => text(r.querySelector('[part="label"]')))).to.deep.equal([
        'Remote Extension Work mobile',
        'Mobile',
        'Home',
      ]);
      expect(rows(element).map((r) => text(r.querySelector('[part="dial"]')))).to.deep.equal([
        '0701234567',
        '0739876543',
        '087654321',
      ]);
      expect(markers(theRow(element, 'Remote Extension Work mobile'))).to.deep.equal([
        'Remote Extension',
        'Set by administrator',
        'FMC',
      ]);
      expect(markers(theRow(element, 'Mobile'))).to.deep.equal([]);
      expect(markers(theRow(element, 'Home'))).to.deep.equal([]);
    });

    it('NUM-1 marks the active remote extension once its status is active', async () => {
      const { element, store } = await mount();
      expect(markers(theRow(element, 'Remote Extension Work mobile'))).not.to.include('Active remote extension');
      await store.setActiveStatus('work-from-home');
      await settle(element);
      expect(markers(theRow(element, 'Remote Extension Work mobile'))).to.deep.equal([
        'Remote Extension',
        'Set by administrator',
        'Active remote extension',
        'FMC',
      ]);
    });

    it('NUM-1 shows the FMC and Call Through markers as text a screen reader reads', async () => {
      const { element, store } = await mount();
      await store.updateNumber('work-mobile', { callThrough: true });
      await settle(element);
      const work = theRow(element, 'Remote Extension Work mobile');
      expect(markers(work)).to.include.members(['FMC', 'Call Through']);
      const badges = work.querySelector('[part="markers"]')!;
      expect(badges.closest('[aria-hidden="true"]') === null, 'not aria-hidden').to.equal(true);
      expect(getComputedStyle(badges).display).not.to.equal('none');
    });

    it('NUM-4 shows an admin-provisioned label as the platform gives it, starting with "Remote Extension"', async () => {
      const { element, platform } = await mount();
      const prefix = (await platform.load()).platform.adminLabelPrefix;
      expect(prefix).to.equal('Remote Extension');
      const admin = rows(element).filter((r) => markers(r).includes('Set by administrator'));
      expect(admin).to.have.length(1);
      expect(text(admin[0]!.querySelector('[part="label"]')).startsWith(prefix)).to.equal(true);
      await platform.admin.provisionRemoteExtension('car-phone', 'Car phone', '0705556677');
      await waitUntil(() => row(element, 'Remote Extension Car phone'), 'the new admin number never arrived');
      expect(markers(theRow(element, 'Remote Extension Car phone'))).to.include('Set by administrator');
    });

    it('NUM-3 offers Edit for every number and Delete only for mobile and home', async () => {
      const { element } = await mount();
      const names = buttons(root(element)).map(nameOf);
      for (const label of ['Remote Extension Work mobile', 'Mobile', 'Home']) expect(names).to.include(`Edit ${label}`);
      expect(names.filter((n) => n.startsWith('Delete '))).to.deep.equal(['Delete Mobile', 'Delete Home']);
      expect(button(theRow(element, 'Remote Extension Work mobile'), 'Delete Remote Extension Work mobile') === undefined).to.equal(true);
    });

    it('NUM-3 Edit opens Edit Number for that number', async () => {
      const { element } = await mount();
      expect(customElements.get('add-number-dialog'), '<add-number-dialog> is defined').to.not.equal(undefined);
      const edit = theButton(root(element), 'Edit Home');
      edit.focus();
      expect(numberDialog(element), 'no dialog before it is asked for').to.equal(null);
      edit.click();
      await waitUntil(() => numberDialog(element)?.open, 'Edit Number never opened');
      const dialog = numberDialog(element)!;
      expect(text(dialog.shadowRoot?.querySelector('h2, [part="heading"]'))).to.equal('Edit Number');
      const labelInput = dialog.shadowRoot?.querySelector<HTMLInputElement>('input#label');
      expect(labelInput?.value).to.equal('Home');
      // The dialog is made on this first use; closing it still gives focus back to Edit.
      await waitUntil(() => deepFocus() === labelInput, 'focus never reached Label');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'Escape did not close Edit Number');
      await waitUntil(() => focused(element) === edit, 'focus did not return to Edit Home');
    });

    it('is accessible with the list shown', async () => {
      const { element } = await mount();
      await expect(element).to.be.accessible();
    });
  });

  describe('the more menu', () => {
    it('NUM-2 has a More button that opens a menu holding New', async () => {
      const { element } = await mount();
      const more = moreButton(element);
      expect(nameOf(more)).to.contain('More');
      expect(more.getAttribute('aria-haspopup')).to.equal('menu');
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      expect(menu(element).hidden).to.equal(true);
      more.click();
      await settle(element);
      expect(more.getAttribute('aria-expanded')).to.equal('true');
      expect(menu(element).hidden).to.equal(false);
      expect(menuItems(element).map((i) => text(i))).to.deep.equal(['New']);
      await waitUntil(() => focused(element) === menuItems(element)[0], 'focus never moved to New');
    });

    it('NUM-2 works from the keyboard: Enter opens, arrows move, Escape returns focus to the button', async () => {
      const { element } = await mount();
      const more = moreButton(element);
      more.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(element) === menuItems(element)[0], 'Enter did not focus New');
      expect(more.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: 'ArrowDown' });
      expect(focused(element) === menuItems(element)[0], 'focus').to.equal(true);
      await sendKeys({ press: 'End' });
      expect(focused(element) === menuItems(element).at(-1), 'focus').to.equal(true);
      await sendKeys({ press: 'Home' });
      expect(focused(element) === menuItems(element)[0], 'focus').to.equal(true);
      await sendKeys({ press: 'Escape' });
      await settle(element);
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      expect(menu(element).hidden).to.equal(true);
      expect(focused(element) === more, 'focus').to.equal(true);
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => focused(element) === menuItems(element)[0], 'ArrowDown on the button did not open the menu');
    });

    it('NUM-2 closes when a click lands outside it', async () => {
      const { element } = await mount();
      moreButton(element).click();
      await settle(element);
      expect(menu(element).hidden).to.equal(false);
      root(element).querySelector('h2')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      await settle(element);
      expect(menu(element).hidden).to.equal(true);
      expect(moreButton(element).getAttribute('aria-expanded')).to.equal('false');
    });

    it('NUM-2 New opens the Add Number dialog', async () => {
      const { element } = await mount();
      expect(customElements.get('add-number-dialog'), '<add-number-dialog> is defined').to.not.equal(undefined);
      const more = moreButton(element);
      more.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(element) === menuItems(element)[0]);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => numberDialog(element)?.open, 'Add Number never opened');
      const dialog = numberDialog(element)!;
      expect(text(dialog.shadowRoot?.querySelector('h2, [part="heading"]'))).to.equal('Add Number');
      expect(menu(element).hidden).to.equal(true);
    });

    it('NUM-2 disables New with the reason when the platform does not let the user change numbers', async () => {
      const { element } = await mount({ platform: new ReadOnlyPlatform({ databaseName: uniqueDatabase('platform') }) });
      moreButton(element).click();
      await settle(element);
      const item = menuItems(element)[0]!;
      expect(item.getAttribute('aria-disabled')).to.equal('true');
      const reason = root(element).getElementById(item.getAttribute('aria-describedby') ?? '');
      expect(text(reason)).to.contain('administrator');
      item.click();
      await settle(element);
      expect(numberDialog(element), 'no dialog was made').to.equal(null);
      expect(theButton(root(element), 'Delete Home').getAttribute('aria-disabled')).to.equal('true');
      theButton(root(element), 'Delete Home').click();
      await settle(element);
      expect(confirmDialog(element), 'no confirmation was asked').to.equal(null);
    });

    it('is accessible with the menu open', async () => {
      const { element } = await mount();
      moreButton(element).click();
      await settle(element);
      await expect(element).to.be.accessible();
    });
  });

  describe("the Add/Edit Number dialog's code, loaded when needed (issue 19)", () => {
    const working = MyNumbers.numberDialog;
    afterEach(() => {
      MyNumbers.numberDialog = working;
    });

    const addFailed = 'Add Number could not be loaded. Check the connection and try again.';
    const editFailed = 'Edit Number could not be loaded. Check the connection and try again.';

    it('NUM-2 says beside More that Add Number could not be loaded; Try again loads it and opens it', async () => {
      const { element } = await mount();
      let calls = 0;
      const missing = missingDialog();
      MyNumbers.numberDialog = () => {
        calls += 1;
        return missing();
      };
      await chooseNew(element);
      await waitUntil(() => text(liveRegion(element)) === addFailed, 'the failure was not announced');
      expect(numberDialog(element), 'no dialog was made').to.equal(null);
      const more = moreButton(element);
      expect(focused(element) === more, 'focus on More').to.equal(true);
      expect(description(element, more)).to.equal(addFailed);
      const retry = theButton(root(element), 'Try again');
      expect(description(element, retry)).to.equal(addFailed);
      await expect(element).to.be.accessible();

      // A failed load is not kept: Try again asks again, and says so again when it fails again.
      const asked = calls;
      retry.click();
      await waitUntil(() => text(liveRegion(element)) === addFailed && button(root(element), 'Try again'), 'the second failure was not said');
      expect(calls, 'loads asked for').to.be.greaterThan(asked);
      expect(numberDialog(element), 'no dialog was made').to.equal(null);

      MyNumbers.numberDialog = working;
      theButton(root(element), 'Try again').click();
      await waitUntil(() => numberDialog(element)?.open, 'Add Number never opened');
      expect(text(numberDialog(element)!.shadowRoot?.querySelector('h2, [part="heading"]'))).to.equal('Add Number');
      expect(button(root(element), 'Try again') === undefined, 'Try again gone').to.equal(true);
      expect(more.hasAttribute('aria-describedby'), 'More no longer described by the failure').to.equal(false);
      // The dialog gives focus back to More, the control that was used.
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !numberDialog(element)!.open, 'Escape did not close Add Number');
      await waitUntil(() => focused(element) === more, 'focus did not return to More');
    });

    it("NUM-3 says in the row that Edit Number could not be loaded; that row's Try again opens it for that number", async () => {
      const { element } = await mount();
      MyNumbers.numberDialog = missingDialog();
      const edit = theButton(root(element), 'Edit Home');
      edit.focus();
      edit.click();
      await waitUntil(() => text(liveRegion(element)) === editFailed, 'the failure was not announced');
      const home = theRow(element, 'Home');
      expect(text(home)).to.contain(editFailed);
      expect(description(element, edit)).to.equal(editFailed);
      expect(text(theRow(element, 'Mobile'))).not.to.contain(editFailed);
      expect(focused(element) === edit, 'focus stays on Edit Home').to.equal(true);
      await expect(element).to.be.accessible();

      MyNumbers.numberDialog = working;
      theButton(home, 'Try again').click();
      await waitUntil(() => numberDialog(element)?.open, 'Edit Number never opened');
      const dialog = numberDialog(element)!;
      expect(dialog.shadowRoot?.querySelector<HTMLInputElement>('input#label')?.value).to.equal('Home');
      expect(text(theRow(element, 'Home'))).not.to.contain(editFailed);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'Escape did not close Edit Number');
      await waitUntil(() => focused(element) === theButton(root(element), 'Edit Home'), 'focus did not return to Edit Home');
    });

    /** A loader of the dialog whose code comes only when `arrive` is called. */
    function slowDialog(): { loader: () => Promise<typeof AddNumberDialog>; arrive: () => void } {
      let arrive!: () => void;
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      return {
        loader: async () => {
          await arrived;
          return AddNumberDialog;
        },
        arrive,
      };
    }

    it('NUM-2 says beside More that Add Number is on its way while its code is slow to come, then opens it', async () => {
      const { element } = await mount();
      const slow = slowDialog();
      MyNumbers.numberDialog = slow.loader;
      await chooseNew(element);
      const opening = 'Opening Add Number…';
      await waitUntil(() => text(liveRegion(element)) === opening, 'the wait was not announced');
      const more = moreButton(element);
      expect(description(element, more)).to.equal(opening);
      expect(text(root(element).querySelector('.dialog-note'))).to.equal(opening);
      expect(numberDialog(element), 'no dialog yet').to.equal(null);
      await expect(element).to.be.accessible();

      slow.arrive();
      await waitUntil(() => numberDialog(element)?.open, 'Add Number never opened');
      expect(root(element).querySelector('.dialog-note'), 'the note is gone').to.equal(null);
      expect(more.hasAttribute('aria-describedby'), 'More no longer described by the note').to.equal(false);
    });

    it('NUM-3 says in the row that Edit Number is on its way while its code is slow to come, then opens it for that number', async () => {
      const { element } = await mount();
      const slow = slowDialog();
      MyNumbers.numberDialog = slow.loader;
      const edit = theButton(root(element), 'Edit Home');
      edit.focus();
      edit.click();
      const opening = 'Opening Edit Number…';
      await waitUntil(() => text(liveRegion(element)) === opening, 'the wait was not announced');
      expect(text(theRow(element, 'Home'))).to.contain(opening);
      expect(description(element, edit)).to.equal(opening);
      expect(text(theRow(element, 'Mobile'))).not.to.contain(opening);

      slow.arrive();
      await waitUntil(() => numberDialog(element)?.open, 'Edit Number never opened');
      expect(numberDialog(element)!.shadowRoot?.querySelector<HTMLInputElement>('input#label')?.value).to.equal('Home');
      expect(text(theRow(element, 'Home'))).not.to.contain(opening);
    });

    it('NUM-2 NUM-3 reuses the dialog it made: a later open loads nothing', async () => {
      const { element } = await mount();
      await chooseNew(element);
      await waitUntil(() => numberDialog(element)?.open, 'Add Number never opened');
      const made = numberDialog(element)!;
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !made.open, 'Escape did not close Add Number');
      let calls = 0;
      MyNumbers.numberDialog = () => {
        calls += 1;
        return missingDialog()();
      };
      theButton(root(element), 'Edit Mobile').click();
      await waitUntil(() => made.open, 'Edit Number never opened');
      expect(numberDialog(element)).to.equal(made);
      expect(root(element).querySelectorAll('add-number-dialog')).to.have.length(1);
      expect(calls, 'loads asked for').to.equal(0);
    });

    // The page's code is at fault, not the network: the console says what to do.
    it('names what to do when the class it is given was never defined', async () => {
      const { element } = await mount();
      class NeverDefined extends AddNumberDialog {}
      MyNumbers.numberDialog = async () => NeverDefined;
      const reasons: unknown[] = [];
      const consoleError = console.error;
      console.error = (...args: unknown[]) => reasons.push(...args);
      try {
        theButton(root(element), 'Edit Home').click();
        await waitUntil(() => reasons.length > 0, 'no error was reported');
      } finally {
        console.error = consoleError;
      }
      expect(String(reasons[0])).to.contain('is not defined as a custom element');
      expect(String(reasons[0])).to.contain("customElements.define('add-number-dialog', AddNumberDialog)");
      expect(text(theRow(element, 'Home'))).to.contain(editFailed);
    });
  });

  describe('deleting', () => {
    it('NUM-5 asks for confirmation before deleting Home, and Cancel keeps it', async () => {
      const { element, platform } = await mount();
      const dialog = await askToDelete(element, 'Home');
      expect(text(dialog.querySelector('h3'))).to.equal('Delete Home?');
      expect(buttons(dialog).map(nameOf)).to.deep.equal(['Delete', 'Cancel']);
      await waitUntil(() => focused(element) === theButton(dialog, 'Cancel'), 'focus did not go to Cancel');
      theButton(dialog, 'Cancel').click();
      await waitUntil(() => !dialog.open, 'Cancel did not close the confirmation');
      await settle(element);
      expect(row(element, 'Home') !== undefined, 'row Home shown').to.equal(true);
      expect((await platform.load()).numbers.map((n) => n.id)).to.include('home');
      await waitUntil(() => focused(element) === button(root(element), 'Delete Home'), 'focus did not return to Delete');
    });

    it('NUM-5 Escape cancels the confirmation', async () => {
      const { element, platform } = await mount();
      const dialog = await askToDelete(element, 'Home');
      await waitUntil(() => focused(element) === theButton(dialog, 'Cancel'));
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'Escape did not close the confirmation');
      await settle(element);
      expect(row(element, 'Home') !== undefined, 'row Home shown').to.equal(true);
      expect((await platform.load()).numbers.map((n) => n.id)).to.include('home');
      await waitUntil(() => focused(element) === button(root(element), 'Delete Home'), 'focus did not return to Delete');
    });

    it('NUM-5 confirming removes Home from the list and from the platform', async () => {
      const { element, platform } = await mount();
      const dialog = await askToDelete(element, 'Home');
      theButton(dialog, 'Delete').click();
      await waitUntil(() => row(element, 'Home') === undefined, 'Home stayed in the list');
      expect(dialog.open).to.equal(false);
      await waitUntil(() => text(liveRegion(element)) === 'Home deleted.', 'the deletion was not announced');
      expect((await platform.load()).numbers.map((n) => n.id)).to.deep.equal(['work-mobile', 'mobile']);
      expect(focused(element) === list(element), 'focus').to.equal(true);
    });

    it('NUM-5 refuses to delete a number a status uses, naming the status, without asking', async () => {
      const { element, store, platform } = await mount();
      await store.updateStatus({ id: 'in-a-meeting', remoteExtensionId: null, callUsing: 'softphone', sendCallsTo: 'home' });
      await settle(element);
      theButton(root(element), 'Delete Home').click();
      await settle(element);
      expect(confirmDialog(element), 'no confirmation was asked').to.equal(null);
      const home = theRow(element, 'Home');
      expect(text(home)).to.contain('In a Meeting');
      expect(text(home)).to.contain('This number is used by the status In a Meeting.');
      expect(text(liveRegion(element))).to.contain('In a Meeting');
      expect((await platform.load()).numbers.map((n) => n.id)).to.include('home');
      await expect(element).to.be.accessible();
    });

    it('NUM-5 fires a cancelable number-delete-request first; cancelling it keeps the number', async () => {
      const { element, platform } = await mount();
      const dialog = await askToDelete(element, 'Mobile');
      const requested = oneEvent(document, 'number-delete-request');
      const veto = (event: NumberDeleteRequestEvent) => event.preventDefault();
      document.addEventListener('number-delete-request', veto);
      try {
        theButton(dialog, 'Delete').click();
        const event = (await requested) as unknown as NumberDeleteRequestEvent;
        expect(event).to.be.instanceOf(NumberDeleteRequestEvent);
        expect(event.numberId).to.equal('mobile');
        expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
      } finally {
        document.removeEventListener('number-delete-request', veto);
      }
      await settle(element);
      await waitUntil(() => text(liveRegion(element)) === 'Mobile was kept.', 'the veto was not announced');
      expect(row(element, 'Mobile') !== undefined, 'row Mobile shown').to.equal(true);
      expect((await platform.load()).numbers.map((n) => n.id)).to.include('mobile');
    });

    it('SYNC-3 NUM-5 shows a refused delete at once, then brings the row back with the reason', async () => {
      const databaseName = uniqueDatabase('platform');
      const platform = heldPlatform({ databaseName });
      const { element } = await mount({ platform });
      platform.hold();
      const dialog = await askToDelete(element, 'Home');
      theButton(dialog, 'Delete').click();
      await waitUntil(() => row(element, 'Home') === undefined, 'the row did not go at once');
      expect(text(liveRegion(element))).to.equal('Deleting Home…');
      await waitUntil(() => platform.waiting === 1, 'the delete never reached the platform');
      // Meanwhile, on another device, the user makes Available call using Home: the platform's rules
      // now refuse the delete this Store checked and sent before it could know.
      const elsewhere = new SimulatedPlatform({ databaseName });
      const status = { id: 'available', remoteExtensionId: null, callUsing: 'home', sendCallsTo: 'desk-phone' };
      await elsewhere.updateStatus({ type: 'status/update', id: newId(), status });
      platform.release();
      const reason = 'This number is used by the status Available. Choose another device there first.';
      await waitUntil(() => row(element, 'Home'), 'the refused delete was never rolled back');
      await waitUntil(() => text(theRow(element, 'Home')).includes(reason), 'no reason shown');
      expect(text(liveRegion(element))).to.contain('Home was not deleted.');
      expect(text(liveRegion(element))).to.contain(reason);
      expect((await platform.load()).numbers.map((n) => n.id)).to.include('home');
    });

    it('is accessible with the confirmation open', async () => {
      const { element } = await mount();
      await askToDelete(element, 'Home');
      await expect(element).to.be.accessible();
    });
  });

  describe('states', () => {
    it('NUM-6 says there are no numbers and how to add one', async () => {
      const platform = simulatedPlatform();
      for (const id of ['work-mobile', 'mobile', 'home']) await platform.admin.removeNumber(id);
      const { element } = await inProvider<MyNumbers>(html`<my-numbers></my-numbers>`, { platform });
      await settle(element);
      expect(list(element) === null, 'no list').to.equal(true);
      const body = text(root(element));
      expect(body).to.contain('You have no numbers yet.');
      expect(body).to.contain('More');
      expect(body).to.contain('New');
      await expect(element).to.be.accessible();
    });

    it('NUM-6 shows Loading… while the platform has not answered', async () => {
      const platform = simulatedPlatform({ latency: 60000 });
      const provider = await fixture<RemoteExtensionProvider>(
        html`<remote-extension-provider .client=${platform}><my-numbers></my-numbers></remote-extension-provider>`,
      );
      const element = provider.querySelector('my-numbers')!;
      await waitUntil(() => text(root(element)).includes('Loading…'), 'Loading… never showed');
      const busy = root(element).querySelector('[aria-busy="true"]');
      expect(text(busy)).to.contain('Loading…');
      expect(list(element) === null, 'no list').to.equal(true);
    });

    it('NUM-6 shows why loading failed and Try again loads the list', async () => {
      const { element, platform } = await mount({ failureRate: 1 });
      expect(list(element) === null, 'no list').to.equal(true);
      expect(text(root(element))).to.contain('Your settings could not be loaded. The platform is not answering');
      await expect(element).to.be.accessible();
      platform.configure({ failureRate: 0 });
      theButton(root(element), 'Try again').click();
      await waitUntil(() => rows(element).length === 3, 'Try again did not load the list');
      expect(button(root(element), 'Try again') === undefined, 'Try again gone').to.equal(true);
    });

    it('NUM-1 a number\'s row costs 22 DOM nodes (at most 30: issue 19); the row with three markers 31', async () => {
      const { element, store } = await mount();
      const nodes = (root: Node): number => 1 + [...root.childNodes].reduce((sum, child) => sum + nodes(child), 0);
      const numbers = list(element)!;
      const before = nodes(numbers);
      for (let i = 0; i < 10; i++) await store.createNumber({ label: `Number ${i}`, dial: `06${10_000_000 + i}`, remoteExtension: false });
      await settle(element);
      // Each row and the two markers that keep its place in the list.
      const perRow = (nodes(numbers) - before) / 10;
      expect(perRow).to.be.at.most(30);
      expect(perRow, 'a number the user made: label, dial, icon, Edit and Delete').to.equal(22);
      // The administrator's remote extension: no Delete, three markers (Remote Extension, Set by
      // administrator, FMC), in the list's own markers too.
      expect(nodes(theRow(element, 'Remote Extension Work mobile')), 'with its three markers').to.equal(31);
    });

    it('NUM-6 SYNC-4 a change the platform cannot take shows as waiting, says so, and goes when the connection is back', async () => {
      const { element, platform, store } = await mount();
      const note = () => root(element).querySelector('[part="note"].waiting');
      expect(note(), 'no note while nothing waits').to.equal(null);
      // The browser being offline says nothing by itself: a simulated platform still answers.
      window.dispatchEvent(new Event('offline'));
      await settle(element);
      expect(note(), 'no note for the browser alone').to.equal(null);

      platform.configure({ offline: true });
      const edit = store.updateNumber('home', { label: 'Cabin' });
      await waitUntil(() => note() !== null, 'the waiting note never showed');
      expect(text(note())).to.contain('The phone system can’t be reached. 1 change is waiting to be sent; it will be sent when the connection is back.');
      expect(text(theRow(element, 'Cabin'))).to.contain('Waiting to be sent');
      expect(text(theRow(element, 'Cabin'))).not.to.contain('Saving…');
      await expect(element).to.be.accessible();

      platform.configure({ offline: false });
      window.dispatchEvent(new Event('online'));
      await edit;
      await waitUntil(() => note() === null, 'the note stayed after the change was sent');
      expect(text(theRow(element, 'Cabin'))).not.to.contain('Waiting to be sent');
      expect((await platform.load()).numbers.find((n) => n.id === 'home')?.label).to.equal('Cabin');
    });

    it('ADD-4 SYNC-4 an Add that has to wait closes the dialog, says it will be added, and its row shows it waiting', async () => {
      const { element, platform } = await mount();
      platform.configure({ offline: true });
      moreButton(element).click();
      await settle(element);
      menuItems(element)[0]!.click();
      await waitUntil(() => root(element).querySelector('add-number-dialog'), 'no dialog');
      const dialog = root(element).querySelector('add-number-dialog')!;
      await waitUntil(() => dialog.shadowRoot?.querySelector('dialog')?.open, 'the dialog never opened');
      const input = (name: string) => dialog.shadowRoot!.querySelector<HTMLInputElement>(name === 'Label' ? '#label' : '#number')!;
      for (const [name, value] of [['Label', 'Cabin'], ['Number', '0981812345']] as const) {
        input(name).value = value;
        input(name).dispatchEvent(new Event('input', { bubbles: true }));
      }
      await dialog.updateComplete;
      dialog.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
      await waitUntil(() => !dialog.shadowRoot?.querySelector('dialog')?.open, 'the dialog stayed open while the change waits');
      expect(dialog.shadowRoot!.querySelector('[role="status"]')?.textContent).to.equal(
        'Cabin is waiting to be sent. It will be added when the connection is back.',
      );
      expect(text(theRow(element, 'Cabin'))).to.contain('Waiting to be sent');
      expect(await new Outbox().list(platform.scope)).to.have.length(1);

      platform.configure({ offline: false });
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => !text(theRow(element, 'Cabin')).includes('Waiting'), 'the row kept waiting');
      expect((await platform.load()).numbers.map((n) => n.label)).to.include('Cabin');
    });

    it('NUM-6 SYNC-4 Discard drops the waiting changes: unsent, out of the list and the outbox', async () => {
      const { element, platform, store } = await mount();
      platform.configure({ offline: true });
      const edit = store.updateNumber('home', { label: 'Cabin' }).catch((error: unknown) => error);
      const removal = store.deleteNumber('mobile').catch((error: unknown) => error);
      await waitUntil(() => text(root(element)).includes('2 changes are waiting to be sent'), 'the note never counted two');
      theButton(root(element), 'Discard waiting changes').click();
      expect(await edit).to.have.property('code', 'discarded');
      expect(await removal).to.have.property('code', 'discarded');
      await waitUntil(() => !text(root(element)).includes('waiting to be sent'), 'the note stayed');
      expect(liveRegion(element).textContent).to.equal('The waiting changes were discarded.');
      expect(rows(element).map((row) => text(row.querySelector('[part="label"]')))).to.include.members(['Home', 'Mobile']);
      expect(await new Outbox().list(platform.scope)).to.deep.equal([]);
      platform.configure({ offline: false });
      const held = await platform.load();
      expect(held.numbers.find((n) => n.id === 'home')?.label, 'never sent').to.equal('Home');
    });

    it('NUM-6 shows Saving… on a row while a change to it is pending', async () => {
      const platform = heldPlatform();
      const { element, store } = await mount({ platform });
      platform.hold();
      const saving = store.updateNumber('mobile', { label: 'Mobile phone' });
      await settle(element);
      const mobile = theRow(element, 'Mobile phone');
      expect(text(mobile)).to.contain('Saving…');
      expect(mobile.getAttribute('aria-busy')).to.equal('true');
      expect(theButton(mobile, 'Delete Mobile phone').getAttribute('aria-disabled')).to.equal('true');
      expect(text(theRow(element, 'Home'))).not.to.contain('Saving…');
      platform.release();
      await saving;
      await settle(element);
      expect(text(theRow(element, 'Mobile phone'))).not.to.contain('Saving…');
    });
  });

  describe('rules shown in the list', () => {
    it('FMC-2 warns under a number whose Call Through cannot work, saying what to change', async () => {
      const { element, store } = await mount();
      expect(text(root(element))).not.to.contain("Call Through won't work");
      await store.updateNumber('work-mobile', { callThrough: true });
      await settle(element);
      const work = theRow(element, 'Remote Extension Work mobile');
      expect(text(work)).to.contain(
        "Call Through won't work: Choose this number as the Remote Extension of your current status, Available.",
      );
      await store.setActiveStatus('work-from-home');
      await settle(element);
      expect(text(theRow(element, 'Remote Extension Work mobile'))).not.to.contain("Call Through won't work");
    });

    it('PLAT-1 shows one note and no Remote Extension markers on a platform that is not MX-One', async () => {
      const { element } = await mount({ profile: { kind: 'mivoice-business' } });
      const notes = [...root(element).querySelectorAll('[part="note"]')].map((n) => text(n));
      expect(notes).to.deep.equal(['Remote Extension needs MiVoice MX-One.']);
      expect(rows(element)).to.have.length(3);
      const allMarkers = rows(element).flatMap(markers);
      expect(allMarkers).not.to.include('Remote Extension');
      expect(allMarkers).not.to.include('Active remote extension');
      expect(allMarkers).not.to.include('Call Through');
      expect(markers(theRow(element, 'Work mobile'))).to.deep.equal(['Set by administrator', 'FMC']);
    });

    it('PLAT-1 shows no such note on MX-One', async () => {
      const { element } = await mount();
      expect(text(root(element))).not.to.contain('needs MiVoice MX-One');
    });

    it('EMB-3 renders a label that looks like markup as text', async () => {
      const { element, store } = await mount();
      const label = '<img src=x onerror="window.__pwned=1">';
      await store.createNumber({ label, dial: '0701112233', remoteExtension: false });
      await settle(element);
      expect(text(theRow(element, label).querySelector('[part="label"]'))).to.equal(label);
      expect(root(element).querySelector('img') === null, 'no img').to.equal(true);
      expect(button(root(element), `Delete ${label}`) !== undefined, 'Delete offered').to.equal(true);
      await afterAnImageOfXFails();
      expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
    });
  });
});
