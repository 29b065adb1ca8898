/**
 * The seed's two procedures, end to end, in one provider and only through what a person sees:
 * "To add remote extension numbers" and "To set active remote extension", then where the seed says
 * the number shows up, and the Edit Number lock that follows from it.
 */
import { expect, html } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { PlaceCallRequestEvent, type MyNumbers } from '../../entries/index.js';
import { cleanUp } from '../helpers.js';
import { inProvider } from './fixture.js';
import { byRole, deepActiveElement, descriptionOf, hasRole, nameOf } from './queries.js';

function tag<T extends Element>(provider: Element, name: string): T {
  return provider.querySelector(name) as T;
}

async function platformIdle(store: { state: { pending: readonly unknown[] } }): Promise<void> {
  await waitUntil(() => store.state.pending.length === 0, 'a change never settled');
}

describe('the seed story, in one provider', () => {
  afterEach(cleanUp);

  it('ADD-1 ADD-2 ADD-4 STAT-3 STAT-5 ACT-1 CALL-1 CALL-2 CALL-3 EDIT-2 add a remote extension, choose it for a status, make it active, call with it, find it locked', async () => {
    const { provider, platform, store } = await inProvider<MyNumbers>(html`
      <my-numbers></my-numbers>
      <status-remote-picker></status-remote-picker>
      <availability-menu></availability-menu>
      <call-using-footer></call-using-footer>
    `);
    const myNumbers = tag<HTMLElement>(provider, 'my-numbers');
    const manageStatus = tag<HTMLElement>(provider, 'status-remote-picker');
    const availability = tag<HTMLElement>(provider, 'availability-menu');
    const footer = tag<HTMLElement>(provider, 'call-using-footer');

    // To add remote extension numbers: 2. Click the more menu and select New.
    byRole(myNumbers, 'button', /More/u).click();
    await waitUntil(() => hasRole(myNumbers, 'menuitem', 'New'), 'the more menu never showed New');
    byRole(myNumbers, 'menuitem', 'New').click();
    await waitUntil(() => hasRole(myNumbers, 'dialog', 'Add Number'), 'Add Number never opened');
    const addDialog = byRole(myNumbers, 'dialog', 'Add Number');

    // 3. Add a Label and the Number, and select the checkbox for Remote Extension.
    await waitUntil(() => deepActiveElement() === byRole(addDialog, 'textbox', 'Label'), 'focus never reached Label');
    await sendKeys({ type: 'Cabin' });
    byRole(addDialog, 'textbox', 'Number').focus();
    await sendKeys({ type: '09818123456' });
    byRole(addDialog, 'checkbox', 'Remote Extension').focus();
    await sendKeys({ press: ' ' });
    expect(byRole<HTMLInputElement>(addDialog, 'checkbox', 'Remote Extension').checked).to.equal(true);

    // 4. Click Add. The added number gets displayed under My Numbers.
    byRole(addDialog, 'button', 'Add').click();
    await waitUntil(() => hasRole(myNumbers, 'button', 'Edit Cabin') && !hasRole(myNumbers, 'dialog', 'Add Number'), 'Cabin never appeared');
    await platformIdle(store);
    const cabin = (await platform.load()).numbers.find((n) => n.label === 'Cabin');
    expect(cabin).to.include({ dial: '09818123456', remoteExtension: true, adminProvisioned: false });
    const cabinRow = byRole(myNumbers, 'button', 'Edit Cabin').closest('li')!;
    expect(cabinRow.textContent).to.contain('09818123456');
    expect(cabinRow.textContent).to.contain('Remote Extension');

    // To set active remote extension: 2. Under Manage Status select the preferred status.
    byRole(manageStatus, 'button', 'In a Meeting').click();
    await waitUntil(() => hasRole(manageStatus, 'combobox', 'Remote Extension'), 'Edit Status never opened');

    // 3. From the Remote Extension drop-down list, select the number; Call Using and Send my calls
    // to follow at once.
    const remote = byRole<HTMLSelectElement>(manageStatus, 'combobox', 'Remote Extension');
    const cabinOption = [...remote.options].find((o) => o.text.startsWith('Cabin'));
    expect(cabinOption, 'Cabin is offered').to.not.equal(undefined);
    remote.value = cabinOption!.value;
    remote.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(
      () => byRole<HTMLSelectElement>(manageStatus, 'combobox', 'Call Using').selectedOptions[0]?.text.startsWith('Cabin'),
      'Call Using did not follow the Remote Extension',
    );
    expect(byRole<HTMLSelectElement>(manageStatus, 'combobox', 'Send my calls to').selectedOptions[0]?.text).to.match(/^Cabin/u);

    // 4. Click Done.
    byRole(manageStatus, 'button', 'Done').click();
    await waitUntil(() => hasRole(manageStatus, 'button', 'In a Meeting') && store.state.pending.length === 0, 'Done never saved');
    const meeting = (await platform.load()).statuses.find((s) => s.id === 'in-a-meeting');
    expect(meeting).to.include({ remoteExtensionId: cabin!.id, callUsing: cabin!.id, sendCallsTo: cabin!.id });

    // 5. Set this dynamic status as the active status from the Availability menu.
    byRole(availability, 'button', 'Availability: Available').click();
    await waitUntil(() => hasRole(availability, 'menuitemradio', 'In a Meeting'), 'the Availability menu never opened');
    byRole(availability, 'menuitemradio', 'In a Meeting').click();
    await waitUntil(() => hasRole(availability, 'button', 'Availability: In a Meeting'), 'the Availability button never changed');
    await platformIdle(store);
    expect((await platform.load()).activeStatusId).to.equal('in-a-meeting');

    // The number is shown under the Call Using menu in the footer...
    await waitUntil(() => hasRole(footer, 'button', 'Call Using: Cabin'), 'the footer never showed Cabin');
    byRole(footer, 'button', 'Call Using: Cabin').click();
    await waitUntil(() => hasRole(footer, 'menuitemradio', /^Cabin/u), 'the Call Using menu never listed Cabin');
    expect(byRole(footer, 'menuitemradio', /^Cabin/u).getAttribute('aria-checked')).to.equal('true');
    await sendKeys({ press: 'Escape' });

    // ...and within the Place Call With prompt when the user makes a call.
    // A call button anywhere in the page asks for the prompt.
    myNumbers.dispatchEvent(new PlaceCallRequestEvent('4712'));
    await waitUntil(() => hasRole(footer, 'dialog', 'Place Call With'), 'Place Call With never opened');
    const prompt = byRole(footer, 'dialog', 'Place Call With');
    const cabinRadio = byRole<HTMLInputElement>(prompt, 'radio', /^Cabin/u);
    expect(cabinRadio.checked).to.equal(true);
    expect(nameOf(cabinRadio)).to.contain('Remote Extension');
    byRole(prompt, 'button', 'Cancel').click();
    await waitUntil(() => !hasRole(footer, 'dialog', 'Place Call With'), 'the prompt never closed');

    // Now, in Edit Number, its checkbox and number are locked, and the "i" says why.
    byRole(myNumbers, 'button', 'Edit Cabin').click();
    await waitUntil(() => hasRole(myNumbers, 'dialog', 'Edit Number'), 'Edit Number never opened');
    const editDialog = byRole(myNumbers, 'dialog', 'Edit Number');
    const checkbox = byRole<HTMLInputElement>(editDialog, 'checkbox', 'Remote Extension');
    const number = byRole<HTMLInputElement>(editDialog, 'textbox', 'Number');
    expect(checkbox.getAttribute('aria-disabled')).to.equal('true');
    expect(number.getAttribute('aria-disabled')).to.equal('true');
    expect(number.readOnly).to.equal(true);
    for (const reason of ['It is configured in the dynamic status In a Meeting.', 'It is your active remote extension (status In a Meeting).']) {
      expect(descriptionOf(checkbox)).to.contain(reason);
      expect(descriptionOf(number)).to.contain(reason);
    }
    checkbox.focus();
    await sendKeys({ press: ' ' });
    expect(checkbox.checked, 'a locked checkbox does not change').to.equal(true);
    byRole(editDialog, 'button', 'Why are Remote Extension and Number locked?').click();
    await waitUntil(() => hasRole(editDialog, 'button', 'Why are Remote Extension and Number locked?'));
    expect(editDialog.textContent).to.contain('It is your active remote extension (status In a Meeting).');
  });
});
