/**
 * Issue 18, findings 1, 4 and 6: at 320, 1280 and 1920 px, laid out as the demo pages lay them out,
 * the Availability and Call Using menus and the line a placed call leaves stay inside the viewport
 * with none of their text clipped (the footer at the bottom of the client, and at the top of the
 * intranet page); the page never scrolls sideways; Edit Status's dropdowns stay inside their
 * element; and the focused menu item has a focus indicator of at least 3:1 against the menu
 * (Chromium runs in light mode, Firefox in dark, so both schemes are measured).
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import type { AvailabilityMenu, CallUsingFooter, StatusRemotePicker } from '../../entries/index.js';
import { cleanUp } from '../helpers.js';
import { waitUntil } from '../wait.js';
import { contrastRatio, focusIndicator, opaque } from './contrast.js';
import { inProvider, type Mounted } from './fixture.js';
import { demoPage, HEIGHT, intranetPage, pageStyles, restorePage, WIDTHS } from './pages.js';
import { deepActiveElement } from './queries.js';

const pages = {
  'the demo (footer at the bottom)': { template: demoPage(), css: '/demo/demo.css' },
  'the intranet (footer at the top)': { template: intranetPage, css: '/demo/intranet.css' },
} as const;

async function mountPage(template: TemplateResult, css: string): Promise<Mounted<HTMLElement>> {
  await pageStyles(css);
  const mounted = await inProvider<HTMLElement>(template);
  for (const element of mounted.provider.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('*')) {
    if (element.updateComplete) await element.updateComplete;
  }
  return mounted;
}

function get<T extends Element>(scope: Element, tag: string): T {
  const found = scope.querySelector<T>(tag);
  if (!found) throw new Error(`no <${tag}>`);
  return found;
}

function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`<${element.localName}> has no shadow root`);
  return element.shadowRoot;
}

/** `inner` lies inside `outer` (sub-pixel rounding forgiven). */
function inside(inner: DOMRect, outer: { left: number; top: number; right: number; bottom: number }): boolean {
  return inner.left >= outer.left - 0.5 && inner.top >= outer.top - 0.5 && inner.right <= outer.right + 0.5 && inner.bottom <= outer.bottom + 0.5;
}

function viewport() {
  return { left: 0, top: 0, right: document.documentElement.clientWidth, bottom: document.documentElement.clientHeight };
}

function describeRect(r: DOMRect): string {
  return `${Math.round(r.left)},${Math.round(r.top)} → ${Math.round(r.right)},${Math.round(r.bottom)}`;
}

/**
 * Every part of `box` (the menu or the call-status line) and each of its text-holding descendants
 * lies inside the viewport, and no text is cut: each box is as wide as its content.
 */
function expectInViewportUnclipped(box: HTMLElement, what: string): void {
  const view = viewport();
  const parts = [box, ...box.querySelectorAll<HTMLElement>('*')].filter((e) => e.getClientRects().length > 0);
  for (const part of parts) {
    const rect = part.getBoundingClientRect();
    const name = `${what}: <${part.localName}> "${part.textContent?.trim() ?? ''}"`;
    expect(inside(rect, view), `${name} at ${describeRect(rect)} is outside the ${view.right}×${view.bottom} viewport`).to.equal(true);
    expect(part.scrollWidth, `${name} is clipped (scrollWidth ${part.scrollWidth} > clientWidth ${part.clientWidth})`).to.be.at.most(
      Math.max(part.clientWidth, Math.ceil(rect.width)),
    );
  }
}

function menuOf(element: Element): HTMLElement {
  return shadow(element).querySelector<HTMLElement>('[role="menu"]')!;
}

function items(element: Element): HTMLElement[] {
  return [...shadow(element).querySelectorAll<HTMLElement>('[role="menuitemradio"]')];
}

/** Scrolls `element` into view, as a person would before using it, and lets the page settle. */
async function reach(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

async function openMenu(element: AvailabilityMenu | CallUsingFooter): Promise<HTMLElement> {
  await reach(element);
  await element.show();
  await waitUntil(() => deepActiveElement()?.getAttribute('role') === 'menuitemradio', 'no menu item took focus');
  const menu = menuOf(element);
  // Placed after it opened (measured), then drawn.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  expect(items(element).length, 'the menu lists nothing').to.be.above(1);
  return menu;
}

function horizontalOverflow(): number {
  return document.documentElement.scrollWidth - document.documentElement.clientWidth;
}

describe('issue 18: menus, popovers and layout inside the viewport', () => {
  afterEach(async () => {
    await restorePage();
    await cleanUp();
  });

  for (const width of WIDTHS) {
    describe(`at ${width} px`, () => {
      beforeEach(async () => {
        await setViewport({ width, height: HEIGHT });
      });

      for (const [page, { template, css }] of Object.entries(pages)) {
        it(`ACT-1 the Availability menu on ${page} stays inside the viewport, no status name clipped`, async () => {
          const { provider } = await mountPage(template, css);
          const availability = get<AvailabilityMenu>(provider, 'availability-menu');
          const menu = await openMenu(availability);
          expectInViewportUnclipped(menu, 'Availability menu');
          expect(horizontalOverflow(), 'the page scrolls sideways with the menu open').to.be.at.most(0);
        });

        it(`CALL-1 the Call Using menu on ${page} stays inside the viewport, no device clipped`, async () => {
          const { provider } = await mountPage(template, css);
          const footer = get<CallUsingFooter>(provider, 'call-using-footer');
          const menu = await openMenu(footer);
          expectInViewportUnclipped(menu, 'Call Using menu');
          expect(horizontalOverflow(), 'the page scrolls sideways with the menu open').to.be.at.most(0);
        });

        it(`CALL-2 the line a placed call leaves on ${page} stays inside the viewport`, async () => {
          const { provider } = await mountPage(template, css);
          const footer = get<CallUsingFooter>(provider, 'call-using-footer');
          await reach(footer);
          footer.placeCall('087001000');
          const dialog = () => shadow(footer).querySelector('dialog');
          await waitUntil(() => dialog()?.open === true, 'Place Call With never opened');
          shadow(footer).querySelector<HTMLButtonElement>('[part="call-button"]')!.click();
          await waitUntil(() => shadow(footer).querySelector('.call-status') !== null, 'no call status line');
          await waitUntil(() => dialog()?.open === false, 'the prompt never closed');
          await new Promise((resolve) => requestAnimationFrame(resolve));
          await new Promise((resolve) => requestAnimationFrame(resolve));
          expectInViewportUnclipped(shadow(footer).querySelector<HTMLElement>('.call-status')!, 'call status line');
        });
      }

      it('ACT-1 CALL-1 the focused menu item shows a focus indicator of at least 3:1 against the menu', async () => {
        const { provider } = await mountPage(demoPage(), '/demo/demo.css');
        for (const tag of ['availability-menu', 'call-using-footer'] as const) {
          const element = get<AvailabilityMenu | CallUsingFooter>(provider, tag);
          const menu = await openMenu(element);
          const item = deepActiveElement() as HTMLElement;
          const indicator = focusIndicator(item);
          expect(indicator, `${tag}: the focused item has no outline or box-shadow`).to.not.equal(null);
          // Against the menu around the item, and against the item's own (tinted) background.
          const menuBackground = getComputedStyle(menu).backgroundColor;
          const itemBackground = opaque(getComputedStyle(item).backgroundColor, menuBackground);
          for (const background of [menuBackground, itemBackground]) {
            const ratio = contrastRatio(indicator!.color, background);
            expect(ratio, `${tag}: focus indicator ${indicator!.color} on ${background}`).to.be.at.least(3);
          }
          expect(indicator!.width, `${tag}: focus indicator width`).to.be.at.least(2);
          element.hide();
          await element.updateComplete;
        }
      });
    });
  }

  describe('at 320 px', () => {
    beforeEach(async () => {
      await setViewport({ width: 320, height: HEIGHT });
    });

    for (const [page, { template, css }] of Object.entries(pages)) {
      // 320 px, and 640 px: what 1280 px is at 200 % zoom.
      it(`EMB-1 ${page} with every element on it does not scroll sideways at 320 and 640 px`, async () => {
        await mountPage(template, css);
        expect(horizontalOverflow(), `document is ${document.documentElement.scrollWidth} px wide at 320 px`).to.be.at.most(0);
        await setViewport({ width: 640, height: HEIGHT });
        await new Promise((resolve) => requestAnimationFrame(resolve));
        expect(horizontalOverflow(), `document is ${document.documentElement.scrollWidth} px wide at 640 px`).to.be.at.most(0);
      });
    }

    it('STAT-2 Edit Status keeps its dropdowns inside the element and the page', async () => {
      const { provider } = await mountPage(demoPage(), '/demo/demo.css');
      const picker = get<StatusRemotePicker>(provider, 'status-remote-picker');
      shadow(picker).querySelector<HTMLButtonElement>('button[data-status-id="work-from-home"]')!.click();
      await picker.updateComplete;
      const selects = [...shadow(picker).querySelectorAll('select')];
      expect(selects.length).to.equal(3);
      const host = picker.getBoundingClientRect();
      for (const select of selects) {
        const rect = select.getBoundingClientRect();
        expect(inside(rect, host), `#${select.id} at ${describeRect(rect)} sticks out of ${describeRect(host)}`).to.equal(true);
      }
      expect(horizontalOverflow(), `document is ${document.documentElement.scrollWidth} px wide`).to.be.at.most(0);
    });
  });
});
