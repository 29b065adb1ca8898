import { expect, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { ActiveStatusChangeEvent, AvailabilityMenu, CallUsingFooter } from '../../entries/index.js';
import type { Store } from '../../src/store/index.js';
import { adminRemovesStatus, cleanUp, heldPlatform, uniqueDatabase } from '../helpers.js';
import { inProvider } from './fixture.js';

function menuButton(element: Element): HTMLButtonElement {
  const button = element.shadowRoot?.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]');
  if (!button) throw new Error('no menu button');
  return button;
}

function menu(element: Element): HTMLElement {
  const found = element.shadowRoot?.querySelector<HTMLElement>('[role="menu"]');
  if (!found) throw new Error('no menu');
  return found;
}

function items(element: Element): HTMLElement[] {
  return [...(element.shadowRoot?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? [])];
}

function item(element: Element, name: string): HTMLElement {
  const found = items(element).find((i) => i.textContent?.trim() === name);
  if (!found) throw new Error(`no menu item "${name}"`);
  return found;
}

function focused(element: Element): Element | null {
  return element.shadowRoot?.activeElement ?? null;
}

function liveRegion(element: Element): string {
  return element.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim() ?? '';
}

async function settled(store: Store): Promise<void> {
  await waitUntil(() => store.state.pending.length === 0, 'the change never settled');
}

/** Opens the menu with Enter on its button. */
async function openByKeyboard(element: AvailabilityMenu): Promise<void> {
  menuButton(element).focus();
  await sendKeys({ press: 'Enter' });
  await element.updateComplete;
  await waitUntil(() => focused(element)?.getAttribute('role') === 'menuitemradio', 'no menu item got focus');
}

describe('<availability-menu>', () => {
  afterEach(cleanUp);

  describe('closed', () => {
    it('ACT-1 names the active status "Available" on its button', async () => {
      const { element } = await inProvider<AvailabilityMenu>(html`<availability-menu></availability-menu>`);
      const button = menuButton(element);
      expect(button.getAttribute('aria-label')).to.equal('Availability: Available');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.textContent).to.contain('Available');
      expect(element.shadowRoot?.querySelector('[part="avatar"]')?.textContent).to.equal('AL');
      expect(menu(element).hidden).to.equal(true);
      await expect(element).to.be.accessible();
    });
  });

  describe('in Swedish', () => {
    it('ACT-1 names its button and menu from its Swedish strings', async () => {
      const { element } = await inProvider<AvailabilityMenu>(html`<availability-menu lang="sv"></availability-menu>`);
      expect(menuButton(element).getAttribute('aria-label')).to.equal('Tillgänglighet: Available');
      expect(menu(element).getAttribute('aria-label')).to.equal('Tillgänglighet');
    });
  });

  describe('open', () => {
    it('ACT-1 lists the five statuses with Available checked, and focuses it', async () => {
      const { element } = await inProvider<AvailabilityMenu>(html`<availability-menu></availability-menu>`);
      await openByKeyboard(element);
      expect(menuButton(element).getAttribute('aria-expanded')).to.equal('true');
      expect(menu(element).getAttribute('aria-label')).to.equal('Availability');
      expect(items(element).map((i) => i.textContent?.trim())).to.deep.equal([
        'Available',
        'In a Meeting',
        'Out of Office',
        'Work from Home',
        'Do Not Disturb',
      ]);
      expect(items(element).filter((i) => i.getAttribute('aria-checked') === 'true')).to.deep.equal([item(element, 'Available')]);
      expect(focused(element)).to.equal(item(element, 'Available'));
      await expect(element).to.be.accessible();
    });

    it('ACT-1 moves focus with ArrowDown/ArrowUp (wrapping), Home and End', async () => {
      const { element } = await inProvider<AvailabilityMenu>(html`<availability-menu></availability-menu>`);
      await openByKeyboard(element);
      for (let i = 0; i < 4; i++) await sendKeys({ press: 'ArrowDown' });
      expect(focused(element)).to.equal(item(element, 'Do Not Disturb'));
      await sendKeys({ press: 'ArrowDown' });
      expect(focused(element)).to.equal(item(element, 'Available'));
      await sendKeys({ press: 'ArrowUp' });
      expect(focused(element)).to.equal(item(element, 'Do Not Disturb'));
      await sendKeys({ press: 'Home' });
      expect(focused(element)).to.equal(item(element, 'Available'));
      await sendKeys({ press: 'End' });
      expect(focused(element)).to.equal(item(element, 'Do Not Disturb'));
    });

    it('ACT-1 chooses "Do Not Disturb" by keyboard: the platform holds it and the button says it', async () => {
      const { element, platform, store } = await inProvider<AvailabilityMenu>(html`<availability-menu></availability-menu>`);
      await openByKeyboard(element);
      await sendKeys({ press: 'End' });
      const changed = oneEvent<ActiveStatusChangeEvent>(element, 'active-status-change');
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      // Optimistic: the button says it before the platform answers.
      expect(menuButton(element).getAttribute('aria-label')).to.equal('Availability: Do Not Disturb');
      expect(menu(element).hidden).to.equal(true);
      expect(focused(element)).to.equal(menuButton(element));
      expect((await changed).statusId).to.equal('do-not-disturb');
      await settled(store);
      expect((await platform.load()).activeStatusId).to.equal('do-not-disturb');
      await element.updateComplete;
      expect(menuButton(element).getAttribute('aria-label')).to.equal('Availability: Do Not Disturb');
      expect(liveRegion(element)).to.equal('Do Not Disturb is now your status.');
    });

    it('ACT-1 Space chooses too; the button says it before the platform answers (SYNC-3), the announcement once it has', async () => {
      const platform = heldPlatform();
      const { element, store } = await inProvider<AvailabilityMenu>(html`<availability-menu></availability-menu>`, { platform });
      platform.hold();
      await openByKeyboard(element);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: ' ' });
      await element.updateComplete;
      expect(menuButton(element).getAttribute('aria-label')).to.equal('Availability: In a Meeting');
      expect(liveRegion(element), 'not said before the platform has it').to.equal('');
      expect(store.state.pending.map((c) => c.type)).to.deep.equal(['status/activate']);
      platform.release();
      await settled(store);
      await element.updateComplete;
      expect(liveRegion(element)).to.equal('In a Meeting is now your status.');
      expect(menuButton(element).getAttribute('aria-label')).to.equal('Availability: In a Meeting');
      expect((await platform.load()).activeStatusId).to.equal('in-a-meeting');
    });

    it('ACT-1 SYNC-4 a status that cannot be sent is announced as waiting, never as your status, and marked so', async () => {
      const { element, platform, store } = await inProvider<AvailabilityMenu>(html`<availability-menu></availability-menu>`);
      platform.configure({ offline: true });
      await openByKeyboard(element);
      await sendKeys({ press: 'End' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => liveRegion(element) !== '', 'nothing was announced');
      expect(liveRegion(element)).to.equal('Do Not Disturb is waiting to be sent. It will be your status when the connection is back.');
      await element.updateComplete;
      expect(element.shadowRoot?.querySelector('[part="waiting"]')?.textContent?.trim()).to.equal('Waiting to be sent');
      expect(store.state.waiting).to.equal(true);
      await expect(element).to.be.accessible();
      platform.configure({ offline: false });
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => store.state.pending.length === 0, 'the change was never sent');
      await element.updateComplete;
      expect(element.shadowRoot?.querySelector('[part="waiting"]')).to.equal(null);
      expect((await platform.load()).activeStatusId).to.equal('do-not-disturb');
    });

    it('ACT-1 the open menu says where calls ring and go out from now, under the statuses, and arrows skip it', async () => {
      const { element, store } = await inProvider<AvailabilityMenu>(html`<availability-menu></availability-menu>`);
      await store.setActiveStatus('work-from-home');
      await openByKeyboard(element);
      const note = element.shadowRoot!.querySelector('#menu-note');
      expect(note?.textContent?.trim()).to.equal('Calls ring on and go out from Remote Extension Work mobile, 0701234567.');
      expect(menu(element).getAttribute('aria-describedby')).to.equal('menu-note');
      await sendKeys({ press: 'End' });
      expect(focused(element)?.textContent).to.contain('Do Not Disturb');
      await sendKeys({ press: 'ArrowDown' });
      expect(focused(element)?.textContent).to.contain('Available');
      await expect(element).to.be.accessible();
    });

    it('ACT-1 Escape closes the menu and returns focus to the button, without a change', async () => {
      const { element, platform } = await inProvider<AvailabilityMenu>(html`<availability-menu></availability-menu>`);
      await openByKeyboard(element);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Escape' });
      await element.updateComplete;
      expect(menu(element).hidden).to.equal(true);
      expect(menuButton(element).getAttribute('aria-expanded')).to.equal('false');
      expect(focused(element)).to.equal(menuButton(element));
      expect((await platform.load()).activeStatusId).to.equal('available');
    });

    it('ACT-1 Tab and a click outside close the menu', async () => {
      // The button after the menu keeps Tab inside the page: leaving it moves Firefox's focus to
      // the browser's own toolbar for the rest of the run.
      const { element } = await inProvider<AvailabilityMenu>(
        html`<availability-menu></availability-menu><button>After the menu</button>`,
      );
      await openByKeyboard(element);
      await sendKeys({ press: 'Tab' });
      await element.updateComplete;
      expect(menu(element).hidden).to.equal(true);
      menuButton(element).click();
      await element.updateComplete;
      expect(menu(element).hidden).to.equal(false);
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      await element.updateComplete;
      expect(menu(element).hidden).to.equal(true);
    });
  });

  describe('refused', () => {
    it('SYNC-3 reverts a refused change and shows and announces the reason', async () => {
      const databaseName = uniqueDatabase('platform');
      const { element, platform, store } = await inProvider<AvailabilityMenu>(html`<availability-menu></availability-menu>`, {
        databaseName,
      });
      // The administrator removes Out of Office; nothing tells this Store, which still offers it.
      await adminRemovesStatus(databaseName, 'out-of-office');
      menuButton(element).click();
      await element.updateComplete;
      item(element, 'Out of Office').click();
      await element.updateComplete;
      expect(menuButton(element).getAttribute('aria-label')).to.equal('Availability: Out of Office');
      await waitUntil(() => element.shadowRoot?.querySelector('.error'), 'no reason shown');
      await settled(store);
      await element.updateComplete;
      const reason = element.shadowRoot?.querySelector('.error')?.textContent?.trim();
      expect(reason).to.equal('This status no longer exists.');
      expect(liveRegion(element)).to.equal(reason);
      expect(menuButton(element).getAttribute('aria-label')).to.equal('Availability: Available');
      expect(menuButton(element).getAttribute('aria-describedby')).to.equal('error');
      expect((await platform.load()).activeStatusId).to.equal('available');
      await expect(element).to.be.accessible();
    });
  });

  describe('on one page', () => {
    it('ACT-2 every element in the provider shows the new active status, its RE and Call Using device', async () => {
      const { provider, store } = await inProvider<AvailabilityMenu>(html`
        <availability-menu></availability-menu>
        <availability-menu></availability-menu>
        <call-using-footer></call-using-footer>
      `);
      const [first, second] = [...provider.querySelectorAll('availability-menu')];
      const footer = provider.querySelector('call-using-footer') as CallUsingFooter;
      await Promise.all([first!.updateComplete, second!.updateComplete, footer.updateComplete]);
      menuButton(second!).click();
      await second!.updateComplete;
      item(second!, 'Work from Home').click();
      await settled(store);
      await Promise.all([first!.updateComplete, second!.updateComplete, footer.updateComplete]);
      for (const menuElement of [first!, second!]) {
        expect(menuButton(menuElement).getAttribute('aria-label')).to.equal('Availability: Work from Home');
      }
      const footerButton = menuButton(footer);
      expect(footerButton.getAttribute('aria-label')).to.equal('Call Using: Remote Extension Work mobile');
      expect(footerButton.textContent).to.contain('Remote Extension Work mobile');
    });
  });
});
