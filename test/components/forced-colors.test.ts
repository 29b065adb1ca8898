/**
 * Issue 18, finding 4, under forced colours (as Windows High Contrast forces them): the focused
 * item of the Availability and Call Using menus keeps a visible focus ring, and the presence dots
 * and the Remote Extension badge stay visible, in system colours, at 320, 1280 and 1920 px.
 *
 * The `forced-colors` command (test/forced-colors-plugin.mjs) turns the mode on: through CDP in
 * Chromium (light), through WebDriver BiDi in Firefox (dark, as this suite runs Firefox).
 */
import { expect, html } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { AvailabilityMenu, CallUsingFooter } from '../../entries/index.js';
import '../../entries/quick-status.js';
import { cleanUp } from '../helpers.js';
import { waitUntil } from '../wait.js';
import { contrastRatio, focusIndicator, toRgba } from './contrast.js';
import { inProvider } from './fixture.js';
import { deepActiveElement } from './queries.js';
import { WIDTHS } from './pages.js';


/**
 * Turns forced colours on or off. Firefox cannot be switched from a test; web-test-runner.config.mjs
 * starts a Firefox in High Contrast Mode for this file, which is on throughout (turning off is then
 * a no-op).
 */
async function forcedColors(active: boolean): Promise<void> {
  const done = await executeServerCommand<boolean, { active: boolean }>('forced-colors', { active });
  if (!done) {
    if (active) {
      expect(matchMedia('(forced-colors: active)').matches, 'forced colours could not be switched on, and the browser was not started with them').to.equal(true);
    }
    return;
  }
  await waitUntil(() => matchMedia('(forced-colors: active)').matches === active, `forced-colors never became ${active}`);
}

function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`<${element.localName}> has no shadow root`);
  return element.shadowRoot;
}

/** The colour of the part of `element` that outlines it: its border, else its own background. */
function visibleColour(element: Element): string | null {
  const style = getComputedStyle(element);
  if (style.borderTopStyle !== 'none' && Number.parseFloat(style.borderTopWidth) >= 1 && toRgba(style.borderTopColor)[3] > 0) {
    return style.borderTopColor;
  }
  if (toRgba(style.backgroundColor)[3] > 0) return style.backgroundColor;
  return null;
}

/** The opaque background `element` is drawn on: its own, else its nearest ancestor's (through shadow roots). */
function backgroundOf(element: Element): string {
  for (let e: Element | null = element; e; e = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host ?? null)) {
    const background = getComputedStyle(e).backgroundColor;
    if (toRgba(background)[3] === 1) return background;
  }
  return getComputedStyle(document.documentElement).backgroundColor;
}

/** `mark` (a dot or a badge) shows, 3:1 or more against what it sits on. */
function expectVisible(mark: Element, what: string): void {
  const colour = visibleColour(mark);
  expect(colour, `${what} has neither a background nor a border under forced colours`).to.not.equal(null);
  const background = backgroundOf(mark.parentElement ?? mark);
  expect(contrastRatio(colour!, background), `${what}: ${colour} on ${background}`).to.be.at.least(3);
}

/** The focused menu item has a solid ring of 2 px or more, 3:1 or more against the menu. */
function expectFocusRing(element: Element, what: string): void {
  const item = deepActiveElement() as HTMLElement;
  expect(item.getAttribute('role'), `${what}: focus is not on a menu item`).to.equal('menuitemradio');
  const style = getComputedStyle(item);
  expect(style.outlineStyle, `${what}: the focused item's outline`).to.not.equal('none');
  const ring = focusIndicator(item);
  expect(ring?.width ?? 0, `${what}: the focused item's ring width`).to.be.at.least(2);
  const menu = shadow(element).querySelector('[role="menu"]')!;
  const background = getComputedStyle(menu).backgroundColor;
  expect(contrastRatio(ring!.color, background), `${what}: ring ${ring!.color} on ${background}`).to.be.at.least(3);
}

describe('issue 18: under forced colours (forced-colors: active)', () => {
  before(() => forcedColors(true));
  after(() => forcedColors(false));
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await cleanUp();
  });

  for (const width of WIDTHS) {
    describe(`at ${width} px`, () => {
      beforeEach(() => setViewport({ width, height: 800 }));

      it('ACT-1 the Availability menu shows its focus ring and every presence dot', async () => {
        const { element } = await inProvider<AvailabilityMenu>(html`<availability-menu></availability-menu>`);
        expectVisible(shadow(element).querySelector('button .presence')!, 'the dot on the button');
        await element.show();
        await waitUntil(() => deepActiveElement()?.getAttribute('role') === 'menuitemradio', 'no menu item took focus');
        expectFocusRing(element, 'Availability');
        const dots = [...shadow(element).querySelectorAll('[role="menu"] .presence')];
        expect(dots.length).to.equal(5);
        for (const dot of dots) expectVisible(dot, `the dot of ${dot.parentElement?.textContent?.trim() ?? ''}`);
      });

      it('CALL-1 CALL-3 the Call Using menu shows its focus ring and the Remote Extension badge shows', async () => {
        const { element, store } = await inProvider<CallUsingFooter>(html`<call-using-footer></call-using-footer>`);
        // Work from Home calls using its remote extension, Work mobile: the badge marks it in the
        // menu (and the prompt); the bar names the device once, without a badge (issue 18, finding 10).
        await store.setActiveStatus('work-from-home');
        await element.updateComplete;
        await element.show();
        await waitUntil(() => shadow(element).querySelector('[role="menu"] .badge') !== null, 'no Remote Extension badge');
        await waitUntil(() => deepActiveElement()?.getAttribute('role') === 'menuitemradio', 'no menu item took focus');
        expectFocusRing(element, 'Call Using');
        expectVisible(shadow(element).querySelector('[role="menu"] .badge')!, 'the Remote Extension badge in the menu');
      });

      it('EXT-1 the quick status shows the dot of the active status', async () => {
        const { element } = await inProvider<HTMLElement>(html`<quick-status></quick-status>`);
        await waitUntil(() => shadow(element).querySelector('.presence') !== null, 'no presence dot');
        for (const dot of shadow(element).querySelectorAll('.presence')) expectVisible(dot, 'a quick-status dot');
      });
    });
  }
});
