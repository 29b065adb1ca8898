import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { AddNumberDialog, NumberSavedEvent, RemoteExtensionProvider } from '../../entries/index.js';
import { newId, type NumberChanges } from '../../src/model/index.js';
import { afterAnImageOfXFails, cleanUp, heldPlatform, simulatedPlatform } from '../helpers.js';
import { inProvider } from './fixture.js';

type Options = Parameters<typeof inProvider>[1];

// --- What a person sees, found by role and name --------------------------------------------------

function root(element: AddNumberDialog): ShadowRoot {
  return element.shadowRoot!;
}

function dialogOf(element: AddNumberDialog): HTMLDialogElement {
  return root(element).querySelector('dialog')!;
}

/** The input whose `<label>` reads `name`, or null when there is none. */
function field(element: AddNumberDialog, name: string): HTMLInputElement | null {
  const label = [...root(element).querySelectorAll('label')].find((l) => l.textContent?.trim() === name);
  return label ? root(element).getElementById(label.htmlFor) as HTMLInputElement | null : null;
}

function button(element: AddNumberDialog, name: string): HTMLButtonElement | null {
  return (
    [...root(element).querySelectorAll('button')].find(
      (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
    ) ?? null
  );
}

/** The text of the elements an `aria-describedby` points at. */
function description(element: AddNumberDialog, control: Element): string {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/u).filter(Boolean);
  return ids.map((id) => root(element).getElementById(id)?.textContent?.replace(/\s+/gu, ' ').trim() ?? '').join(' ');
}

function liveRegion(element: AddNumberDialog): HTMLElement {
  return root(element).querySelector('[role="status"]')!;
}

function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Types as a person does: focus, then keystrokes. */
async function typeInto(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  input.select();
  await sendKeys({ type: text });
}

/** Replaces a field's value at once (for tests that are not about typing). */
async function fill(element: AddNumberDialog, name: string, value: string): Promise<void> {
  const input = field(element, name)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('blur'));
  await element.updateComplete;
}

async function mount(options: Options = {}) {
  return inProvider<AddNumberDialog>(html`<add-number-dialog></add-number-dialog>`, options);
}

/** The dialog with a real `<button>` opener in the page, focused, that calls `showAdd`. */
async function mountWithOpener(options: Options = {}) {
  const mounted = await mount(options);
  const opener = document.createElement('button');
  opener.textContent = 'New';
  opener.addEventListener('click', () => mounted.element.showAdd());
  mounted.provider.prepend(opener);
  opener.focus();
  return { ...mounted, opener };
}

async function openAdd(element: AddNumberDialog): Promise<void> {
  element.showAdd();
  await element.updateComplete;
}

async function openEdit(element: AddNumberDialog, numberId: string): Promise<void> {
  element.showEdit(numberId);
  await element.updateComplete;
}

// --- Where things are: issue 18, nothing moves under the pointer ------------------------------------

/** Where each element is on the screen, to the hundredth of a pixel. */
function places(elements: readonly Element[]): string[] {
  return elements.map((el) => {
    const r = el.getBoundingClientRect();
    return [r.left, r.top, r.width, r.height].map((n) => n.toFixed(2)).join(' ');
  });
}

/** The centre of an element, in whole CSS pixels, as `sendMouse` takes it. */
function centreOf(el: Element): [number, number] {
  const r = el.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

/**
 * A real press on `target`: the button goes down at its centre, the dialog renders what that did
 * (the field left behind shows its message), and `during` sees the page between down and up,
 * as a person's press lasts; then the button comes up at the same point.
 */
async function press(element: AddNumberDialog, target: Element, during: () => void | Promise<void> = () => {}) {
  const [x, y] = centreOf(target);
  await sendMouse({ type: 'move', position: [x, y] });
  await sendMouse({ type: 'down' });
  await element.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await during();
  await sendMouse({ type: 'up' });
}

/** A simulated platform whose user already has the most numbers the rules allow (100). */
async function platformWithAHundredNumbers() {
  const platform = simulatedPlatform({ persist: false });
  for (let i = (await platform.load()).numbers.length; i < 100; i++) {
    const number = { id: `seed-${i}`, label: `Number ${i}`, dial: `06${10_000_000 + i}`, remoteExtension: false };
    await platform.createNumber({ type: 'number/create', id: newId(), number });
  }
  return platform;
}

describe('<add-number-dialog>', () => {
  afterEach(cleanUp);

  describe('Add Number', () => {
    it('ADD-1 is a modal dialog labelled "Add Number" with Label, Number, Remote Extension, Add and Cancel', async () => {
      const { element, opener } = await mountWithOpener();
      opener.click();
      await element.updateComplete;
      const dialog = dialogOf(element);
      expect(dialog.open).to.equal(true);
      expect(dialog.matches(':modal')).to.equal(true);
      expect(element.open).to.equal(true);
      expect(element.hasAttribute('open')).to.equal(true);
      expect(root(element).getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).to.equal('Add Number');
      expect(field(element, 'Label')?.type).to.equal('text');
      expect(field(element, 'Number')?.getAttribute('inputmode')).to.equal('tel');
      expect(field(element, 'Remote Extension')?.type).to.equal('checkbox');
      expect(field(element, 'Remote Extension')?.checked).to.equal(false);
      expect(button(element, 'Add')?.type).to.equal('submit');
      expect(button(element, 'Cancel')).to.exist;
      expect(field(element, 'FMC'), 'FMC is for editing only').to.equal(null);
      expect(field(element, 'Call Through'), 'Call Through is for editing only').to.equal(null);
      await waitUntil(() => deepActiveElement() === field(element, 'Label'), 'focus did not move into the dialog');
      await expect(element).to.be.accessible();
    });

    it('ADD-1 Escape closes without changes and focus returns to the opener', async () => {
      const { element, opener, platform } = await mountWithOpener();
      opener.click();
      await element.updateComplete;
      await typeInto(field(element, 'Label')!, 'Cabin');
      await typeInto(field(element, 'Number')!, '0981812345');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialogOf(element).open, 'Escape did not close the dialog');
      expect(element.open).to.equal(false);
      expect(element.hasAttribute('open')).to.equal(false);
      expect(document.activeElement).to.equal(opener);
      expect((await platform.load()).numbers.map((n) => n.label)).to.deep.equal([
        'Remote Extension Work mobile',
        'Mobile',
        'Home',
      ]);
    });

    it('ADD-1 Tab stays inside the modal dialog', async () => {
      const { element, opener, provider } = await mountWithOpener();
      const after = document.createElement('button');
      after.textContent = 'After';
      provider.append(after);
      opener.click();
      await element.updateComplete;
      await waitUntil(() => deepActiveElement() === field(element, 'Label'));
      const dialog = dialogOf(element);
      const order = ['label', 'number', 'remote-extension', 'Add', 'Cancel'];
      const name = (el: Element | null) => (el ? el.id || (el.textContent ?? '').trim() : '');
      // Forward through every control, then back: focus is always a control of the dialog.
      for (const expected of order.slice(1)) {
        await sendKeys({ press: 'Tab' });
        expect(name(root(element).activeElement)).to.equal(expected);
      }
      await sendKeys({ down: 'Shift' });
      for (const expected of order.slice(0, -1).reverse()) {
        await sendKeys({ press: 'Tab' });
        expect(name(root(element).activeElement)).to.equal(expected);
        expect(dialog.contains(root(element).activeElement)).to.equal(true);
      }
      await sendKeys({ up: 'Shift' });
      // The page around the modal dialog is inert: no Tab (nor script) can focus it. (Tabbing past
      // the last control goes to the browser's own toolbar, which Firefox does not give back.)
      opener.focus();
      after.focus();
      expect(deepActiveElement()).to.equal(field(element, 'Label'));
    });

    it('ADD-1 Cancel closes without changes and returns focus to the opener', async () => {
      const { element, opener, platform } = await mountWithOpener();
      opener.click();
      await element.updateComplete;
      await fill(element, 'Label', 'Cabin');
      await fill(element, 'Number', '0981812345');
      button(element, 'Cancel')!.click();
      await element.updateComplete;
      expect(dialogOf(element).open).to.equal(false);
      expect(element.open).to.equal(false);
      expect(document.activeElement).to.equal(opener);
      expect((await platform.load()).numbers).to.have.length(3);
      // Opening again starts from an empty form.
      await openAdd(element);
      expect(field(element, 'Label')!.value).to.equal('');
      expect(field(element, 'Number')!.value).to.equal('');
    });

    it('ADD-2 checking Remote Extension creates a remote extension on the platform', async () => {
      const { element, platform } = await mount();
      await openAdd(element);
      await fill(element, 'Label', 'Cabin');
      await fill(element, 'Number', '0981812345');
      field(element, 'Remote Extension')!.click();
      await element.updateComplete;
      expect(field(element, 'Remote Extension')!.checked).to.equal(true);
      button(element, 'Add')!.click();
      await waitUntil(() => !element.open, 'the dialog did not close');
      const cabin = (await platform.load()).numbers.find((n) => n.label === 'Cabin');
      expect(cabin).to.include({ dial: '0981812345', remoteExtension: true, adminProvisioned: false });
    });

    it('ADD-3 without an admin-provisioned remote extension the checkbox is aria-disabled and the "i" explains', async () => {
      const { element, platform } = await mount({ profile: { adminRemoteExtension: false } });
      await openAdd(element);
      const checkbox = field(element, 'Remote Extension')!;
      expect(checkbox.getAttribute('aria-disabled')).to.equal('true');
      expect(checkbox.disabled, 'stays focusable').to.equal(false);
      const why = 'You can add a remote extension only when your administrator has provisioned one.';
      expect(description(element, checkbox)).to.equal(why);

      checkbox.focus();
      await sendKeys({ press: ' ' });
      await element.updateComplete;
      expect(checkbox.checked, 'Space checked it').to.equal(false);
      checkbox.click();
      await element.updateComplete;
      expect(checkbox.checked, 'a click checked it').to.equal(false);

      const info = button(element, 'Why is Remote Extension unavailable?')!;
      expect(info.getAttribute('aria-expanded')).to.equal('false');
      const explanation = root(element).getElementById(info.getAttribute('aria-controls')!)!;
      expect(explanation.hidden).to.equal(true);
      info.click();
      await element.updateComplete;
      expect(info.getAttribute('aria-expanded')).to.equal('true');
      expect(explanation.hidden).to.equal(false);
      expect(explanation.textContent?.trim()).to.equal(why);
      await expect(element).to.be.accessible();

      // Adding still works, as a plain number.
      await fill(element, 'Label', 'Cabin');
      await fill(element, 'Number', '0981812345');
      button(element, 'Add')!.click();
      await waitUntil(() => !element.open);
      expect((await platform.load()).numbers.find((n) => n.label === 'Cabin')?.remoteExtension).to.equal(false);
    });

    it('ADD-4 Add creates the number on the platform, closes, announces "Saved." and fires number-saved', async () => {
      const { element, platform, provider } = await mount();
      await openAdd(element);
      await typeInto(field(element, 'Label')!, 'Cabin');
      await typeInto(field(element, 'Number')!, '0981-812 34 56');
      const saved = oneEvent<NumberSavedEvent>(provider, 'number-saved');
      button(element, 'Add')!.click();
      const event = await saved;
      expect(event.mode).to.equal('add');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(element.open).to.equal(false);
      expect(dialogOf(element).open).to.equal(false);
      const created = (await platform.load()).numbers.find((n) => n.id === event.numberId);
      expect(created).to.include({ label: 'Cabin', dial: '09818123456', remoteExtension: false });
      await element.updateComplete;
      expect(liveRegion(element).getAttribute('aria-live')).to.equal('polite');
      expect(liveRegion(element).textContent?.trim()).to.equal('Saved.');
      expect(dialogOf(element).contains(liveRegion(element)), 'the announcement outlives the dialog').to.equal(false);
    });

    it('ADD-4 shows progress while saving and cannot submit twice', async () => {
      const platform = heldPlatform();
      const { element, store } = await mount({ platform });
      let requests = 0;
      const create = store.createNumber.bind(store);
      store.createNumber = (draft) => {
        requests++;
        return create(draft);
      };
      platform.hold();
      await openAdd(element);
      await fill(element, 'Label', 'Cabin');
      await fill(element, 'Number', '0981812345');
      const add = button(element, 'Add')!;
      add.click();
      add.click();
      await element.updateComplete;
      await waitUntil(() => platform.waiting === 1, 'the save never reached the platform');
      expect(add.textContent?.trim()).to.equal('Saving…');
      expect(add.getAttribute('aria-disabled')).to.equal('true');
      expect(element.open).to.equal(true);
      add.click();
      platform.release();
      await waitUntil(() => !element.open, 'the dialog did not close');
      const cabins = (await platform.load()).numbers.filter((n) => n.label === 'Cabin');
      expect(cabins).to.have.length(1);
      expect(requests, 'the Store was asked more than once').to.equal(1);
    });

    it('ADD-4 FMT-3 a refused duplicate keeps the dialog open with the typed values and the reason at Number', async () => {
      const { element, platform } = await mount();
      await openAdd(element);
      await fill(element, 'Label', 'Second mobile');
      await fill(element, 'Number', '073-987 65 43');
      button(element, 'Add')!.click();
      const number = field(element, 'Number')!;
      await waitUntil(() => number.getAttribute('aria-invalid') === 'true', 'no refusal shown');
      expect(element.open).to.equal(true);
      expect(dialogOf(element).open).to.equal(true);
      expect(field(element, 'Label')!.value).to.equal('Second mobile');
      expect(number.value).to.equal('073-987 65 43');
      expect(description(element, number)).to.contain('You already have this number (Mobile).');
      expect(number.validationMessage).to.equal('You already have this number (Mobile).');
      expect(liveRegion(element).textContent?.trim()).to.equal('You already have this number (Mobile).');
      expect(button(element, 'Add')!.getAttribute('aria-disabled')).to.equal('false');
      await expect(element).to.be.accessible();
      expect((await platform.load()).numbers).to.have.length(3);

      // Typing again clears the refusal; a new number then saves.
      await typeInto(number, '0981812345');
      expect(description(element, number)).not.to.contain('You already have');
      button(element, 'Add')!.click();
      await waitUntil(() => !element.open);
      expect((await platform.load()).numbers).to.have.length(4);
    });

    it('ADD-4 FMT-3 a refused duplicate moves focus from Add to Number, which points at the reason', async () => {
      const { element } = await mount();
      await openAdd(element);
      await typeInto(field(element, 'Label')!, 'Second mobile');
      await typeInto(field(element, 'Number')!, '073-987 65 43');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()).to.equal(button(element, 'Add'));
      await sendKeys({ press: 'Enter' });
      const number = field(element, 'Number')!;
      await waitUntil(() => number.getAttribute('aria-invalid') === 'true', 'no refusal shown');
      expect(description(element, number)).to.contain('You already have this number (Mobile).');
      await waitUntil(() => deepActiveElement() === number, 'focus stayed on Add');
      expect(number.getAttribute('aria-describedby')).to.contain('number-error');
      expect(element.open).to.equal(true);
    });

    it('ADD-4 ADD-3 when the platform refuses the number the dialog stays open with the reason under the buttons', async () => {
      const platform = heldPlatform();
      const { element } = await mount({ platform });
      await openAdd(element);
      await fill(element, 'Label', 'Cabin');
      await fill(element, 'Number', '0981812345');
      field(element, 'Remote Extension')!.click();
      await element.updateComplete;
      platform.hold();
      button(element, 'Add')!.click();
      await waitUntil(() => platform.waiting === 1, 'the save never reached the platform');
      // The administrator removes the only remote extension they provisioned after this Store
      // checked and sent the new one.
      await platform.admin.removeNumber('work-mobile');
      platform.release();
      await waitUntil(() => root(element).querySelector('#form-error'), 'no reason shown');
      expect(root(element).querySelector('#form-error')!.textContent).to.equal(
        'You can add a remote extension only when your administrator has provisioned one.',
      );
      expect(element.open).to.equal(true);
      expect(field(element, 'Label')!.value).to.equal('Cabin');
      expect(field(element, 'Number')!.value).to.equal('0981812345');
      expect(button(element, 'Add')!.textContent?.trim()).to.equal('Add');
      await expect(element).to.be.accessible();
      expect((await platform.load()).numbers.map((n) => n.id)).to.deep.equal(['mobile', 'home']);
    });

    it('the number limit (issue 17): with 100 numbers, Add keeps the dialog open and says so under the buttons', async () => {
      const platform = await platformWithAHundredNumbers();
      const { element } = await mount({ platform });
      await openAdd(element);
      await fill(element, 'Label', 'Cabin');
      await fill(element, 'Number', '0981812345');
      button(element, 'Add')!.click();
      await waitUntil(() => root(element).querySelector('#form-error'), 'no reason shown');
      expect(root(element).querySelector('#form-error')!.textContent).to.equal(
        'You can have at most 100 numbers. Delete one you no longer use, then add the new one.',
      );
      expect(element.open).to.equal(true);
      expect(field(element, 'Label')!.value).to.equal('Cabin');
      expect((await platform.load()).numbers).to.have.length(100);
    });

    it('FMT-2 PLAT-2 says what to type, live, under Number, with the example from the platform’s dial plan', async () => {
      const { element } = await mount();
      await openAdd(element);
      const number = field(element, 'Number')!;
      expect(description(element, number)).to.equal('e.g. 09818123456');
      await typeInto(number, 'abc');
      await element.updateComplete;
      expect(number.getAttribute('aria-invalid'), 'not before the first blur').to.equal('false');
      await sendKeys({ press: 'Tab' });
      await waitUntil(() => number.getAttribute('aria-invalid') === 'true', 'no message after leaving Number');
      expect(description(element, number)).to.contain(
        'Start with the destination code 0, then the number, e.g. 09818123456',
      );
      expect(number.validity.valid).to.equal(false);
      // From now on it follows each keystroke.
      await typeInto(number, '0981 812 345');
      expect(number.getAttribute('aria-invalid')).to.equal('false');
      expect(number.validity.valid).to.equal(true);
      await typeInto(number, '09');
      expect(description(element, number)).to.contain('After the destination code 0 the number needs 7 to 10 digits');
      await expect(element).to.be.accessible();
    });

    it('FMT-2 an empty Label and Number are explained on Add, and nothing is sent', async () => {
      const { element, platform } = await mount();
      await openAdd(element);
      button(element, 'Add')!.click();
      await element.updateComplete;
      expect(description(element, field(element, 'Label')!)).to.equal('Enter a label, e.g. Mobile.');
      expect(description(element, field(element, 'Number')!)).to.contain('Enter a number.');
      expect(element.open).to.equal(true);
      expect((await platform.load()).numbers).to.have.length(3);
    });

    it('ADD-1 ADD-2 ADD-4 keyboard only: open, Tab through the fields, type, Space, Enter on Add', async () => {
      const { element, platform, opener } = await mountWithOpener();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => element.open, 'Enter on the opener did not open the dialog');
      await waitUntil(() => deepActiveElement() === field(element, 'Label'));
      await sendKeys({ type: 'Cabin' });
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()).to.equal(field(element, 'Number'));
      await sendKeys({ type: '0981 812 345' });
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()).to.equal(field(element, 'Remote Extension'));
      await sendKeys({ press: ' ' });
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()).to.equal(button(element, 'Add'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !element.open, 'Enter on Add did not save');
      expect(document.activeElement).to.equal(opener);
      expect((await platform.load()).numbers.find((n) => n.label === 'Cabin')).to.include({
        dial: '0981812345',
        remoteExtension: true,
      });
    });

    it('ADD-4 Enter in the Number field submits', async () => {
      const { element, platform } = await mount();
      await openAdd(element);
      await typeInto(field(element, 'Label')!, 'Cabin');
      await typeInto(field(element, 'Number')!, '0981812345');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !element.open);
      expect((await platform.load()).numbers).to.have.length(4);
    });

    it('PLAT-1 has no Remote Extension checkbox off MX-One, only a short note', async () => {
      const { element, platform } = await mount({ profile: { kind: 'mivoice-business' } });
      await openAdd(element);
      expect(field(element, 'Remote Extension')).to.equal(null);
      expect(root(element).querySelectorAll('input[type="checkbox"]')).to.have.length(0);
      expect(root(element).querySelector('[part="note"]')?.textContent).to.equal('Remote Extension needs MiVoice MX-One.');
      expect(button(element, 'Why is Remote Extension unavailable?')).to.equal(null);
      await expect(element).to.be.accessible();
      await fill(element, 'Label', 'Cabin');
      await fill(element, 'Number', '0981812345');
      button(element, 'Add')!.click();
      await waitUntil(() => !element.open);
      expect((await platform.load()).numbers.find((n) => n.label === 'Cabin')?.remoteExtension).to.equal(false);

      await openEdit(element, 'work-mobile');
      expect(field(element, 'Remote Extension')).to.equal(null);
      expect(field(element, 'Call Through')).to.equal(null);
      expect(field(element, 'FMC')).to.exist;
      expect(root(element).querySelector('[part="note"]')?.textContent).to.equal('Remote Extension needs MiVoice MX-One.');
      // EDIT-2 still locks the administrator's number; its "i" sits with the Number field.
      const number = field(element, 'Number')!;
      expect(number.getAttribute('aria-disabled')).to.equal('true');
      expect(description(element, number)).to.contain(
        'It was configured by your administrator or in the communication platform.',
      );
      button(element, 'Why are Remote Extension and Number locked?')!.click();
      await element.updateComplete;
      await expect(element).to.be.accessible();
    });

    it('ADD-1 speaks Swedish under lang="sv"', async () => {
      const { element } = await inProvider<AddNumberDialog>(html`<add-number-dialog lang="sv"></add-number-dialog>`);
      await openAdd(element);
      expect(root(element).querySelector('h2')?.textContent).to.equal('Lägg till nummer');
      expect(field(element, 'Etikett')).to.exist;
      expect(field(element, 'Nummer')).to.exist;
      expect(button(element, 'Lägg till')).to.exist;
      expect(button(element, 'Avbryt')).to.exist;
      expect(description(element, field(element, 'Nummer')!)).to.equal('t.ex. 09818123456');
    });

    it('EMB-3 a label with markup is shown as text, never run', async () => {
      const { element, store } = await mount();
      const markup = '<img src=x onerror="window.__pwned=1">';
      const id = await store.createNumber({ label: markup, dial: '0981812345', remoteExtension: false });
      // Its label comes back in a refusal message…
      await openAdd(element);
      await fill(element, 'Label', 'Again');
      await fill(element, 'Number', '0981812345');
      button(element, 'Add')!.click();
      await waitUntil(() => description(element, field(element, 'Number')!).includes('You already have'));
      expect(description(element, field(element, 'Number')!)).to.contain(`(${markup})`);
      element.close();
      // …and in the Label field when editing.
      await openEdit(element, id);
      expect(field(element, 'Label')!.value).to.equal(markup);
      await element.updateComplete;
      await afterAnImageOfXFails();
      expect(root(element).querySelector('img')).to.equal(null);
      expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
    });
  });

  describe('Edit Number', () => {
    it('EDIT-1 shows Label, Number, Remote Extension, FMC, Call Through, Done and Cancel', async () => {
      const { element } = await mount();
      await openEdit(element, 'work-mobile');
      const dialog = dialogOf(element);
      expect(dialog.open).to.equal(true);
      expect(root(element).getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).to.equal('Edit Number');
      expect(field(element, 'Label')!.value).to.equal('Remote Extension Work mobile');
      expect(field(element, 'Number')!.value).to.equal('0701234567');
      expect(field(element, 'Remote Extension')!.checked).to.equal(true);
      expect(field(element, 'FMC')!.checked).to.equal(true);
      expect(field(element, 'Call Through')!.checked).to.equal(false);
      expect(button(element, 'Done')?.type).to.equal('submit');
      expect(button(element, 'Cancel')).to.exist;
      expect(button(element, 'Add')).to.equal(null);
      await expect(element).to.be.accessible();
    });

    it('EDIT-2 locks Number and Remote Extension of an admin-provisioned number in a status, and lists why', async () => {
      const { element } = await mount();
      await openEdit(element, 'work-mobile');
      const number = field(element, 'Number')!;
      const checkbox = field(element, 'Remote Extension')!;
      expect(number.getAttribute('aria-disabled')).to.equal('true');
      expect(number.readOnly).to.equal(true);
      expect(checkbox.getAttribute('aria-disabled')).to.equal('true');
      const reasons = [
        'It is configured in the dynamic status Work from Home.',
        'It was configured by your administrator or in the communication platform.',
      ];
      for (const reason of reasons) {
        expect(description(element, checkbox)).to.contain(reason);
        expect(description(element, number)).to.contain(reason);
      }
      checkbox.click();
      checkbox.focus();
      await sendKeys({ press: ' ' });
      await element.updateComplete;
      expect(checkbox.checked).to.equal(true);

      const info = button(element, 'Why are Remote Extension and Number locked?')!;
      info.click();
      await element.updateComplete;
      const items = [...root(element).querySelectorAll(`#${info.getAttribute('aria-controls')!} li`)];
      expect(items.map((li) => li.textContent)).to.deep.equal(reasons);
      await expect(element).to.be.accessible();
    });

    it('EDIT-2 locks "Mobile" once a status uses it as Call Using', async () => {
      const { element, store } = await mount();
      await openEdit(element, 'mobile');
      expect(field(element, 'Number')!.getAttribute('aria-disabled')).to.equal('false');
      expect(field(element, 'Remote Extension')!.getAttribute('aria-disabled')).to.equal('false');
      element.close();

      await store.updateStatus({ id: 'available', remoteExtensionId: null, callUsing: 'mobile', sendCallsTo: 'desk-phone' });
      await openEdit(element, 'mobile');
      const number = field(element, 'Number')!;
      const checkbox = field(element, 'Remote Extension')!;
      expect(number.getAttribute('aria-disabled')).to.equal('true');
      expect(number.readOnly).to.equal(true);
      expect(checkbox.getAttribute('aria-disabled')).to.equal('true');
      expect(description(element, checkbox)).to.contain('It is configured in the dynamic status Available.');
      expect(description(element, checkbox)).not.to.contain('administrator');
      expect(button(element, 'Why are Remote Extension and Number locked?')).to.exist;
    });

    it('EDIT-3 the label of an admin-provisioned number can be changed and saved, sending only the label', async () => {
      const { element, platform, store, provider } = await mount();
      const sent: NumberChanges[] = [];
      const update = store.updateNumber.bind(store);
      store.updateNumber = (id, changes) => {
        sent.push(changes);
        return update(id, changes);
      };
      await openEdit(element, 'work-mobile');
      const label = field(element, 'Label')!;
      expect(label.getAttribute('aria-disabled')).to.equal(null);
      expect(label.readOnly).to.equal(false);
      await typeInto(label, 'Work phone');
      const saved = oneEvent<NumberSavedEvent>(provider, 'number-saved');
      button(element, 'Done')!.click();
      const event = await saved;
      expect(event.mode).to.equal('edit');
      expect(event.numberId).to.equal('work-mobile');
      expect(sent).to.deep.equal([{ label: 'Work phone' }]);
      expect((await platform.load()).numbers.find((n) => n.id === 'work-mobile')?.label).to.equal('Work phone');
      await element.updateComplete;
      expect(liveRegion(element).textContent?.trim()).to.equal('Saved.');
    });

    it('EDIT-3 a refused label is shown at Label and the dialog stays open', async () => {
      const { element } = await mount();
      await openEdit(element, 'home');
      await fill(element, 'Label', ' ');
      button(element, 'Done')!.click();
      await element.updateComplete;
      expect(element.open).to.equal(true);
      expect(description(element, field(element, 'Label')!)).to.equal('Enter a label, e.g. Mobile.');
      await expect(element).to.be.accessible();
    });

    it('FMC-1 shows Call Through only for remote extension numbers', async () => {
      const { element, platform } = await mount();
      await openEdit(element, 'work-mobile');
      expect(field(element, 'Call Through')).to.exist;
      element.close();
      await openEdit(element, 'mobile');
      expect(field(element, 'FMC')).to.exist;
      expect(field(element, 'Call Through')).to.equal(null);
      element.close();

      // Making "Home" a remote extension in the form offers Call Through; saving keeps both.
      await openEdit(element, 'home');
      expect(field(element, 'Call Through')).to.equal(null);
      field(element, 'Remote Extension')!.click();
      await element.updateComplete;
      field(element, 'Call Through')!.click();
      await element.updateComplete;
      button(element, 'Done')!.click();
      await waitUntil(() => !element.open);
      expect((await platform.load()).numbers.find((n) => n.id === 'home')).to.include({
        remoteExtension: true,
        callThrough: true,
      });
    });

    it('FMC-2 warns what to change when Call Through is on but the active status has another Remote Extension', async () => {
      const { element, platform } = await mount();
      await openEdit(element, 'work-mobile');
      const callThrough = field(element, 'Call Through')!;
      expect(root(element).querySelector('[part="warning"]')).to.equal(null);
      callThrough.click();
      await element.updateComplete;
      const warning = root(element).querySelector('[part="warning"]')!;
      expect(warning.textContent).to.contain(
        'Choose this number as the Remote Extension of your current status, Available.',
      );
      expect(warning.textContent, 'FMC is already on').not.to.contain('Turn on FMC');
      expect(warning.getAttribute('role')).to.equal(null);
      expect(description(element, callThrough)).to.contain('current status, Available.');

      // The draft counts: FMC off in the form adds its fix.
      field(element, 'FMC')!.click();
      await element.updateComplete;
      expect(root(element).querySelector('[part="warning"]')!.textContent).to.contain('Turn on FMC for this number.');
      await expect(element).to.be.accessible();
      field(element, 'FMC')!.click();
      await element.updateComplete;

      button(element, 'Done')!.click();
      await waitUntil(() => !element.open);
      expect((await platform.load()).numbers.find((n) => n.id === 'work-mobile')?.callThrough).to.equal(true);
    });

    it('FMC-2 gives no warning when the number is the active status’s Remote Extension with FMC on', async () => {
      const { element, store } = await mount();
      await store.setActiveStatus('work-from-home');
      await openEdit(element, 'work-mobile');
      field(element, 'Call Through')!.click();
      await element.updateComplete;
      expect(field(element, 'Call Through')!.checked).to.equal(true);
      expect(root(element).querySelector('[part="warning"]')).to.equal(null);
    });

    it('EDIT-1 opened before the numbers have loaded, fills in as soon as they arrive', async () => {
      const platform = heldPlatform();
      platform.hold();
      const provider = await fixture<RemoteExtensionProvider>(
        html`<remote-extension-provider .client=${platform}><add-number-dialog></add-number-dialog></remote-extension-provider>`,
      );
      const element = provider.querySelector('add-number-dialog')!;
      await element.updateComplete;
      await waitUntil(() => platform.waiting === 1, 'the Store never asked the platform for its data');
      await openEdit(element, 'home');
      expect(element.open).to.equal(true);
      platform.release();
      await waitUntil(() => field(element, 'Label')!.value === 'Home', 'the form never filled in');
      expect(field(element, 'Number')!.value).to.equal('087654321');
      expect(root(element).querySelector('#form-error')).to.equal(null);
    });

    it('EDIT-1 says so when the number no longer exists', async () => {
      const { element } = await mount();
      await openEdit(element, 'gone');
      expect(root(element).querySelector('#form-error')?.textContent).to.equal('This number no longer exists.');
    });

    it('EDIT-1 EDIT-2 Escape with the "i" explanation open closes only the explanation; a second Escape closes the dialog', async () => {
      const { element, platform } = await mount();
      await openEdit(element, 'work-mobile');
      const label = field(element, 'Label')!;
      await typeInto(label, 'Work phone');
      const info = button(element, 'Why are Remote Extension and Number locked?')!;
      const explanation = root(element).getElementById(info.getAttribute('aria-controls')!)!;
      const dialog = dialogOf(element);
      const explanationClosed = () => info.getAttribute('aria-expanded') === 'false' || !dialog.open;

      // Opened from the keyboard, focus on the "i".
      info.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => info.getAttribute('aria-expanded') === 'true', 'Enter did not open the explanation');
      await sendKeys({ press: 'Escape' });
      await waitUntil(explanationClosed, 'Escape did not close the explanation');
      expect(dialog.open, 'Escape closed the dialog').to.equal(true);
      expect(element.open).to.equal(true);
      expect(info.getAttribute('aria-expanded')).to.equal('false');
      expect(explanation.hidden).to.equal(true);
      expect(deepActiveElement()).to.equal(info);
      expect(label.value).to.equal('Work phone');

      // Opened by a click, focus in Label: Escape closes the explanation and focus goes to the "i".
      info.click();
      await element.updateComplete;
      expect(info.getAttribute('aria-expanded')).to.equal('true');
      label.focus();
      await sendKeys({ press: 'Escape' });
      await waitUntil(explanationClosed, 'Escape did not close the explanation');
      expect(dialog.open, 'Escape closed the dialog').to.equal(true);
      expect(explanation.hidden).to.equal(true);
      await waitUntil(() => deepActiveElement() === info, 'focus did not go back to the "i" button');
      expect(label.value).to.equal('Work phone');

      // With the explanation closed, Escape closes the dialog without saving, as before.
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !element.open, 'the second Escape did not close the dialog');
      expect(dialog.open).to.equal(false);
      expect((await platform.load()).numbers.find((n) => n.id === 'work-mobile')?.label).to.equal(
        'Remote Extension Work mobile',
      );
    });

    it('EDIT-1 Escape closes without saving the edits', async () => {
      const { element, platform } = await mount();
      await openEdit(element, 'home');
      await typeInto(field(element, 'Label')!, 'Cottage');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !element.open);
      expect((await platform.load()).numbers.find((n) => n.id === 'home')?.label).to.equal('Home');
    });
  });

  describe('nothing moves under the pointer (issue 18)', () => {
    afterEach(async () => {
      await resetMouse();
      await setViewport({ width: 800, height: 600 });
    });

    /** Every control of Add Number, top to bottom. */
    function addControls(element: AddNumberDialog): Element[] {
      return [
        field(element, 'Label')!,
        field(element, 'Number')!,
        field(element, 'Remote Extension')!,
        button(element, 'Add')!,
        button(element, 'Cancel')!,
      ];
    }

    it('ADD-1 ADD-2 a number’s error appearing on blur moves no control: a real click on Cancel closes the dialog', async () => {
      const { element, platform } = await mount();
      await openAdd(element);
      const number = field(element, 'Number')!;
      await typeInto(number, 'abc');
      await element.updateComplete;
      const before = places(addControls(element));
      await press(element, button(element, 'Cancel')!, () => {
        expect(number.getAttribute('aria-invalid'), 'leaving Number showed no message').to.equal('true');
        expect(places(addControls(element)), 'a control moved while the button was down').to.deep.equal(before);
      });
      await waitUntil(() => !element.open, 'the click on Cancel was lost: the dialog stayed open');
      expect(dialogOf(element).open).to.equal(false);
      expect((await platform.load()).numbers).to.have.length(3);
    });

    it('ADD-2 a number’s error appearing on blur moves no control: a real click on Remote Extension ticks it', async () => {
      const { element } = await mount();
      await openAdd(element);
      const number = field(element, 'Number')!;
      await typeInto(number, 'abc');
      await element.updateComplete;
      const checkbox = field(element, 'Remote Extension')!;
      const before = places(addControls(element));
      await press(element, checkbox, () => {
        expect(number.getAttribute('aria-invalid'), 'leaving Number showed no message').to.equal('true');
        expect(places(addControls(element)), 'a control moved while the button was down').to.deep.equal(before);
      });
      await waitUntil(() => checkbox.checked, 'the click on Remote Extension was lost');
      expect(places(addControls(element))).to.deep.equal(before);
    });

    it('ADD-1 Label’s message appearing on blur moves no control: a real click on Cancel closes the dialog', async () => {
      const { element } = await mount();
      await openAdd(element);
      const label = field(element, 'Label')!;
      await waitUntil(() => deepActiveElement() === label, 'Label was not focused');
      const before = places(addControls(element));
      await press(element, button(element, 'Cancel')!, () => {
        expect(label.getAttribute('aria-invalid'), 'leaving Label showed no message').to.equal('true');
        expect(places(addControls(element)), 'a control moved while the button was down').to.deep.equal(before);
      });
      await waitUntil(() => !element.open, 'the click on Cancel was lost: the dialog stayed open');
    });

    for (const [width, lang] of [
      [320, 'sv'],
      [320, 'en'],
      [1280, 'sv'],
      [1280, 'en'],
    ] as const) {
      it(`ADD-2 FMT-2 at ${width} px, lang="${lang}", every message of Label and Number comes and goes without moving a control`, async () => {
        await setViewport({ width, height: 800 });
        const { element } = await inProvider<AddNumberDialog>(html`<add-number-dialog lang=${lang}></add-number-dialog>`);
        await openAdd(element);
        const controls = () => [...root(element).querySelectorAll('input, button')];
        const label = controls()[0] as HTMLInputElement;
        const number = controls()[1] as HTMLInputElement;
        const checkbox = controls()[2] as HTMLInputElement;
        const before = places(controls());
        const dialog = dialogOf(element).getBoundingClientRect();
        expect(dialog.right, 'the dialog fits the viewport').to.be.at.most(width);
        // Leaving an empty Label shows its message.
        label.focus();
        number.focus();
        await element.updateComplete;
        expect(label.getAttribute('aria-invalid')).to.equal('true');
        expect(places(controls()), 'Label’s message moved a control').to.deep.equal(before);
        // Each kind of wrong number, shown when Number is left; then a right one, which clears it.
        for (const typed of ['', 'abc', '+46701234567', '12345', '09', '0981812345678901', '0981812345']) {
          await typeInto(number, typed);
          if (typed === '') await sendKeys({ press: 'Backspace' });
          checkbox.focus();
          await element.updateComplete;
          expect(number.getAttribute('aria-invalid'), `after "${typed}"`).to.equal(typed === '0981812345' ? 'false' : 'true');
          expect(places(controls()), `Number's message after "${typed}" moved a control`).to.deep.equal(before);
          const message = root(element).getElementById('number-error');
          if (message) {
            // Readable: all of it inside the dialog, none of it under a control.
            const box = message.getBoundingClientRect();
            expect(box.right).to.be.at.most(dialog.right);
            expect(box.bottom, 'the message runs under Remote Extension').to.be.at.most(checkbox.getBoundingClientRect().top);
          }
        }
        await typeInto(label, 'Cabin');
        checkbox.focus();
        await element.updateComplete;
        expect(label.getAttribute('aria-invalid')).to.equal('false');
        expect(places(controls()), 'Label’s message going moved a control').to.deep.equal(before);
      });
    }

    it('ADD-4 a reason for the whole form shows without moving Add or Cancel', async () => {
      const platform = await platformWithAHundredNumbers();
      const { element } = await mount({ platform });
      await openAdd(element);
      await typeInto(field(element, 'Label')!, 'Cabin');
      await typeInto(field(element, 'Number')!, '0981812345');
      const before = places(addControls(element));
      await press(element, button(element, 'Add')!);
      await waitUntil(() => root(element).querySelector('#form-error'), 'no reason shown');
      await element.updateComplete;
      expect(places(addControls(element)), 'the reason moved a control').to.deep.equal(before);
    });

    it('EDIT-1 FMC-2 EDIT-2 the Call Through warning and the "i" explanation open without moving what was clicked or anything above it', async () => {
      const { element } = await mount();
      await openEdit(element, 'work-mobile');
      const info = button(element, 'Why are Remote Extension and Number locked?')!;
      const callThrough = field(element, 'Call Through')!;
      const above = () => [field(element, 'Label')!, field(element, 'Number')!, field(element, 'Remote Extension')!, info];
      const before = places([...above(), field(element, 'FMC')!, callThrough]);
      await press(element, callThrough);
      await waitUntil(() => root(element).querySelector('[part="warning"]'), 'no Call Through warning');
      await element.updateComplete;
      expect(places([...above(), field(element, 'FMC')!, callThrough]), 'the warning moved a control').to.deep.equal(before);
      const beforeInfo = places(above());
      await press(element, info);
      await waitUntil(() => info.getAttribute('aria-expanded') === 'true', 'the click on "i" was lost');
      await element.updateComplete;
      expect(places(above()), 'the explanation moved a control above it').to.deep.equal(beforeInfo);
      // A second click on the "i", where it still is, closes the explanation again.
      await press(element, info);
      await waitUntil(() => info.getAttribute('aria-expanded') === 'false', 'the second click on "i" was lost');
    });
  });
});
