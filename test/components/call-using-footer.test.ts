import { expect, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { PlaceCallRequestEvent, type CallPlacedEvent, type CallUsingFooter } from '../../entries/index.js';
import type { Store } from '../../src/store/index.js';
import { cleanUp, HeldPlatform, uniqueDatabase } from '../helpers.js';
import { inProvider } from './fixture.js';

function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error('no shadow root');
  return element.shadowRoot;
}

function menuButton(footer: Element): HTMLButtonElement {
  const button = shadow(footer).querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]');
  if (!button) throw new Error('no Call Using button');
  return button;
}

function menu(footer: Element): HTMLElement {
  return shadow(footer).querySelector<HTMLElement>('[role="menu"]')!;
}

function items(footer: Element): HTMLElement[] {
  return [...shadow(footer).querySelectorAll<HTMLElement>('[role="menuitemradio"]')];
}

function item(footer: Element, startsWith: string): HTMLElement {
  const found = items(footer).find((i) => i.textContent?.trim().startsWith(startsWith));
  if (!found) throw new Error(`no menu item "${startsWith}"`);
  return found;
}

function dialog(footer: Element): HTMLDialogElement {
  return shadow(footer).querySelector('dialog')!;
}

function radios(footer: Element): HTMLInputElement[] {
  return [...dialog(footer).querySelectorAll<HTMLInputElement>('input[type="radio"]')];
}

/** The radio whose label starts with `name`. */
function radio(footer: Element, name: string): HTMLInputElement {
  const found = radios(footer).find((r) => r.closest('label')?.textContent?.trim().startsWith(name));
  if (!found) throw new Error(`no radio "${name}"`);
  return found;
}

function dialogButton(footer: Element, name: string): HTMLButtonElement {
  const found = [...dialog(footer).querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

/** The hidden live region's words (not the visible call status line, which is a live region of its own). */
function liveRegion(footer: Element): string {
  return shadow(footer).querySelector('[role="status"]:not([part="call-status"] *)')?.textContent?.trim() ?? '';
}

/** The visible line a placed call leaves above the bar. */
function callStatus(footer: Element): HTMLElement {
  const line = shadow(footer).querySelector<HTMLElement>('[part="call-status"]');
  if (!line) throw new Error('no call status line');
  return line;
}

function callStatusText(footer: Element): string {
  return callStatus(footer).querySelector('[role="status"]')?.textContent?.trim() ?? '';
}

function dismissButton(footer: Element): HTMLButtonElement | null {
  return callStatus(footer).querySelector<HTMLButtonElement>('button') ?? null;
}

/** Whether `element` is painted where it is: a box bigger than the 1 px of a visually hidden one, unclipped, on top. */
function painted(element: Element, host: Element): boolean {
  const box = element.getBoundingClientRect();
  if (box.width <= 1 || box.height <= 1) return false;
  if (getComputedStyle(element).clipPath !== 'none' || getComputedStyle(element).visibility !== 'visible') return false;
  const hit = shadow(host).elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return hit !== null && element.contains(hit);
}

async function settled(store: Store): Promise<void> {
  await waitUntil(() => store.state.pending.length === 0, 'the change never settled');
}

async function promptOpen(footer: CallUsingFooter): Promise<void> {
  await waitUntil(() => dialog(footer).open, 'Place Call With never opened');
  await footer.updateComplete;
}

describe('<call-using-footer>', () => {
  afterEach(cleanUp);

  describe('Call Using', () => {
    it('CALL-1 shows "Call Using" and the desk phone of Available', async () => {
      const { element } = await inProvider<CallUsingFooter>(html`<call-using-footer></call-using-footer>`);
      const button = menuButton(element);
      expect(shadow(element).textContent).to.contain('Call Using');
      expect(button.getAttribute('aria-label')).to.equal('Call Using: Desk phone');
      expect(button.textContent?.trim()).to.equal('Desk phone');
      expect(shadow(element).querySelector('.bar')?.textContent).to.contain('4711');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      await expect(element).to.be.accessible();
    });

    it('CALL-1 SYNC-4 says where calls ring and go out from, as in force now: not a status change still waiting to be sent', async () => {
      const { element, platform, store } = await inProvider<CallUsingFooter>(html`<call-using-footer></call-using-footer>`);
      const where = () => shadow(element).querySelector('[part="where"]')?.textContent?.trim();
      expect(where()).to.equal('Calls ring on and go out from Desk phone, 4711.');
      await store.setActiveStatus('work-from-home');
      await element.updateComplete;
      expect(where()).to.equal('Calls ring on and go out from Remote Extension Work mobile, 0701234567.');

      platform.configure({ offline: true });
      void store.setActiveStatus('do-not-disturb').catch(() => undefined);
      await waitUntil(() => store.state.waiting, 'the change never waited');
      await element.updateComplete;
      // The phone system still has Work from Home: the mobile rings until the change is sent.
      expect(where()).to.equal('Calls ring on and go out from Remote Extension Work mobile, 0701234567.');
      expect(menuButton(element).getAttribute('aria-label')).to.equal('Call Using: Remote Extension Work mobile');
      expect(shadow(element).querySelector('[part="waiting"]')?.textContent?.trim()).to.equal('Waiting to be sent');
      await expect(element).to.be.accessible();

      platform.configure({ offline: false });
      window.dispatchEvent(new Event('online'));
      await settled(store);
      await element.updateComplete;
      expect(where()).to.equal('Calls ring on and go out from Desk phone, 4711.');
      expect(shadow(element).querySelector('[part="waiting"]')).to.equal(null);
    });

    it('CALL-1 lists the devices in its menu and saves the one chosen by keyboard', async () => {
      const { element, platform, store } = await inProvider<CallUsingFooter>(html`<call-using-footer></call-using-footer>`);
      menuButton(element).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => shadow(element).activeElement?.getAttribute('role') === 'menuitemradio', 'no item focused');
      expect(menu(element).hidden).to.equal(false);
      expect(menu(element).getAttribute('aria-label')).to.equal('Call Using');
      expect(items(element).map((i) => i.textContent?.replace(/\s+/gu, ' ').trim())).to.deep.equal([
        'Desk phone 4711',
        'MiCollab softphone',
        'Remote Extension Work mobile 0701234567',
        'Mobile 0739876543',
        'Home 087654321',
      ]);
      expect(shadow(element).activeElement).to.equal(item(element, 'Desk phone'));
      expect(item(element, 'Desk phone').getAttribute('aria-checked')).to.equal('true');
      await expect(element).to.be.accessible();
      await sendKeys({ press: 'End' });
      expect(shadow(element).activeElement).to.equal(item(element, 'Home'));
      await sendKeys({ press: 'ArrowDown' });
      expect(shadow(element).activeElement).to.equal(item(element, 'Desk phone'));
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(menuButton(element).getAttribute('aria-label')).to.equal('Call Using: MiCollab softphone');
      expect(shadow(element).activeElement).to.equal(menuButton(element));
      await settled(store);
      const saved = (await platform.load()).statuses.find((s) => s.id === 'available');
      expect(saved?.callUsing).to.equal('softphone');
      expect(saved?.sendCallsTo).to.equal('desk-phone');
      await element.updateComplete;
      expect(liveRegion(element)).to.equal('Outgoing calls now use MiCollab softphone.');
    });

    it('CALL-1 Escape closes the menu and returns focus to its button', async () => {
      const { element, platform } = await inProvider<CallUsingFooter>(html`<call-using-footer></call-using-footer>`);
      menuButton(element).focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => shadow(element).activeElement?.getAttribute('role') === 'menuitemradio', 'no item focused');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Escape' });
      await element.updateComplete;
      expect(menu(element).hidden).to.equal(true);
      expect(shadow(element).activeElement).to.equal(menuButton(element));
      expect((await platform.load()).statuses.find((s) => s.id === 'available')?.callUsing).to.equal('desk-phone');
    });

    it('SYNC-3 reverts a refused Call Using change and shows the reason', async () => {
      const platform = new HeldPlatform({ databaseName: uniqueDatabase('platform') });
      const { element, store } = await inProvider<CallUsingFooter>(html`<call-using-footer></call-using-footer>`, { platform });
      platform.hold();
      menuButton(element).click();
      await element.updateComplete;
      item(element, 'Mobile').click();
      await waitUntil(() => platform.waiting === 1, 'the change never reached the platform');
      // The administrator removes Mobile after this Store checked and sent the change.
      await platform.admin.removeNumber('mobile');
      platform.release();
      await settled(store);
      await waitUntil(() => shadow(element).querySelector('.error'), 'no reason shown');
      await element.updateComplete;
      expect(shadow(element).querySelector('.error')?.textContent?.trim()).to.equal(
        'That device no longer exists. Choose another one.',
      );
      expect(menuButton(element).getAttribute('aria-label')).to.equal('Call Using: Desk phone');
      await expect(element).to.be.accessible();
    });
  });

  describe('Place Call With', () => {
    it('CALL-2 placeCall() opens the prompt with the Call Using device preselected', async () => {
      const { element } = await inProvider<CallUsingFooter>(html`<call-using-footer></call-using-footer>`);
      element.placeCall('4712');
      await promptOpen(element);
      const prompt = dialog(element);
      expect(prompt.querySelector('h2')?.textContent?.trim()).to.equal('Place Call With');
      expect(prompt.textContent).to.contain('Call 4712');
      expect(prompt.querySelector('fieldset legend')?.textContent?.trim()).to.equal('Place Call With');
      expect(radios(element)).to.have.length(5);
      expect(radio(element, 'Desk phone').checked).to.equal(true);
      expect(shadow(element).activeElement).to.equal(radio(element, 'Desk phone'));
      expect(dialogButton(element, 'Call')).to.exist;
      expect(dialogButton(element, 'Cancel')).to.exist;
      await expect(element).to.be.accessible();
    });

    it('CALL-2 opens from a place-call-request sent elsewhere in the page, calls, closes and returns focus', async () => {
      const { element } = await inProvider<CallUsingFooter>(html`<call-using-footer></call-using-footer>`);
      const outside = document.createElement('button');
      outside.textContent = 'Call 4712';
      outside.addEventListener('click', () => outside.dispatchEvent(new PlaceCallRequestEvent('4712')));
      document.body.append(outside);
      try {
        outside.focus();
        outside.click();
        await promptOpen(element);
        // Keyboard: pick MiCollab softphone in the radio group, then confirm with Call.
        await sendKeys({ press: 'ArrowDown' });
        expect(radio(element, 'MiCollab softphone').checked).to.equal(true);
        const placed = oneEvent<CallPlacedEvent>(element, 'call-placed');
        dialogButton(element, 'Call').click();
        const call = await placed;
        expect(call.dial).to.equal('4712');
        expect(call.deviceId).to.equal('softphone');
        expect(call.callId).to.be.a('string').and.not.be.empty;
        await element.updateComplete;
        expect(dialog(element).open).to.equal(false);
        // Said once, by the visible line (a live region), not again by the hidden one.
        expect(callStatusText(element)).to.equal('Calling 4712 from MiCollab softphone.');
        expect(liveRegion(element)).to.equal('');
        expect(document.activeElement).to.equal(outside);
      } finally {
        outside.remove();
      }
    });

    it('CALL-2 shows Calling… and places one call however often Call is pressed', async () => {
      const platform = new HeldPlatform({ databaseName: uniqueDatabase('platform') });
      const { element } = await inProvider<CallUsingFooter>(html`<call-using-footer></call-using-footer>`, { platform });
      element.placeCall('4712');
      await promptOpen(element);
      const placed = oneEvent<CallPlacedEvent>(element, 'call-placed');
      platform.hold();
      dialogButton(element, 'Call').click();
      await element.updateComplete;
      await waitUntil(() => platform.waiting === 1, 'the call never reached the platform');
      const calling = dialogButton(element, 'Calling…');
      expect(calling.getAttribute('aria-disabled')).to.equal('true');
      calling.click();
      calling.click();
      platform.release();
      await placed;
      expect(platform.calls).to.equal(1);
    });

    it('CALL-2 a placed call shows a visible, dismissible line above the bar; Dismiss hands focus to Call Using', async () => {
      // Room above the footer, where the line goes (the footer sits at the bottom of the client).
      const { element } = await inProvider<CallUsingFooter>(
        html`<call-using-footer style="margin-block-start: 8em"></call-using-footer>`,
      );
      expect(callStatusText(element)).to.equal('');
      expect(dismissButton(element)).to.equal(null);
      const before = menuButton(element).getBoundingClientRect();
      element.placeCall('4730');
      await promptOpen(element);
      const placed = oneEvent<CallPlacedEvent>(element, 'call-placed');
      dialogButton(element, 'Call').click();
      await placed;
      await element.updateComplete;
      expect(dialog(element).open).to.equal(false);
      expect(callStatusText(element)).to.equal('Calling 4730 from Desk phone.');
      expect(callStatus(element).querySelector('[role="status"]')).to.exist;
      expect(painted(callStatus(element), element), 'the line is not visible').to.equal(true);
      expect(liveRegion(element), 'said twice').to.equal('');
      // The line does not move the bar's controls.
      const after = menuButton(element).getBoundingClientRect();
      expect([after.left, after.top, after.width, after.height]).to.deep.equal([before.left, before.top, before.width, before.height]);
      const dismiss = dismissButton(element)!;
      expect(dismiss.getAttribute('aria-label')).to.equal('Dismiss');
      expect(painted(dismiss, element), 'Dismiss is not visible').to.equal(true);
      await expect(element).to.be.accessible();

      // It stays until dismissed: by keyboard here, and focus goes to the Call Using button.
      dismiss.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => callStatusText(element) === '', 'Dismiss left the line');
      await element.updateComplete;
      expect(dismissButton(element)).to.equal(null);
      expect(painted(callStatus(element), element), 'the dismissed line is still visible').to.equal(false);
      expect(shadow(element).activeElement).to.equal(menuButton(element));

      // The next prompt replaces it.
      element.placeCall('4731');
      await promptOpen(element);
      const again = oneEvent<CallPlacedEvent>(element, 'call-placed');
      dialogButton(element, 'Call').click();
      await again;
      await element.updateComplete;
      expect(callStatusText(element)).to.equal('Calling 4731 from Desk phone.');
      element.placeCall('4732');
      await promptOpen(element);
      expect(callStatusText(element)).to.equal('');
    });

    it('CALL-2 Cancel and Escape close the prompt without calling', async () => {
      const platform = new HeldPlatform({ databaseName: uniqueDatabase('platform') });
      const { element } = await inProvider<CallUsingFooter>(html`<call-using-footer></call-using-footer>`, { platform });
      menuButton(element).focus();
      element.placeCall('4712');
      await promptOpen(element);
      dialogButton(element, 'Cancel').click();
      await element.updateComplete;
      expect(dialog(element).open).to.equal(false);
      expect(shadow(element).activeElement).to.equal(menuButton(element));

      element.placeCall('4712');
      await promptOpen(element);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog(element).open, 'Escape did not close the prompt');
      await element.updateComplete;
      expect(shadow(element).activeElement).to.equal(menuButton(element));
      expect(platform.calls).to.equal(0);
    });

    it('CALL-2 a call asked for right after Cancel gets a whole prompt', async () => {
      const { element } = await inProvider<CallUsingFooter>(html`<call-using-footer></call-using-footer>`);
      element.placeCall('4712');
      await promptOpen(element);
      const oldPromptClosed = oneEvent(dialog(element), 'close');
      dialogButton(element, 'Cancel').click();
      // Before the old prompt's close event arrives.
      element.placeCall('4713');
      await promptOpen(element);
      // The old prompt's close event, which must not close the new one; the element heard it first.
      await oldPromptClosed;
      await element.updateComplete;
      expect(dialog(element).open).to.equal(true);
      expect(dialog(element).textContent).to.contain('Call 4713');
      expect(dialogButton(element, 'Call').isConnected).to.equal(true);
    });

    it('CALL-2 stays open with the reason when the platform cannot place the call', async () => {
      const { element, platform } = await inProvider<CallUsingFooter>(html`<call-using-footer></call-using-footer>`);
      platform.configure({ failureRate: 1 });
      element.placeCall('4712');
      await promptOpen(element);
      dialogButton(element, 'Call').click();
      await waitUntil(() => dialog(element).querySelector('.error'), 'no reason shown');
      expect(dialog(element).open).to.equal(true);
      expect(dialog(element).querySelector('.error')?.textContent?.trim()).to.equal(
        'The platform is not answering. Try again in a moment.',
      );
      expect(dialogButton(element, 'Call').getAttribute('aria-disabled')).to.equal('false');
      await expect(element).to.be.accessible();
    });
  });

  describe('with an active remote extension', () => {
    it('CALL-2 CALL-3 lists, marks and preselects the active RE in Place Call With, and lists it under Call Using', async () => {
      const { element, store } = await inProvider<CallUsingFooter>(html`<call-using-footer></call-using-footer>`);
      await store.setActiveStatus('work-from-home');
      await element.updateComplete;
      expect(menuButton(element).getAttribute('aria-label')).to.equal('Call Using: Remote Extension Work mobile');

      element.placeCall('4712');
      await promptOpen(element);
      const re = radio(element, 'Remote Extension Work mobile');
      expect(re.checked).to.equal(true);
      expect(re.closest('label')?.querySelector('.badge')?.textContent?.trim()).to.equal('Remote Extension');
      expect(re.closest('label')?.textContent).to.contain('0701234567');
      expect(radios(element).filter((r) => r.checked)).to.have.length(1);
      const placed = oneEvent<CallPlacedEvent>(element, 'call-placed');
      dialogButton(element, 'Call').click();
      expect((await placed).deviceId).to.equal('work-mobile');
      await element.updateComplete;

      menuButton(element).click();
      await element.updateComplete;
      const menuItem = item(element, 'Remote Extension Work mobile');
      expect(menuItem.getAttribute('aria-checked')).to.equal('true');
      expect(menuItem.textContent).to.contain('0701234567');
    });
  });

  describe('in Swedish', () => {
    it('CALL-1 CALL-2 words the footer and the prompt from its Swedish strings', async () => {
      const { element } = await inProvider<CallUsingFooter>(html`<call-using-footer lang="sv"></call-using-footer>`);
      expect(menuButton(element).getAttribute('aria-label')).to.equal('Ring med: Bordstelefon');
      element.placeCall('4712');
      await promptOpen(element);
      expect(dialog(element).textContent).to.contain('Ring 4712');
      expect(dialogButton(element, 'Avbryt')).to.exist;
    });

    it('CALL-2 a placed call shows a visible, dismissible line in Swedish', async () => {
      const { element } = await inProvider<CallUsingFooter>(
        html`<call-using-footer lang="sv" style="margin-block-start: 8em"></call-using-footer>`,
      );
      element.placeCall('4730');
      await promptOpen(element);
      const placed = oneEvent<CallPlacedEvent>(element, 'call-placed');
      dialogButton(element, 'Ring').click();
      await placed;
      await element.updateComplete;
      expect(callStatusText(element)).to.equal('Ringer 4730 från Bordstelefon.');
      expect(painted(callStatus(element), element)).to.equal(true);
      expect(dismissButton(element)?.getAttribute('aria-label')).to.equal('Stäng');
      dismissButton(element)!.click();
      await waitUntil(() => callStatusText(element) === '', 'Stäng left the line');
      await element.updateComplete;
      expect(shadow(element).activeElement).to.equal(menuButton(element));
    });
  });

  describe('markup in labels', () => {
    it('EMB-3 shows a device label with markup as text, in the menu and the prompt', async () => {
      const { element, platform, store } = await inProvider<CallUsingFooter>(html`<call-using-footer></call-using-footer>`);
      const hostile = '<img src=x onerror="window.__pwned=1"><b>Boss</b>';
      await platform.admin.provisionRemoteExtension('hostile', hostile, '0701112233');
      await waitUntil(() => store.state.data?.numbers.some((n) => n.id === 'hostile'), 'the feed never brought the number');
      await element.updateComplete;
      menuButton(element).click();
      await element.updateComplete;
      expect(item(element, `Remote Extension ${hostile}`)).to.exist;
      element.placeCall('4712');
      await promptOpen(element);
      expect(radio(element, `Remote Extension ${hostile}`)).to.exist;
      expect(shadow(element).querySelector('img, b')).to.equal(null);
      expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
    });
  });
});
