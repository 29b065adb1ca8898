/**
 * Issue 18, finding 10: one visual language. What a person sees: every device has an icon of its
 * kind (Call Using menu, Place Call With, My Numbers), the lists share one look, the footer does
 * not repeat "Remote Extension", the prompt names whom it calls, headings and pills are readable,
 * a dialog's backdrop is clearly visible in both schemes, and dropdowns are not page-wide.
 */
import { expect, html } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import '../../entries/define.js';
import '../../entries/quick-status.js';
import {
  PlaceCallRequestEvent,
  type CallUsingFooter,
  type MyNumbers,
  type StatusRemotePicker,
} from '../../entries/index.js';
import type { QuickStatus } from '../../entries/quick-status.js';
import { devices, type Device } from '../../src/model/index.js';
import { cleanUp } from '../helpers.js';
import { contrastRatio, opaque } from './contrast.js';
import { inProvider } from './fixture.js';

function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error('no shadow root');
  return element.shadowRoot;
}

function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/gu, ' ').trim();
}

/** The icon a device of this kind shows. */
const iconOf = (device: Device) => (device.kind === 'number' ? 'mobile' : device.kind);

/** The icon in `scope`: an svg.icon hidden from assistive technology; throws when there is none. */
function icon(scope: Element): SVGElement {
  const found = scope.querySelector<SVGElement>('svg.icon');
  if (!found) throw new Error(`no icon in "${text(scope)}"`);
  expect(found.getAttribute('aria-hidden'), 'the icon is hidden from screen readers').to.equal('true');
  expect(found.getBoundingClientRect().width, 'the icon is painted').to.be.greaterThan(8);
  return found;
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

function px(value: string): number {
  return Number.parseFloat(value);
}

async function footer() {
  return inProvider<CallUsingFooter>(html`<call-using-footer style="margin-block-start: 20em"></call-using-footer>`);
}

async function openMenu(element: CallUsingFooter): Promise<HTMLElement[]> {
  await element.show();
  await element.updateComplete;
  return [...shadow(element).querySelectorAll<HTMLElement>('[role="menuitemradio"]')];
}

async function openPrompt(element: CallUsingFooter, request: PlaceCallRequestEvent): Promise<HTMLDialogElement> {
  document.body.dispatchEvent(request);
  const dialog = shadow(element).querySelector('dialog')!;
  await waitUntil(() => dialog.open, 'Place Call With never opened');
  await element.updateComplete;
  return dialog;
}

async function editStatus(element: StatusRemotePicker, name: string): Promise<void> {
  const button = [...shadow(element).querySelectorAll<HTMLButtonElement>('button.status')].find((b) => text(b) === name);
  if (!button) throw new Error(`no status "${name}"`);
  button.click();
  await waitUntil(() => shadow(element).querySelector('select'), 'Edit Status never opened');
}

/** The look a list has: its container's border and corners, and the padding of a row. */
function listLook(list: Element, row: Element) {
  const box = getComputedStyle(list);
  const item = getComputedStyle(row);
  return {
    border: `${box.borderTopWidth} ${box.borderTopStyle}`,
    radius: box.borderTopLeftRadius,
    rowPadding: `${item.paddingTop} ${item.paddingLeft}`,
  };
}

describe('issue 18, finding 10: one visual language', () => {
  afterEach(cleanUp);

  it('CALL-1 CALL-3 each device in the Call Using menu, and the button, has an icon of its kind', async () => {
    const { element, store } = await footer();
    const button = shadow(element).querySelector<HTMLElement>('button[aria-haspopup="menu"]')!;
    expect(icon(button).dataset['icon']).to.equal('desk');
    const items = await openMenu(element);
    const kinds = devices(store.state.data!).map(iconOf);
    expect(items.map((item) => icon(item).dataset['icon'])).to.deep.equal(kinds);
    expect(kinds).to.include.members(['desk', 'softphone', 'mobile']);
  });

  it('CALL-2 CALL-3 each device in Place Call With has an icon of its kind; the active remote extension is marked', async () => {
    const { element, store } = await footer();
    await store.setActiveStatus('work-from-home');
    const dialog = await openPrompt(element, new PlaceCallRequestEvent('4712'));
    const labels = [...dialog.querySelectorAll('label')];
    expect(labels.map((label) => icon(label).dataset['icon'])).to.deep.equal(devices(store.state.data!).map(iconOf));
    const marked = labels.filter((label) => text(label.querySelector('.badge')) === 'Remote Extension');
    expect(marked.map(text)).to.deep.equal(['Remote Extension Work mobile 0701234567 Remote Extension']);
  });

  it('NUM-1 each row of My Numbers has the icon of a number', async () => {
    const { element } = await inProvider<MyNumbers>(html`<my-numbers></my-numbers>`);
    const rows = [...shadow(element).querySelectorAll<HTMLElement>('[part="number"]')];
    expect(rows).to.have.length(3);
    expect(rows.map((row) => icon(row).dataset['icon'])).to.deep.equal(['mobile', 'mobile', 'mobile']);
  });

  it('NUM-1 STAT-1 ACT-1 My Numbers, Manage Status and the popup share one list look', async () => {
    const numbers = await inProvider<MyNumbers>(html`<my-numbers></my-numbers>`);
    const numbersList = shadow(numbers.element).querySelector('[part="list"]')!;
    const mine = listLook(numbersList, numbersList.querySelector('[part="number"]')!);
    await cleanUp();
    const picker = await inProvider<StatusRemotePicker>(html`<status-remote-picker></status-remote-picker>`);
    const statusList = shadow(picker.element).querySelector('[part="list"]')!;
    const statuses = listLook(statusList, statusList.querySelector('[part="item"]')!);
    await cleanUp();
    const popup = await inProvider<QuickStatus>(html`<quick-status></quick-status>`);
    const group = shadow(popup.element).querySelector('[role="radiogroup"]')!;
    const radios = listLook(group, group.querySelector('[role="radio"]')!);
    expect(px(mine.border), 'a bordered container').to.be.at.least(1);
    expect(mine.border).to.match(/ solid$/u);
    expect(px(mine.radius), 'rounded corners').to.be.greaterThan(0);
    expect(statuses, 'Manage Status looks like My Numbers').to.deep.equal(mine);
    expect(radios, 'the popup looks like My Numbers').to.deep.equal(mine);
  });

  it('CALL-1 CALL-3 the footer bar does not repeat "Remote Extension": the badge is in the menu and the prompt', async () => {
    const { element, store } = await footer();
    await store.setActiveStatus('work-from-home');
    await element.updateComplete;
    const bar = shadow(element).querySelector('.bar')!;
    const where = bar.querySelector('[part="where"]');
    const visible = [...bar.childNodes].filter((node) => node !== where && node.nodeType !== Node.COMMENT_NODE).map(text).join(' ');
    expect(count(visible, 'Remote Extension'), visible).to.be.at.most(1);
    expect(bar.querySelector('.badge'), 'no badge in the bar').to.equal(null);
    const items = await openMenu(element);
    expect(items.filter((item) => item.querySelector('.badge')).map(text)).to.deep.equal([
      'Remote Extension Work mobile 0701234567 Remote Extension',
    ]);
  });

  it('CALL-2 the prompt names the contact when the request carries a name, in English and Swedish', async () => {
    const { element } = await footer();
    let dialog = await openPrompt(element, new PlaceCallRequestEvent('4712', 'Maria Berg'));
    expect(text(dialog.querySelector('form > p'))).to.equal('Call Maria Berg (4712)');
    dialog.close();
    await waitUntil(() => !dialog.open);
    element.placeCall('4730');
    await waitUntil(() => dialog.open);
    await element.updateComplete;
    expect(text(dialog.querySelector('form > p')), 'without a name, the number').to.equal('Call 4730');
    dialog.close();
    element.lang = 'sv';
    await waitUntil(() => !dialog.open);
    element.placeCall('4712', 'Maria Berg');
    await waitUntil(() => dialog.open);
    // Its lang changed while it was on screen: it renders at once with the words it has, and in
    // Swedish once they have been fetched (issue 19).
    dialog = shadow(element).querySelector('dialog')!;
    await waitUntil(() => text(dialog.querySelector('form > p')) === 'Ring Maria Berg (4712)', 'the prompt never spoke Swedish');
  });

  it('NUM-1 STAT-1 CALL-2 headings are one readable size; pills are 13 px or more with 4.5:1 contrast', async () => {
    const { element, provider } = await inProvider<MyNumbers>(
      html`<my-numbers></my-numbers><status-remote-picker></status-remote-picker><call-using-footer></call-using-footer>`,
    );
    const picker = provider.querySelector('status-remote-picker')!;
    const foot = provider.querySelector('call-using-footer')!;
    await picker.updateComplete;
    const prompt = await openPrompt(foot, new PlaceCallRequestEvent('4712'));
    const headings = [shadow(element).querySelector('h2')!, shadow(picker).querySelector('h2')!, prompt.querySelector('h2')!];
    const sizes = headings.map((h) => px(getComputedStyle(h).fontSize));
    expect(new Set(sizes).size, `one size: ${sizes.join(', ')}`).to.equal(1);
    expect(sizes[0]).to.be.at.least(18);
    expect(headings.map((h) => Number(getComputedStyle(h).fontWeight))).to.deep.equal([600, 600, 600]);
    prompt.close();

    const surface = getComputedStyle(element).backgroundColor;
    const pills = [...shadow(element).querySelectorAll<HTMLElement>('[part="markers"] li')];
    expect(pills.length).to.be.greaterThan(0);
    for (const pill of pills) {
      const style = getComputedStyle(pill);
      expect(px(style.fontSize), text(pill)).to.be.at.least(13);
      const behind = style.backgroundColor === 'rgba(0, 0, 0, 0)' ? surface : opaque(style.backgroundColor, surface);
      expect(contrastRatio(style.color, behind), text(pill)).to.be.at.least(4.5);
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`CALL-2 NUM-3 a dialog's backdrop is clearly visible in the ${theme} scheme`, async () => {
      const { element } = await inProvider<CallUsingFooter>(html`<call-using-footer theme=${theme}></call-using-footer>`);
      const dialog = await openPrompt(element, new PlaceCallRequestEvent('4712'));
      const backdrop = getComputedStyle(dialog, '::backdrop').backgroundColor;
      const alpha = /rgba?\([^)]*?,\s*([\d.]+)\)/u.exec(backdrop)?.[1] ?? (backdrop.startsWith('rgb(') ? '1' : '0');
      expect(Number(alpha), backdrop).to.be.at.least(0.5);
      // The dialog's edge is distinct from the dimmed page behind it.
      const border = getComputedStyle(dialog);
      expect(px(border.borderTopWidth)).to.be.at.least(1);
    });
  }

  it('STAT-2 STAT-4 dropdowns are no wider than their container and at most about 24em', async () => {
    const { element, provider } = await inProvider<StatusRemotePicker>(
      html`<status-remote-picker></status-remote-picker><quick-status></quick-status>`,
    );
    const popup = provider.querySelector('quick-status')!;
    await editStatus(element, 'Work from Home');
    const selects = [...shadow(element).querySelectorAll('select'), ...shadow(popup).querySelectorAll('select')];
    expect(selects).to.have.length(4);
    for (const select of selects) {
      const width = select.getBoundingClientRect().width;
      const host = (select.getRootNode() as ShadowRoot).host;
      const em = px(getComputedStyle(select).fontSize);
      expect(width, select.id).to.be.at.most(host.getBoundingClientRect().width);
      expect(width / em, `${select.id} in em`).to.be.at.most(24.5);
      const button = shadow(element).querySelector<HTMLElement>('[part="done"]')!;
      expect(select.getBoundingClientRect().height, `${select.id} as tall as a button`).to.be.closeTo(
        button.getBoundingClientRect().height,
        1.5,
      );
    }
  });
});
