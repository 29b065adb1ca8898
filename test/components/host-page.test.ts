/**
 * EMB-2: the elements live in other people's pages. Page CSS that would break a plain form must
 * not reach inside them (only inherited text properties do, on purpose), and a host restyles them
 * only through the documented `--re-*` properties, `theme` and `::part()`.
 */
import { expect, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { emulateMedia } from '@web/test-runner-commands';
import type { CallPlacedEvent, CallUsingFooter, MyNumbers } from '../../entries/index.js';
import { cleanUp } from '../helpers.js';
import { inProvider } from './fixture.js';
import { allByRole, byRole, hasRole } from './queries.js';

const LIGHT_TEXT = 'rgb(27, 29, 33)';
const DARK_TEXT = 'rgb(232, 234, 237)';

/**
 * Sets the system colour scheme where a test can (Chromium, through CDP) and says whether it did.
 * Firefox under puppeteer cannot; web-test-runner.config.mjs starts it in dark mode instead.
 */
async function systemScheme(colorScheme: 'light' | 'dark'): Promise<boolean> {
  if (navigator.userAgent.includes('Firefox')) return false;
  await emulateMedia({ colorScheme });
  return true;
}

function systemText(): string {
  return matchMedia('(prefers-color-scheme: dark)').matches ? DARK_TEXT : LIGHT_TEXT;
}

function pageStyle(css: string): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  return style;
}

async function mountAll() {
  const mounted = await inProvider<MyNumbers>(html`
    <my-numbers></my-numbers>
    <status-remote-picker></status-remote-picker>
    <availability-menu></availability-menu>
    <call-using-footer></call-using-footer>
  `);
  const get = <T extends HTMLElement>(tag: string) => mounted.provider.querySelector(tag) as T;
  return {
    ...mounted,
    myNumbers: get<MyNumbers>('my-numbers'),
    manageStatus: get('status-remote-picker'),
    availability: get('availability-menu'),
    footer: get<CallUsingFooter>('call-using-footer'),
  };
}

describe('the elements in a host page', () => {
  const styles: HTMLStyleElement[] = [];
  afterEach(async () => {
    for (const style of styles.splice(0)) style.remove();
    await systemScheme('light');
    await cleanUp();
  });

  describe('with hostile page CSS', () => {
    beforeEach(() => {
      styles.push(
        pageStyle(`
          button { display: none }
          * { font-size: 30px !important }
          ul, li, dialog, select, input { display: none !important }
          [role="menu"], [role="status"] { display: none !important }
        `),
      );
    });

    it('EMB-2 still shows every control at its own size', async () => {
      const { myNumbers, manageStatus, availability, footer } = await mountAll();
      expect(getComputedStyle(document.body).fontSize, 'the page rule is in force').to.equal('30px');
      for (const element of [myNumbers, manageStatus, availability, footer]) {
        const buttons = [...element.shadowRoot!.querySelectorAll('button')].filter((b) => !b.closest('[hidden], dialog'));
        expect(buttons.length, `${element.localName} has buttons`).to.be.greaterThan(0);
        for (const button of buttons) {
          expect(getComputedStyle(button).display, `${element.localName} button`).not.to.equal('none');
          expect(getComputedStyle(button).fontSize, `${element.localName} button`).to.equal('14px');
        }
      }
      expect(byRole(myNumbers, 'button', /More/u).getBoundingClientRect().height).to.be.greaterThan(10);
      expect(allByRole(myNumbers, 'button', /^Edit /u)).to.have.length(3);
      expect(allByRole(manageStatus, 'button', /^(Available|In a Meeting|Out of Office|Work from Home|Do Not Disturb)$/u)).to.have.length(5);
    });

    it('EMB-2 every element still works: add a number, change status, place a call', async () => {
      const { myNumbers, availability, footer, platform, store } = await mountAll();

      byRole(myNumbers, 'button', /More/u).click();
      await waitUntil(() => hasRole(myNumbers, 'menuitem', 'New'), 'the more menu never showed');
      byRole(myNumbers, 'menuitem', 'New').click();
      await waitUntil(() => hasRole(myNumbers, 'dialog', 'Add Number'), 'Add Number never showed');
      const dialog = byRole(myNumbers, 'dialog', 'Add Number');
      expect(getComputedStyle(dialog).fontSize).to.equal('14px');
      for (const [name, value] of [['Label', 'Cabin'], ['Number', '0981812345']] as const) {
        const input = byRole<HTMLInputElement>(dialog, 'textbox', name);
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      byRole(dialog, 'button', 'Add').click();
      await waitUntil(() => hasRole(myNumbers, 'button', 'Edit Cabin'), 'Cabin never showed in the list');

      byRole(availability, 'button', 'Availability: Available').click();
      await waitUntil(() => hasRole(availability, 'menuitemradio', 'Do Not Disturb'), 'the Availability menu never showed');
      byRole(availability, 'menuitemradio', 'Do Not Disturb').click();
      await waitUntil(() => hasRole(availability, 'button', 'Availability: Do Not Disturb'));
      await waitUntil(() => store.state.pending.length === 0);
      expect((await platform.load()).activeStatusId).to.equal('do-not-disturb');

      footer.placeCall('4712');
      await waitUntil(() => hasRole(footer, 'dialog', 'Place Call With'), 'Place Call With never showed');
      const placed = oneEvent(footer, 'call-placed') as unknown as Promise<CallPlacedEvent>;
      byRole(footer, 'button', 'Call').click();
      expect((await placed).dial).to.equal('4712');
    });
  });

  describe('theming', () => {
    it('EMB-2 inherits the page’s font family and nothing of its layout', async () => {
      styles.push(pageStyle('body { font-family: monospace }'));
      const { myNumbers } = await mountAll();
      expect(getComputedStyle(byRole(myNumbers, 'button', /More/u)).fontFamily).to.contain('monospace');
    });

    it('EMB-2 theme="dark" and theme="light" force a colour scheme whatever the system says', async () => {
      const { provider } = await inProvider(html`
        <my-numbers theme="light"></my-numbers>
        <my-numbers theme="dark"></my-numbers>
      `);
      const [light, dark] = [...provider.querySelectorAll('my-numbers')];
      expect(getComputedStyle(light!).color).to.equal(LIGHT_TEXT);
      expect(getComputedStyle(dark!).color).to.equal(DARK_TEXT);
      await systemScheme(matchMedia('(prefers-color-scheme: dark)').matches ? 'light' : 'dark');
      expect(getComputedStyle(light!).color).to.equal(LIGHT_TEXT);
      expect(getComputedStyle(dark!).color).to.equal(DARK_TEXT);
    });

    it('EMB-2 follows prefers-color-scheme when no theme is set', async () => {
      const { element } = await inProvider<MyNumbers>(html`<my-numbers></my-numbers>`);
      expect(getComputedStyle(element).color).to.equal(systemText());
      await expect(element).to.be.accessible();
      for (const scheme of ['dark', 'light'] as const) {
        if (!(await systemScheme(scheme))) continue;
        expect(getComputedStyle(element).color, scheme).to.equal(scheme === 'dark' ? DARK_TEXT : LIGHT_TEXT);
        await expect(element).to.be.accessible();
      }
    });

    it('EMB-2 a host restyles through --re-* properties and ::part()', async () => {
      styles.push(
        pageStyle(`
          my-numbers { --re-color-text: rgb(1, 2, 3); --re-font-size: 18px }
          my-numbers::part(list) { outline: 3px solid rgb(200, 0, 0) }
        `),
      );
      const { element } = await inProvider<MyNumbers>(html`<my-numbers></my-numbers>`);
      expect(getComputedStyle(element).color).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(byRole(element, 'button', /More/u)).fontSize).to.equal('18px');
      const list = element.shadowRoot!.querySelector('[part~="list"]')!;
      expect(getComputedStyle(list).outlineColor).to.equal('rgb(200, 0, 0)');
      expect(getComputedStyle(list).outlineWidth).to.equal('3px');
    });
  });
});
