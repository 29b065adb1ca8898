import { expect, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { StatusRemotePicker, StatusSavedEvent } from '../../entries/index.js';
import type { SimulatedPlatform } from '../../src/platform/simulated/index.js';
import { adminChangesQuietly, cleanUp, heldPlatform, uniqueDatabase } from '../helpers.js';
import { inProvider } from './fixture.js';

type Options = Parameters<typeof inProvider>[1];

async function mount(options: Options = {}) {
  return inProvider<StatusRemotePicker>(html`<status-remote-picker></status-remote-picker>`, options);
}

function root(element: StatusRemotePicker): ShadowRoot {
  return element.shadowRoot!;
}

/** The accessible name of a control: aria-labelledby, aria-label, its label, else its text. */
function accessibleName(element: Element): string {
  const shadow = element.getRootNode() as ShadowRoot;
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(/\s+/u)
      .map((id) => shadow.getElementById(id)?.textContent?.trim() ?? '')
      .join(' ');
  }
  const label = element.getAttribute('aria-label');
  if (label) return label;
  if (element.id) {
    const forLabel = shadow.querySelector(`label[for="${element.id}"]`);
    if (forLabel) return forLabel.textContent?.trim() ?? '';
  }
  return element.textContent?.trim() ?? '';
}

function buttons(element: StatusRemotePicker): HTMLButtonElement[] {
  return [...root(element).querySelectorAll('button')];
}

function button(element: StatusRemotePicker, name: string): HTMLButtonElement {
  const found = buttons(element).find((b) => accessibleName(b) === name);
  if (!found) throw new Error(`No button named "${name}"; there are: ${buttons(element).map(accessibleName).join(', ')}`);
  return found;
}

/** The visible text of a status's row in the list: its name, presence, RE and Active marker. */
function row(element: StatusRemotePicker, name: string): string {
  return button(element, name).closest('li')?.textContent ?? '';
}

/** The accessible name of what has focus inside the element; '' when nothing there has. */
function focusedName(element: StatusRemotePicker): string {
  const focused = root(element).activeElement;
  return focused ? accessibleName(focused) : '';
}

/** Counts the status/update calls that reach the platform. */
function countStatusUpdates(platform: SimulatedPlatform): { count: number } {
  const counter = { count: 0 };
  const original = platform.updateStatus.bind(platform);
  platform.updateStatus = (...args) => {
    counter.count++;
    return original(...args);
  };
  return counter;
}

function statusButtons(element: StatusRemotePicker): HTMLButtonElement[] {
  return [...root(element).querySelectorAll<HTMLButtonElement>('ul button')];
}

/** The select whose visible <label> reads `name`, or undefined. */
function findSelect(element: StatusRemotePicker, name: string): HTMLSelectElement | undefined {
  return [...root(element).querySelectorAll('select')].find((s) => accessibleName(s) === name);
}

function select(element: StatusRemotePicker, name: string): HTMLSelectElement {
  const found = findSelect(element, name);
  if (!found) throw new Error(`No select labelled "${name}"`);
  return found;
}

function optionTexts(select: HTMLSelectElement): string[] {
  return [...select.options].map((o) => o.text.trim());
}

function selectedText(select: HTMLSelectElement): string {
  return select.selectedOptions[0]?.text.trim() ?? '';
}

function heading(element: StatusRemotePicker): string {
  return root(element).querySelector('h2')?.textContent?.trim() ?? '';
}

function liveRegion(element: StatusRemotePicker): string {
  return root(element).querySelector('[role="status"]')?.textContent?.trim() ?? '';
}

async function choose(element: StatusRemotePicker, name: string, value: string): Promise<void> {
  const target = select(element, name);
  target.value = value;
  target.dispatchEvent(new Event('change', { bubbles: true }));
  await element.updateComplete;
}

async function openStatus(element: StatusRemotePicker, name: string): Promise<void> {
  button(element, name).click();
  await element.updateComplete;
}

/** The administrator takes away this user's permission to change statuses, quietly. */
function adminForbidsStatusChanges(databaseName: string): Promise<void> {
  return adminChangesQuietly(databaseName, (s) => ({
    ...s,
    platform: { ...s.platform, permissions: { ...s.platform.permissions, manageStatuses: false } },
  }));
}

async function platformStatus(platform: SimulatedPlatform, id: string) {
  const snapshot = await platform.load();
  return { version: snapshot.version, status: snapshot.statuses.find((s) => s.id === id)! };
}

describe('<status-remote-picker>', () => {
  afterEach(cleanUp);

  describe('Manage Status', () => {
    it('STAT-1 lists the five statuses, choosing "In a Meeting" opens Edit Status for it', async () => {
      const { element } = await mount();
      expect(heading(element)).to.equal('Manage Status');
      expect(statusButtons(element).map(accessibleName)).to.deep.equal([
        'Available',
        'In a Meeting',
        'Out of Office',
        'Work from Home',
        'Do Not Disturb',
      ]);
      expect(row(element, 'Available')).to.contain('Active');
      expect(row(element, 'In a Meeting')).not.to.contain('Active');
      expect(row(element, 'In a Meeting')).to.contain('Busy');
      await expect(element).to.be.accessible();

      await openStatus(element, 'In a Meeting');
      expect(heading(element)).to.equal('Edit Status');
      expect(root(element).querySelector('#edit-name')?.textContent?.trim()).to.equal('In a Meeting');
      expect(focusedName(element)).to.equal('Edit Status');
      expect(root(element).querySelectorAll('dialog')).to.have.length(0);
      expect(statusButtons(element)).to.have.length(0);
      expect(select(element, 'Remote Extension').value).to.equal('');
      expect(selectedText(select(element, 'Call Using'))).to.equal('MiCollab softphone');
      expect(selectedText(select(element, 'Send my calls to'))).to.equal('MiCollab softphone');
      await expect(element).to.be.accessible();
    });

    it('STAT-1 Cancel returns to the list with focus on the status that was open', async () => {
      const { element } = await mount();
      await openStatus(element, 'Out of Office');
      button(element, 'Cancel').click();
      await element.updateComplete;
      expect(heading(element)).to.equal('Manage Status');
      expect(focusedName(element)).to.equal('Out of Office');
    });

    it('STAT-2 shows a status\'s Remote Extension label in the list', async () => {
      const { element } = await mount();
      const workFromHome = button(element, 'Work from Home');
      expect(row(element, 'Work from Home')).to.contain('Remote Extension Work mobile');
      const description = root(element).getElementById(workFromHome.getAttribute('aria-describedby')!);
      expect(description?.textContent).to.contain('Remote Extension Work mobile');
    });
  });

  describe('Edit Status', () => {
    it('STAT-2 offers None and every remote extension, not Mobile or Home', async () => {
      const { element, store } = await mount();
      await openStatus(element, 'In a Meeting');
      const remote = select(element, 'Remote Extension');
      expect(optionTexts(remote)).to.have.length(2);
      expect(optionTexts(remote)[0]).to.equal('None');
      expect(optionTexts(remote)[1]).to.contain('Remote Extension Work mobile');
      expect(optionTexts(remote).some((t) => t.startsWith('Mobile') || t.startsWith('Home'))).to.equal(false);

      await store.createNumber({ label: 'Cabin', dial: '0812345678', remoteExtension: true });
      await element.updateComplete;
      expect(optionTexts(select(element, 'Remote Extension'))).to.have.length(3);
      expect(optionTexts(select(element, 'Remote Extension'))[2]).to.equal('Cabin (0812345678)');
    });

    it('STAT-3 choosing the Remote Extension sets Call Using and Send my calls to at once', async () => {
      const { element } = await mount();
      await openStatus(element, 'In a Meeting');
      await choose(element, 'Remote Extension', 'work-mobile');
      for (const name of ['Call Using', 'Send my calls to']) {
        expect(select(element, name).value, name).to.equal('work-mobile');
        expect(selectedText(select(element, name)), name).to.contain('Remote Extension Work mobile');
      }
      expect(liveRegion(element)).to.equal('Call Using and Send my calls to now use Remote Extension Work mobile.');
      await expect(element).to.be.accessible();
    });

    it('STAT-4 then Call Using can be changed by hand to Desk phone', async () => {
      const { element, platform } = await mount();
      await openStatus(element, 'In a Meeting');
      await choose(element, 'Remote Extension', 'work-mobile');
      await choose(element, 'Call Using', 'desk-phone');
      expect(select(element, 'Call Using').value).to.equal('desk-phone');
      expect(selectedText(select(element, 'Call Using'))).to.equal('Desk phone (4711)');
      expect(select(element, 'Send my calls to').value).to.equal('work-mobile');
      expect(select(element, 'Remote Extension').value).to.equal('work-mobile');

      button(element, 'Done').click();
      await oneEvent(element, 'status-saved');
      const { status } = await platformStatus(platform, 'in-a-meeting');
      expect(status).to.include({ remoteExtensionId: 'work-mobile', callUsing: 'desk-phone', sendCallsTo: 'work-mobile' });
    });

    it('STAT-5 Done saves in one platform call, shows progress, ignores a second click', async () => {
      const platform = heldPlatform();
      const { element, store } = await mount({ platform });
      const before = await platformStatus(platform, 'in-a-meeting');
      await openStatus(element, 'In a Meeting');
      await choose(element, 'Remote Extension', 'work-mobile');
      await choose(element, 'Send my calls to', 'softphone');
      const calls = countStatusUpdates(platform);
      platform.hold();

      const saved = oneEvent(element, 'status-saved');
      const done = button(element, 'Done');
      done.click();
      await element.updateComplete;
      await waitUntil(() => platform.waiting === 1, 'the save never reached the platform');
      expect(done.textContent?.trim()).to.equal('Saving…');
      expect(done.getAttribute('aria-disabled')).to.equal('true');
      expect(liveRegion(element)).to.equal('Saving…');
      await expect(element).to.be.accessible();
      done.click();
      platform.release();
      const event = (await saved) as unknown as StatusSavedEvent;
      expect(event.statusId).to.equal('in-a-meeting');
      expect(event.bubbles && event.composed).to.equal(true);
      // A second save, had one been sent, is queued behind the first and pending in the Store until
      // the platform has answered it too.
      await waitUntil(() => store.state.pending.length === 0 && platform.waiting === 0, 'the Store never settled');
      expect(calls.count).to.equal(1);

      const after = await platformStatus(platform, 'in-a-meeting');
      expect(after.version).to.equal(before.version + 1);
      expect(after.status).to.include({ remoteExtensionId: 'work-mobile', callUsing: 'work-mobile', sendCallsTo: 'softphone' });
      await element.updateComplete;
      expect(heading(element)).to.equal('Manage Status');
      expect(liveRegion(element)).to.equal('In a Meeting saved.');
      expect(focusedName(element)).to.equal('In a Meeting');
      expect(row(element, 'In a Meeting')).to.contain('Remote Extension Work mobile');
    });

    it('STAT-5 Cancel sends nothing and discards the draft', async () => {
      const { element, platform } = await mount();
      const before = await platformStatus(platform, 'in-a-meeting');
      await openStatus(element, 'In a Meeting');
      await choose(element, 'Remote Extension', 'work-mobile');
      button(element, 'Cancel').click();
      await element.updateComplete;
      expect(heading(element)).to.equal('Manage Status');

      const after = await platformStatus(platform, 'in-a-meeting');
      expect(after.version).to.equal(before.version);
      expect(after.status).to.deep.equal(before.status);
      await openStatus(element, 'In a Meeting');
      expect(select(element, 'Remote Extension').value).to.equal('');
      expect(select(element, 'Call Using').value).to.equal('softphone');
    });

    it('STAT-5 leaving without Done discards the draft', async () => {
      const { element, platform, provider } = await mount();
      const before = await platformStatus(platform, 'in-a-meeting');
      await openStatus(element, 'In a Meeting');
      await choose(element, 'Remote Extension', 'work-mobile');
      element.remove();
      provider.append(element);
      await element.updateComplete;
      expect(heading(element)).to.equal('Manage Status');
      expect((await platformStatus(platform, 'in-a-meeting')).version).to.equal(before.version);
    });

    it('STAT-6 on Work from Home choosing None puts both back to Desk phone, the platform default', async () => {
      const { element, platform } = await mount();
      await openStatus(element, 'Work from Home');
      expect(select(element, 'Remote Extension').value).to.equal('work-mobile');
      await choose(element, 'Remote Extension', '');
      for (const name of ['Call Using', 'Send my calls to']) {
        expect(select(element, name).value, name).to.equal('desk-phone');
        expect(selectedText(select(element, name)), name).to.equal('Desk phone (4711)');
      }
      expect(liveRegion(element)).to.equal('No Remote Extension. Calls that used it now use Desk phone.');
      button(element, 'Done').click();
      await oneEvent(element, 'status-saved');
      const { status } = await platformStatus(platform, 'work-from-home');
      expect(status).to.include({ remoteExtensionId: null, callUsing: 'desk-phone', sendCallsTo: 'desk-phone' });
    });

    it('STAT-6 a hand-set Send my calls to of Softphone stays when None is chosen', async () => {
      const { element } = await mount();
      await openStatus(element, 'Work from Home');
      await choose(element, 'Send my calls to', 'softphone');
      await choose(element, 'Remote Extension', '');
      expect(select(element, 'Call Using').value).to.equal('desk-phone');
      expect(select(element, 'Send my calls to').value).to.equal('softphone');
      expect(selectedText(select(element, 'Send my calls to'))).to.equal('MiCollab softphone');
    });

    it('PLAT-1 has no Remote Extension dropdown on MiVoice Business, and one note says why', async () => {
      const { element, platform } = await mount({ profile: { kind: 'mivoice-business' } });
      await openStatus(element, 'Work from Home');
      expect(findSelect(element, 'Remote Extension') === undefined, 'a Remote Extension select').to.equal(true);
      expect(root(element).querySelectorAll('select')).to.have.length(2);
      const text = root(element).textContent ?? '';
      expect(text.split('Remote Extension needs MiVoice MX-One.')).to.have.length(2);
      await expect(element).to.be.accessible();

      // Manage Status still works there.
      await choose(element, 'Call Using', 'mobile');
      button(element, 'Done').click();
      await oneEvent(element, 'status-saved');
      expect((await platformStatus(platform, 'work-from-home')).status.callUsing).to.equal('mobile');
    });

    it('SYNC-3 a refused save keeps Edit Status open with the draft and shows the reason', async () => {
      const databaseName = uniqueDatabase('platform');
      const { element, platform } = await mount({ databaseName });
      await openStatus(element, 'In a Meeting');
      await choose(element, 'Remote Extension', 'work-mobile');
      await choose(element, 'Call Using', 'desk-phone');
      // The administrator stops this user changing statuses; nothing tells this Store.
      await adminForbidsStatusChanges(databaseName);
      const before = await platformStatus(platform, 'in-a-meeting');
      button(element, 'Done').click();
      const reason = 'Your administrator does not allow you to change this.';
      await waitUntil(() => root(element).querySelector('#save-error'), 'no reason shown');
      await element.updateComplete;

      expect(heading(element)).to.equal('Edit Status');
      expect(root(element).querySelector('#save-error')?.textContent?.trim()).to.equal(reason);
      const done = button(element, 'Done');
      expect(done.getAttribute('aria-describedby')).to.equal('save-error');
      expect(done.getAttribute('aria-disabled')).to.equal('false');
      expect(liveRegion(element)).to.equal(reason);
      expect(select(element, 'Remote Extension').value).to.equal('work-mobile');
      expect(select(element, 'Call Using').value).to.equal('desk-phone');
      expect(select(element, 'Send my calls to').value).to.equal('work-mobile');
      await expect(element).to.be.accessible();

      const after = await platformStatus(platform, 'in-a-meeting');
      expect(after.version).to.equal(before.version);
      expect(after.status).to.deep.equal(before.status);
    });

    it('SYNC-6 a Remote Extension removed by the administrator while editing resets the draft to None', async () => {
      const { element, platform } = await mount();
      await openStatus(element, 'Work from Home');
      await choose(element, 'Send my calls to', 'softphone');
      await platform.admin.removeNumber('work-mobile');
      await waitUntil(() => select(element, 'Remote Extension').value === '', 'the removed RE stayed chosen');
      expect(heading(element)).to.equal('Edit Status');
      expect(optionTexts(select(element, 'Remote Extension'))).to.deep.equal(['None']);
      expect(select(element, 'Call Using').value).to.equal('desk-phone');
      expect(select(element, 'Send my calls to').value).to.equal('softphone');
      expect(liveRegion(element)).to.contain('removed');

      button(element, 'Done').click();
      await oneEvent(element, 'status-saved');
      const { status } = await platformStatus(platform, 'work-from-home');
      expect(status).to.include({ remoteExtensionId: null, callUsing: 'desk-phone', sendCallsTo: 'softphone' });
    });

    it('STAT-1 STAT-3 STAT-5 work with the keyboard only', async () => {
      const { element, platform } = await mount();
      const before = await platformStatus(platform, 'in-a-meeting');
      (document.activeElement as HTMLElement | null)?.blur();
      await sendKeys({ press: 'Tab' });
      expect(focusedName(element)).to.equal('Available');
      await sendKeys({ press: 'Tab' });
      expect(focusedName(element)).to.equal('In a Meeting');
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(heading(element)).to.equal('Edit Status');

      await sendKeys({ press: 'Tab' });
      const remote = select(element, 'Remote Extension');
      expect(focusedName(element)).to.equal('Remote Extension');
      // On a focused, closed select ArrowDown picks the next option in Chromium and Firefox alike.
      await sendKeys({ press: 'ArrowDown' });
      await element.updateComplete;
      expect(remote.value).to.equal('work-mobile');
      expect(select(element, 'Call Using').value).to.equal('work-mobile');

      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(focusedName(element)).to.equal('Done');
      const saved = oneEvent(element, 'status-saved');
      await sendKeys({ press: 'Enter' });
      await saved;
      await element.updateComplete;
      expect(focusedName(element)).to.equal('In a Meeting');
      const after = await platformStatus(platform, 'in-a-meeting');
      expect(after.version).to.equal(before.version + 1);
      expect(after.status).to.include({ remoteExtensionId: 'work-mobile', callUsing: 'work-mobile', sendCallsTo: 'work-mobile' });
    });

    it('EMB-3 shows a number label with markup as text', async () => {
      const { element, store } = await mount();
      const label = '<img src=x onerror="window.__pwned=1"><b>Boat</b>';
      await store.updateNumber('work-mobile', { label });
      await element.updateComplete;
      expect(row(element, 'Work from Home')).to.contain(label);
      await openStatus(element, 'Work from Home');
      expect(selectedText(select(element, 'Remote Extension'))).to.equal(`${label} (0701234567)`);
      await choose(element, 'Remote Extension', '');
      await choose(element, 'Remote Extension', 'work-mobile');
      expect(liveRegion(element)).to.contain(label);
      expect(root(element).querySelectorAll('img, b')).to.have.length(0);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });
  });

  describe('loading and errors', () => {
    it('SYNC-3 shows why loading failed, and Try again loads', async () => {
      const { element, platform } = await mount({ failureRate: 1 });
      expect(root(element).textContent).to.contain('Your settings could not be loaded.');
      await expect(element).to.be.accessible();
      platform.configure({ failureRate: 0 });
      button(element, 'Try again').click();
      await waitUntil(() => heading(element) === 'Manage Status', 'the list never came');
      expect(statusButtons(element)).to.have.length(5);
    });

    it('speaks Swedish inside lang="sv"', async () => {
      const { element } = await inProvider<HTMLElement>(html`<div lang="sv"><status-remote-picker></status-remote-picker></div>`);
      const picker = element.querySelector('status-remote-picker')!;
      await picker.updateComplete;
      expect(heading(picker)).to.equal('Hantera status');
      await openStatus(picker, 'In a Meeting');
      expect(findSelect(picker, 'Ring med') !== undefined, 'a Ring med select').to.equal(true);
      expect(buttons(picker).map(accessibleName)).to.include('Klar');
    });
  });
});
