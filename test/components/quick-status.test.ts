import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type {
  ActiveStatusChangeEvent,
  AvailabilityMenu,
  CallUsingFooter,
  RemoteExtensionProvider,
} from '../../entries/index.js';
import '../../entries/quick-status.js';
import type { QuickStatus } from '../../entries/quick-status.js';
import { SimulatedPlatform } from '../../src/platform/simulated/index.js';
import type { Store } from '../../src/store/index.js';
import { adminRemovesStatus, cleanUp, heldPlatform, simulatedPlatform, uniqueDatabase } from '../helpers.js';
import { inProvider } from './fixture.js';
import { byRole, descriptionOf, hasRole, nameOf } from './queries.js';

type Options = Parameters<typeof inProvider>[1];

/** A platform that does not let this user change their statuses' routing. */
class NoStatusEditingPlatform extends SimulatedPlatform {
  override async load(...args: Parameters<SimulatedPlatform['load']>) {
    const snapshot = await super.load(...args);
    const permissions = { ...snapshot.platform.permissions, manageStatuses: false };
    return { ...snapshot, platform: { ...snapshot.platform, permissions } };
  }
}

const markup = '<img src=x onerror="window.__pwned=1"><b>Bold</b>';

/** A platform whose "In a Meeting" status is named with markup, as a hostile platform might send. */
class MarkupStatusPlatform extends SimulatedPlatform {
  override async load(...args: Parameters<SimulatedPlatform['load']>) {
    const snapshot = await super.load(...args);
    const statuses = snapshot.statuses.map((s) => (s.id === 'in-a-meeting' ? { ...s, name: markup } : s));
    return { ...snapshot, statuses };
  }
}

async function mount(options: Options = {}) {
  return inProvider<QuickStatus>(html`<quick-status></quick-status>`, options);
}

function root(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error('no shadow root');
  return element.shadowRoot;
}

function text(node: Element | ShadowRoot | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/gu, ' ').trim();
}

function group(element: QuickStatus): HTMLElement {
  return byRole(element, 'radiogroup', 'Status');
}

function radios(element: QuickStatus): HTMLElement[] {
  return [...group(element).querySelectorAll<HTMLElement>('[role="radio"]')];
}

function radio(element: QuickStatus, name: string): HTMLElement {
  const found = radios(element).find((r) => nameOf(r) === name);
  if (!found) throw new Error(`no radio "${name}"; there are: ${radios(element).map(nameOf).join(', ')}`);
  return found;
}

function checked(element: QuickStatus): string[] {
  return radios(element)
    .filter((r) => r.getAttribute('aria-checked') === 'true')
    .map(nameOf);
}

/** The Remote Extension dropdown, by its accessible name, which names the status (`Fjärranknytning för …` in Swedish). */
function remoteExtension(element: QuickStatus, name: string | RegExp = /^Remote Extension for /u): HTMLSelectElement {
  return byRole<HTMLSelectElement>(element, 'combobox', name);
}

function optionTexts(select: HTMLSelectElement): string[] {
  return [...select.options].map((o) => o.text.trim());
}

/** The at-a-glance list as [term, description] pairs. */
function summary(element: QuickStatus): string[][] {
  const list = root(element).querySelector('[part="summary"]');
  if (!list) throw new Error('no summary');
  return [...list.querySelectorAll('dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]);
}

function focused(element: Element): Element | null {
  return root(element).activeElement;
}

function liveRegion(element: Element): string {
  return text(root(element).querySelector('[role="status"]'));
}

async function settled(store: Store): Promise<void> {
  await waitUntil(() => store.state.pending.length === 0, 'the change never settled');
}

/** A pointer pick in the dropdown: its value changes and `change` fires, with no key pressed. */
async function chooseRemoteExtension(element: QuickStatus, value: string, name?: string | RegExp): Promise<void> {
  const select = remoteExtension(element, name);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await element.updateComplete;
}

/** Counts the calls of one platform method, which still runs. */
function count<K extends 'setActiveStatus' | 'updateStatus'>(platform: SimulatedPlatform, method: K): { calls: number } {
  const counter = { calls: 0 };
  const original = platform[method].bind(platform) as (...args: unknown[]) => unknown;
  (platform as unknown as Record<K, (...args: unknown[]) => unknown>)[method] = (...args: unknown[]) => {
    counter.calls++;
    return original(...args);
  };
  return counter;
}

/** Holds the platform's answer to `method` until `release()`, so a test can look at "Saving…". */
function hold(platform: SimulatedPlatform, method: 'setActiveStatus' | 'updateStatus'): { release: () => void } {
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const original = platform[method].bind(platform) as (...args: unknown[]) => Promise<unknown>;
  (platform as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[method] = async (...args: unknown[]) => {
    await gate;
    return original(...args);
  };
  return { release: () => release() };
}

describe('<quick-status>', () => {
  afterEach(cleanUp);

  describe('at a glance', () => {
    it('EXT-1 ACT-1 at 320 px a choice moves nothing under the pointer: the summary and the waiting note come after the controls', async () => {
      await setViewport({ width: 320, height: 640 });
      try {
        const { element, platform, store } = await mount();
        const controls = () => [...radios(element), remoteExtension(element)];
        const places = () => controls().map((c) => `${c.getBoundingClientRect().top},${c.getBoundingClientRect().left}`);
        const before = places();
        radio(element, 'Work from Home').click();
        await settled(store);
        await element.updateComplete;
        // The summary now names a long number over more lines than before.
        expect(summary(element)[1]?.[1]).to.equal('Remote Extension Work mobile (0701234567)');
        expect(places(), 'after a saved choice').to.deep.equal(before);
        // The closed dropdown shows its choice whole: the label and the number, not "(07012…".
        const select = remoteExtension(element);
        const style = getComputedStyle(select);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const shown = context.measureText(select.selectedOptions[0]?.text ?? '').width;
        const room = select.clientWidth - Number.parseFloat(style.paddingInlineStart) - Number.parseFloat(style.paddingInlineEnd);
        expect(shown, 'the choice fits its dropdown').to.be.at.most(room);

        platform.configure({ offline: true });
        radio(element, 'Do Not Disturb').click();
        await waitUntil(() => root(element).querySelector('[part="note"].waiting'), 'the waiting note never showed');
        await element.updateComplete;
        expect(places(), 'with the waiting note showing').to.deep.equal(before);
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('EXT-1 ACT-1 shows the current status, its Remote Extension, and every status as a radio group', async () => {
      const { element, store } = await mount();
      expect(summary(element)).to.deep.equal([
        ['Current status', 'Available'],
        ['Active Remote Extension', 'No remote extension'],
        ['Calls', 'Calls ring on and go out from Desk phone, 4711.'],
      ]);
      expect(radios(element).map(nameOf)).to.deep.equal([
        'Available',
        'In a Meeting',
        'Out of Office',
        'Work from Home',
        'Do Not Disturb',
      ]);
      expect(checked(element)).to.deep.equal(['Available']);
      // Roving tabindex: the checked radio is the group's one tab stop.
      expect(radios(element).map((r) => r.tabIndex)).to.deep.equal([0, -1, -1, -1, -1]);
      expect(group(element).getAttribute('aria-busy')).to.equal('false');
      await expect(element).to.be.accessible();

      await store.setActiveStatus('work-from-home');
      await element.updateComplete;
      expect(summary(element)).to.deep.equal([
        ['Current status', 'Work from Home'],
        ['Active Remote Extension', 'Remote Extension Work mobile (0701234567)'],
        ['Calls', 'Calls ring on and go out from Remote Extension Work mobile, 0701234567.'],
      ]);
      expect(checked(element)).to.deep.equal(['Work from Home']);
      expect(radios(element).map((r) => r.tabIndex)).to.deep.equal([-1, -1, -1, 0, -1]);
    });
  });

  describe('choosing a status', () => {
    it('ACT-1 one click on "Do Not Disturb" shows it at once, says Saving…, and the platform holds it', async () => {
      const { element, platform, store } = await mount();
      const answer = hold(platform, 'setActiveStatus');
      const changed = oneEvent<ActiveStatusChangeEvent>(element, 'active-status-change');
      radio(element, 'Do Not Disturb').click();
      await element.updateComplete;

      // Optimistic: checked and summarised before the platform answers.
      expect(checked(element)).to.deep.equal(['Do Not Disturb']);
      expect(summary(element)[0]).to.deep.equal(['Current status', 'Do Not Disturb']);
      expect(group(element).getAttribute('aria-busy')).to.equal('true');
      expect(text(root(element))).to.contain('Saving…');
      expect(liveRegion(element)).to.equal('Saving…');
      await expect(element).to.be.accessible();

      answer.release();
      const event = await changed;
      expect(event.statusId).to.equal('do-not-disturb');
      expect(event.bubbles && event.composed).to.equal(true);
      await settled(store);
      await element.updateComplete;
      expect((await platform.load()).activeStatusId).to.equal('do-not-disturb');
      expect(group(element).getAttribute('aria-busy')).to.equal('false');
      expect(text(root(element))).not.to.contain('Saving…');
      expect(liveRegion(element)).to.equal('Do Not Disturb is now your status.');
    });

    it('ACT-1 clicking the status already in force sends nothing', async () => {
      const { element, platform } = await mount();
      const calls = count(platform, 'setActiveStatus');
      radio(element, 'Available').click();
      await element.updateComplete;
      expect(calls.calls).to.equal(0);
      expect(liveRegion(element)).to.equal('');
    });

    it('ACT-1 keyboard only: Tab lands on the checked radio, arrows move focus without sending, Space chooses', async () => {
      const { element, platform, store } = await mount();
      await store.setActiveStatus('out-of-office');
      await element.updateComplete;
      const calls = count(platform, 'setActiveStatus');
      const before = await platform.load();

      (document.activeElement as HTMLElement | null)?.blur();
      await sendKeys({ press: 'Tab' });
      expect(focused(element)).to.equal(radio(element, 'Out of Office'));

      const moves: Array<[string, string]> = [
        ['ArrowDown', 'Work from Home'],
        ['ArrowDown', 'Do Not Disturb'],
        ['ArrowDown', 'Available'], // wraps
        ['ArrowUp', 'Do Not Disturb'], // wraps back
        ['ArrowLeft', 'Work from Home'],
        ['ArrowRight', 'Do Not Disturb'],
      ];
      for (const [key, name] of moves) {
        await sendKeys({ press: key });
        await element.updateComplete;
        expect(focused(element), `${key} → ${name}`).to.equal(radio(element, name));
        // The focused radio is the tab stop while focus is in the group.
        expect(radios(element).filter((r) => r.tabIndex === 0)).to.deep.equal([radio(element, name)]);
      }
      // Moving focus sent nothing: Out of Office is still checked, here and on the platform.
      expect(checked(element)).to.deep.equal(['Out of Office']);
      expect(calls.calls).to.equal(0);
      expect((await platform.load()).version).to.equal(before.version);

      // Tab leaves the group from the focused radio; Shift+Tab comes back to the checked one.
      await sendKeys({ press: 'Tab' });
      expect(focused(element)).to.equal(remoteExtension(element));
      await element.updateComplete;
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(focused(element)).to.equal(radio(element, 'Out of Office'));

      await sendKeys({ press: 'ArrowUp' });
      expect(focused(element)).to.equal(radio(element, 'In a Meeting'));
      const changed = oneEvent<ActiveStatusChangeEvent>(element, 'active-status-change');
      await sendKeys({ press: ' ' });
      await element.updateComplete;
      expect(checked(element)).to.deep.equal(['In a Meeting']);
      expect((await changed).statusId).to.equal('in-a-meeting');
      await settled(store);
      expect(calls.calls).to.equal(1);
      expect((await platform.load()).activeStatusId).to.equal('in-a-meeting');
      await element.updateComplete;
      expect(focused(element)).to.equal(radio(element, 'In a Meeting'));
      expect(liveRegion(element)).to.equal('In a Meeting is now your status.');
    });

    it('SYNC-3 a refused status change rolls back and shows the platform\'s reason next to the group', async () => {
      const databaseName = uniqueDatabase('platform');
      const { element, platform, store } = await mount({ databaseName });
      // The administrator removes Out of Office; nothing tells this Store, which still offers it.
      await adminRemovesStatus(databaseName, 'out-of-office');
      radio(element, 'Out of Office').click();
      await element.updateComplete;
      expect(checked(element)).to.deep.equal(['Out of Office']);
      await waitUntil(() => root(element).querySelector('#status-error'), 'no reason shown');
      await settled(store);
      await element.updateComplete;

      const reason = 'This status no longer exists.';
      const error = root(element).querySelector('#status-error');
      expect(text(error)).to.equal(reason);
      expect(error?.getAttribute('part')).to.equal('error');
      expect(group(element).getAttribute('aria-describedby')).to.equal('status-error');
      expect(group(element).getAttribute('aria-busy')).to.equal('false');
      expect(liveRegion(element)).to.equal(reason);
      expect(checked(element)).to.deep.equal(['Available']);
      expect(summary(element)[0]).to.deep.equal(['Current status', 'Available']);
      await expect(element).to.be.accessible();
      expect((await platform.load()).activeStatusId).to.equal('available');
    });
  });

  describe('Remote Extension', () => {
    it('STAT-2 offers None and only remote extension numbers, showing the current status\'s', async () => {
      const { element, store } = await mount();
      const select = remoteExtension(element);
      expect(optionTexts(select)).to.deep.equal(['None', 'Remote Extension Work mobile']);
      expect(select.value).to.equal('');

      await store.createNumber({ label: 'Cabin', dial: '0812345678', remoteExtension: true });
      await store.createNumber({ label: 'Summer house', dial: '0823456789', remoteExtension: false });
      await element.updateComplete;
      expect(optionTexts(remoteExtension(element))).to.deep.equal(['None', 'Remote Extension Work mobile', 'Cabin']);
      // Two with one label are told apart by their numbers.
      await store.createNumber({ label: 'Cabin', dial: '0834567890', remoteExtension: true });
      await element.updateComplete;
      expect(optionTexts(remoteExtension(element))).to.deep.equal([
        'None',
        'Remote Extension Work mobile',
        'Cabin (0812345678)',
        'Cabin (0834567890)',
      ]);

      await store.setActiveStatus('work-from-home');
      await element.updateComplete;
      expect(remoteExtension(element).value).to.equal('work-mobile');
    });

    it('STAT-3 choosing the Remote Extension saves Call Using and Send my calls to with it on the platform', async () => {
      const { element, platform, store } = await mount();
      const answer = hold(platform, 'updateStatus');
      await chooseRemoteExtension(element, 'work-mobile');
      const field = root(element).querySelector('[part="remote-extension"]');
      expect(field?.getAttribute('aria-busy')).to.equal('true');
      expect(text(field)).to.contain('Saving…');
      // Optimistic: the summary already shows it.
      expect(summary(element)[1]).to.deep.equal(['Active Remote Extension', 'Remote Extension Work mobile (0701234567)']);
      await expect(element).to.be.accessible();

      answer.release();
      await settled(store);
      await element.updateComplete;
      const status = (await platform.load()).statuses.find((s) => s.id === 'available');
      expect(status).to.include({ remoteExtensionId: 'work-mobile', callUsing: 'work-mobile', sendCallsTo: 'work-mobile' });
      expect(field?.getAttribute('aria-busy')).to.equal('false');
      expect(remoteExtension(element).value).to.equal('work-mobile');
      expect(liveRegion(element)).to.equal('Call Using and Send my calls to now use Remote Extension Work mobile.');
    });

    it('STAT-6 choosing None puts Call Using and Send my calls to back to Desk phone', async () => {
      const { element, platform, store } = await mount();
      await store.setActiveStatus('work-from-home');
      await element.updateComplete;
      await chooseRemoteExtension(element, '');
      await settled(store);
      await element.updateComplete;
      const status = (await platform.load()).statuses.find((s) => s.id === 'work-from-home');
      expect(status).to.include({ remoteExtensionId: null, callUsing: 'desk-phone', sendCallsTo: 'desk-phone' });
      expect(summary(element).slice(1)).to.deep.equal([['Active Remote Extension', 'No remote extension'], ['Calls', 'Calls ring on and go out from Desk phone, 4711.']]);
      expect(liveRegion(element)).to.equal('No Remote Extension. Calls that used it now use Desk phone.');
    });

    it('SYNC-3 STAT-2 a refused Remote Extension rolls back and shows the reason', async () => {
      const platform = heldPlatform();
      const { element, store } = await mount({ platform });
      const before = (await platform.load()).statuses.find((s) => s.id === 'available');
      platform.hold();
      await chooseRemoteExtension(element, 'work-mobile');
      await waitUntil(() => platform.waiting === 1, 'the change never reached the platform');
      // The administrator removes Work mobile after this Store checked and sent the change.
      await platform.admin.removeNumber('work-mobile');
      platform.release();
      await waitUntil(() => root(element).querySelector('#remote-extension-error'), 'no reason shown');
      await settled(store);
      await element.updateComplete;

      const reason = 'Only a remote extension number can be a status’s Remote Extension.';
      expect(text(root(element).querySelector('#remote-extension-error'))).to.equal(reason);
      expect(remoteExtension(element).value).to.equal('');
      expect(remoteExtension(element).getAttribute('aria-describedby')).to.equal('remote-extension-error');
      expect(summary(element).slice(1)).to.deep.equal([['Active Remote Extension', 'No remote extension'], ['Calls', 'Calls ring on and go out from Desk phone, 4711.']]);
      expect(liveRegion(element)).to.equal(reason);
      await expect(element).to.be.accessible();
      expect((await platform.load()).statuses.find((s) => s.id === 'available')).to.deep.equal(before);

      // The reason belongs to Available's dropdown: another current status does not show it.
      radio(element, 'Work from Home').click();
      await settled(store);
      await element.updateComplete;
      expect(root(element).querySelector('#remote-extension-error')).to.equal(null);
      expect(remoteExtension(element).hasAttribute('aria-describedby')).to.equal(false);
    });

    it('STAT-2 without permission to manage statuses the dropdown stays focusable, aria-disabled, and explained', async () => {
      const platform = new NoStatusEditingPlatform({ databaseName: uniqueDatabase('platform') });
      const { element } = await mount({ platform });
      const calls = count(platform, 'updateStatus');
      const select = remoteExtension(element);
      expect(select.disabled).to.equal(false);
      expect(select.getAttribute('aria-disabled')).to.equal('true');
      const description = root(element).getElementById(select.getAttribute('aria-describedby') ?? '');
      expect(text(description)).to.equal('Your administrator does not allow you to change this.');
      await expect(element).to.be.accessible();

      select.focus();
      await sendKeys({ press: 'ArrowDown' });
      await element.updateComplete;
      expect(focused(element)).to.equal(select);
      expect(select.value).to.equal('');
      await chooseRemoteExtension(element, 'work-mobile');
      expect(remoteExtension(element).value).to.equal('');
      expect(calls.calls).to.equal(0);
    });

    it('STAT-2 ArrowUp on the focused dropdown saves nothing: Escape or the status\'s own value puts it back, Enter saves once', async () => {
      const { element, platform, store } = await mount();
      await store.setActiveStatus('work-from-home');
      await settled(store);
      await element.updateComplete;
      const calls = count(platform, 'updateStatus');
      const routing = async () => (await platform.load()).statuses.find((s) => s.id === 'work-from-home');
      const before = await routing();
      const select = remoteExtension(element, 'Remote Extension for Work from Home');
      const hasSave = () => hasRole(element, 'button', 'Save');
      expect(hasSave(), 'no Save button while nothing is chosen').to.equal(false);

      select.focus();
      await sendKeys({ press: 'ArrowUp' });
      await waitUntil(() => select.value === '', 'ArrowUp did not move to None');
      await waitUntil(hasSave, 'no Save button after a keyboard change');
      await element.updateComplete;
      expect(focused(element)).to.equal(select);
      expect(store.state.pending).to.have.length(0);
      expect(calls.calls).to.equal(0);
      expect(await routing()).to.deep.equal(before);
      expect(summary(element)[1]).to.deep.equal(['Active Remote Extension', 'Remote Extension Work mobile (0701234567)']);
      expect(descriptionOf(select)).to.equal('Not saved yet. Press Enter or Save to save, Escape to undo.');
      await expect(element).to.be.accessible();

      // Choosing the status's own value again puts it back.
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => select.value === 'work-mobile', 'ArrowDown did not move back');
      await waitUntil(() => !hasSave(), 'Save stayed after going back to the saved value');
      // Escape puts it back.
      await sendKeys({ press: 'ArrowUp' });
      await waitUntil(hasSave, 'no Save button after the second ArrowUp');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !hasSave(), 'Save stayed after Escape');
      await element.updateComplete;
      expect(select.value).to.equal('work-mobile');
      expect(focused(element)).to.equal(select);
      expect(calls.calls).to.equal(0);
      expect(await routing()).to.deep.equal(before);

      // Enter saves the choice, once.
      await sendKeys({ press: 'ArrowUp' });
      await waitUntil(hasSave, 'no Save button after the third ArrowUp');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => calls.calls > 0, 'Enter did not save');
      await settled(store);
      await element.updateComplete;
      expect(calls.calls).to.equal(1);
      expect(await routing()).to.include({ remoteExtensionId: null, callUsing: 'desk-phone', sendCallsTo: 'desk-phone' });
      expect(hasSave()).to.equal(false);
      expect(select.value).to.equal('');
      expect(focused(element)).to.equal(select);
      expect(liveRegion(element)).to.equal('No Remote Extension. Calls that used it now use Desk phone.');
    });

    it('STAT-3 ArrowDown then Save saves the Remote Extension once, and focus stays on the dropdown', async () => {
      const { element, platform, store } = await mount();
      const calls = count(platform, 'updateStatus');
      const before = await platform.load();
      const select = remoteExtension(element, 'Remote Extension for Available');
      select.focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => select.value === 'work-mobile', 'ArrowDown did not move to Work mobile');
      await waitUntil(() => hasRole(element, 'button', 'Save'), 'no Save button after a keyboard change');
      expect(calls.calls).to.equal(0);
      expect((await platform.load()).version).to.equal(before.version);

      byRole(element, 'button', 'Save').click();
      await settled(store);
      await element.updateComplete;
      expect(calls.calls).to.equal(1);
      const status = (await platform.load()).statuses.find((s) => s.id === 'available');
      expect(status).to.include({ remoteExtensionId: 'work-mobile', callUsing: 'work-mobile', sendCallsTo: 'work-mobile' });
      expect(hasRole(element, 'button', 'Save')).to.equal(false);
      expect(focused(element)).to.equal(remoteExtension(element));
      expect(liveRegion(element)).to.equal('Call Using and Send my calls to now use Remote Extension Work mobile.');
    });

    it('STAT-2 the dropdown\'s label and accessible name name the status it edits', async () => {
      const { element, store } = await mount();
      const select = remoteExtension(element, 'Remote Extension for Available');
      expect(text(select.labels?.[0])).to.equal('Remote Extension for Available');
      await store.setActiveStatus('work-from-home');
      await element.updateComplete;
      expect(remoteExtension(element, 'Remote Extension for Work from Home').value).to.equal('work-mobile');
    });

    it('EXT-1 STAT-6 with None, the summary names the phone that rings instead', async () => {
      const { element, store } = await mount();
      expect(summary(element).slice(1)).to.deep.equal([['Active Remote Extension', 'No remote extension'], ['Calls', 'Calls ring on and go out from Desk phone, 4711.']]);
      await store.setActiveStatus('in-a-meeting');
      await element.updateComplete;
      expect(summary(element).slice(1)).to.deep.equal([['Active Remote Extension', 'No remote extension'], ['Calls', 'Calls ring on and go out from MiCollab softphone.']]);
    });

    it('PLAT-1 on MiVoice Business there is no Remote Extension dropdown, one note says why, and statuses still change', async () => {
      const { element, platform, store } = await mount({ profile: { kind: 'mivoice-business' } });
      expect(hasRole(element, 'combobox', /Remote Extension/u)).to.equal(false);
      expect(root(element).querySelectorAll('select')).to.have.length(0);
      expect(text(root(element)).split('Remote Extension needs MiVoice MX-One.')).to.have.length(2);
      expect(summary(element)).to.deep.equal([
        ['Current status', 'Available'],
        ['Calls', 'Calls ring on and go out from Desk phone, 4711.'],
      ]);
      await expect(element).to.be.accessible();

      radio(element, 'Work from Home').click();
      await settled(store);
      expect((await platform.load()).activeStatusId).to.equal('work-from-home');
    });
  });

  describe('on one page', () => {
    it('ACT-2 the Availability menu and Call Using footer in the same provider follow a status chosen here, and back', async () => {
      const { element, provider, store } = await inProvider<QuickStatus>(html`
        <quick-status></quick-status>
        <availability-menu></availability-menu>
        <call-using-footer></call-using-footer>
      `);
      const menu = provider.querySelector('availability-menu') as AvailabilityMenu;
      const footer = provider.querySelector('call-using-footer') as CallUsingFooter;
      await Promise.all([menu.updateComplete, footer.updateComplete]);

      radio(element, 'Work from Home').click();
      await settled(store);
      await Promise.all([element.updateComplete, menu.updateComplete, footer.updateComplete]);
      expect(hasRole(menu, 'button', 'Availability: Work from Home')).to.equal(true);
      expect(hasRole(footer, 'button', 'Call Using: Remote Extension Work mobile')).to.equal(true);

      byRole(menu, 'button', 'Availability: Work from Home').click();
      await menu.updateComplete;
      byRole(menu, 'menuitemradio', 'Do Not Disturb').click();
      await settled(store);
      await element.updateComplete;
      expect(checked(element)).to.deep.equal(['Do Not Disturb']);
      expect(summary(element)).to.deep.equal([
        ['Current status', 'Do Not Disturb'],
        ['Active Remote Extension', 'No remote extension'],
        ['Calls', 'Calls ring on and go out from Desk phone, 4711.'],
      ]);
    });
  });

  describe('text, language and states', () => {
    it('EMB-3 renders a status name and a number label with markup as text', async () => {
      const platform = new MarkupStatusPlatform({ databaseName: uniqueDatabase('platform') });
      const { element, store } = await mount({ platform });
      expect(radios(element).map(nameOf)).to.include(markup);
      await store.updateNumber('work-mobile', { label: markup });
      await store.setActiveStatus('work-from-home');
      await element.updateComplete;
      expect(summary(element)[1]).to.deep.equal(['Active Remote Extension', `${markup} (0701234567)`]);
      expect(optionTexts(remoteExtension(element))).to.include(markup);
      expect(root(element).querySelectorAll('img, b')).to.have.length(0);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('ACT-1 STAT-2 speaks Swedish under lang="sv"', async () => {
      const { element: wrapper, store } = await inProvider<HTMLElement>(html`<div lang="sv"><quick-status></quick-status></div>`);
      const element = wrapper.querySelector('quick-status')!;
      await element.updateComplete;
      expect(summary(element)).to.deep.equal([
        ['Nuvarande status', 'Available'],
        ['Aktiv fjärranknytning', 'Ingen fjärranknytning'],
        ['Samtal', 'Samtal ringer på och går ut från Bordstelefon, 4711.'],
      ]);
      expect(hasRole(element, 'radiogroup', 'Status')).to.equal(true);
      expect(optionTexts(remoteExtension(element, 'Fjärranknytning för Available'))[0]).to.equal('Ingen');
      radio(element, 'Do Not Disturb').click();
      await settled(store);
      await element.updateComplete;
      expect(liveRegion(element)).to.equal('Do Not Disturb är nu din status.');
      await chooseRemoteExtension(element, 'work-mobile', 'Fjärranknytning för Do Not Disturb');
      await settled(store);
      await element.updateComplete;
      expect(liveRegion(element)).to.equal('Ring med och Skicka mina samtal till använder nu Remote Extension Work mobile.');
    });

    it('STAT-2 EXT-1 in Swedish the dropdown names its status, Spara saves, and None names the ringing phone', async () => {
      const { element: wrapper, store } = await inProvider<HTMLElement>(html`<div lang="sv"><quick-status></quick-status></div>`);
      const element = wrapper.querySelector('quick-status')!;
      await element.updateComplete;
      await store.setActiveStatus('in-a-meeting');
      await element.updateComplete;
      expect(summary(element).slice(1)).to.deep.equal([
        ['Aktiv fjärranknytning', 'Ingen fjärranknytning'],
        ['Samtal', 'Samtal ringer på och går ut från MiCollab-softphone.'],
      ]);
      const select = remoteExtension(element, 'Fjärranknytning för In a Meeting');
      select.focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => hasRole(element, 'button', 'Spara'), 'no Spara button after a keyboard change');
      expect(descriptionOf(select)).to.equal('Inte sparat än. Tryck på Retur eller Spara för att spara, Esc för att ångra.');
      await expect(element).to.be.accessible();
    });

    it('EXT-1 says Loading… while the platform has not answered', async () => {
      const platform = simulatedPlatform({ latency: 60000 });
      const provider = await fixture<RemoteExtensionProvider>(
        html`<remote-extension-provider .client=${platform}><quick-status></quick-status></remote-extension-provider>`,
      );
      const element = provider.querySelector('quick-status')!;
      await waitUntil(() => text(root(element)).includes('Loading…'), 'Loading… never showed');
      expect(text(root(element).querySelector('[aria-busy="true"]'))).to.equal('Loading…');
      expect(hasRole(element, 'radiogroup', 'Status')).to.equal(false);
      await expect(element).to.be.accessible();
    });

    it('SYNC-3 shows why loading failed, and Try again loads', async () => {
      const { element, platform } = await mount({ failureRate: 1 });
      expect(text(root(element))).to.contain('Your settings could not be loaded.');
      expect(root(element).querySelector('[part="error"]')).to.not.equal(null);
      await expect(element).to.be.accessible();
      platform.configure({ failureRate: 0 });
      byRole(element, 'button', 'Try again').click();
      await waitUntil(() => hasRole(element, 'radiogroup', 'Status'), 'the statuses never came');
      expect(radios(element)).to.have.length(5);
    });

    it('NUM-6 SYNC-4 a status that cannot be sent waits: the note and the announcement say so, the summary says what rings now', async () => {
      const { element, platform } = await mount();
      platform.configure({ offline: true });
      radio(element, 'Work from Home').click();
      await waitUntil(() => text(root(element)).includes('1 change is waiting to be sent'), 'the waiting note never showed');
      expect(liveRegion(element)).to.equal('Work from Home is waiting to be sent. It will be your status when the connection is back.');
      // The radio shows the choice; the summary what is in force on the phone system now.
      expect(checked(element)).to.deep.equal(['Work from Home']);
      expect(summary(element)[0]).to.deep.equal(['Current status', 'Available']);
      expect(summary(element)[2]).to.deep.equal(['Calls', 'Calls ring on and go out from Desk phone, 4711.']);
      expect(text(root(element))).not.to.contain('Saving…');
      await expect(element).to.be.accessible();

      platform.configure({ offline: false });
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => root(element).querySelector('[part="note"].waiting') === null, 'the note stayed');
      expect(summary(element)[0]).to.deep.equal(['Current status', 'Work from Home']);
      expect(text(root(element))).not.to.contain('Waiting to be sent');
      expect(summary(element)[2]).to.deep.equal(['Calls', 'Calls ring on and go out from Remote Extension Work mobile, 0701234567.']);
    });
  });
});
