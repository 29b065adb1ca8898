/**
 * The elements under an integrator's own tag names: the classes from the package's main entry,
 * defined here as `acme-…` and nothing under the default names (this file does not import
 * `entries/define.js`, and runs in a page of its own). What one element makes inside another
 * follows the names the classes were defined with.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
// The package's main entry: the classes, and the provider handed the named platforms.
import * as entry from '../../entries/index.js';
import type { RemoteExtensionProvider } from '../../entries/index.js';
import { cleanUp, simulatedPlatform } from '../helpers.js';
import { waitUntil } from '../wait.js';
import { byRole, deepActiveElement, hasRole } from './queries.js';

/** A dialog an integrator made their own, and a My Numbers told to make it. */
class AcmeOwnDialog extends entry.AddNumberDialog {}
class AcmeOwnNumbers extends entry.MyNumbers {
  static override numberDialog: typeof entry.AddNumberDialog = AcmeOwnDialog;
}
/** The same, given as a loader (as a page that fetches its dialog's code when needed does). */
class AcmeLazyNumbers extends entry.MyNumbers {
  static override numberDialog = async (): Promise<typeof entry.AddNumberDialog> => AcmeOwnDialog;
}

const acmeNames: ReadonlyArray<readonly [string, CustomElementConstructor]> = [
  ['acme-provider', entry.RemoteExtensionProvider],
  ['acme-status-picker', entry.StatusRemotePicker],
  ['acme-number-dialog', entry.AddNumberDialog],
  ['acme-numbers', entry.MyNumbers],
  ['acme-availability', entry.AvailabilityMenu],
  ['acme-call-using', entry.CallUsingFooter],
  ['acme-own-dialog', AcmeOwnDialog],
  ['acme-own-numbers', AcmeOwnNumbers],
  ['acme-lazy-numbers', AcmeLazyNumbers],
];
for (const [name, element] of acmeNames) customElements.define(name, element);

const defaultNames = [
  'remote-extension-provider',
  'status-remote-picker',
  'add-number-dialog',
  'my-numbers',
  'availability-menu',
  'call-using-footer',
];

/** The tag name of every element in `scope`, its shadow roots included. */
function tagsIn(scope: Element | ShadowRoot): string[] {
  return [...scope.querySelectorAll('*')].flatMap((e) => [e.localName, ...(e.shadowRoot ? tagsIn(e.shadowRoot) : [])]);
}

/** The provider, named `acme-provider`, around `template`, once the platform has answered. */
async function acmeProvider(template: ReturnType<typeof html>) {
  const platform = simulatedPlatform();
  const provider = await fixture<RemoteExtensionProvider>(
    html`<acme-provider .client=${platform}>${template}</acme-provider>`,
  );
  const store = provider.store;
  if (!store) throw new Error('The provider made no Store.');
  await waitUntil(() => store.state.source === 'platform', 'the platform never answered');
  return { provider, platform, store };
}

/** New in the ⋮ menu of My Numbers, then the Add Number dialog it opens. */
async function openAddNumber(numbers: HTMLElement): Promise<HTMLElement> {
  await waitUntil(() => hasRole(numbers, 'button', /More/u), 'My Numbers never showed its More button');
  byRole(numbers, 'button', /More/u).click();
  await waitUntil(() => hasRole(numbers, 'menuitem', 'New'), 'the more menu never showed New');
  byRole(numbers, 'menuitem', 'New').click();
  await waitUntil(() => hasRole(numbers, 'dialog', 'Add Number'), 'Add Number never opened');
  return byRole(numbers, 'dialog', 'Add Number');
}

describe('elements under other tag names', () => {
  afterEach(cleanUp);

  it('ADD-1 ADD-4 NUM-2 adds a number through acme-numbers and the acme-number-dialog it makes', async () => {
    const { provider, platform, store } = await acmeProvider(html`
      <acme-numbers></acme-numbers>
      <acme-status-picker></acme-status-picker>
      <acme-availability></acme-availability>
      <acme-call-using></acme-call-using>
    `);
    const numbers = provider.querySelector<HTMLElement>('acme-numbers')!;
    expect(numbers).to.be.instanceOf(entry.MyNumbers);

    const dialog = await openAddNumber(numbers);
    await waitUntil(() => deepActiveElement() === byRole(dialog, 'textbox', 'Label'), 'focus never reached Label');
    await sendKeys({ type: 'Cabin' });
    byRole(dialog, 'textbox', 'Number').focus();
    await sendKeys({ type: '09818123456' });
    byRole(dialog, 'button', 'Add').click();
    await waitUntil(
      () => hasRole(numbers, 'button', 'Edit Cabin') && !hasRole(numbers, 'dialog', 'Add Number'),
      'Cabin never appeared in the list',
    );
    await waitUntil(() => store.state.pending.length === 0, 'the new number never settled');
    const cabin = (await platform.load()).numbers.find((n) => n.label === 'Cabin');
    expect(cabin).to.include({ dial: '09818123456', remoteExtension: false });

    const tags = tagsIn(document.body);
    expect(tags).to.include.members(['acme-provider', 'acme-numbers', 'acme-number-dialog']);
    for (const name of defaultNames) {
      expect(tags, `no <${name}> in the page`).not.to.include(name);
      expect(customElements.get(name), `${name} is not defined`).to.equal(undefined);
    }
  });

  it('ADD-1 NUM-2 makes the dialog class an integrator sets in numberDialog', async () => {
    const { provider } = await acmeProvider(html`<acme-own-numbers></acme-own-numbers>`);
    const numbers = provider.querySelector<HTMLElement>('acme-own-numbers')!;
    await openAddNumber(numbers);
    const made = numbers.shadowRoot!.querySelector('[part="dialog"]');
    expect(made).to.be.instanceOf(AcmeOwnDialog);
    expect(made?.localName).to.equal('acme-own-dialog');
  });

  it('ADD-1 NUM-2 makes the dialog class that a loader set in numberDialog gives', async () => {
    const { provider } = await acmeProvider(html`<acme-lazy-numbers></acme-lazy-numbers>`);
    const numbers = provider.querySelector<HTMLElement>('acme-lazy-numbers')!;
    await openAddNumber(numbers);
    const made = numbers.shadowRoot!.querySelector('[part="dialog"]');
    expect(made).to.be.instanceOf(AcmeOwnDialog);
    expect(made?.localName).to.equal('acme-own-dialog');
  });
});
