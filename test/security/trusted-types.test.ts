/**
 * EMB-2 and EMB-3 under a strict Content-Security-Policy with Trusted Types. The page
 * test/fixtures/trusted-types.html allows script and style from 'self' only (no 'unsafe-inline',
 * no 'unsafe-eval'), requires Trusted Types for every script sink, and allows exactly one policy:
 * "lit-html", the one Lit creates for its template markup. It loads the built bundle
 * (dist/remote-extension.js, `npx rollup -c`) and one script of its own that records every
 * `securitypolicyviolation` in `window.__violations`.
 *
 * The page runs in an iframe and is driven the way a person uses it, by role and name through the
 * elements' shadow roots. Every element is used, then the list of violations must be empty. The
 * test then shows that the policy is in force and that the recorder hears it: an inline script
 * does not run and is reported, and (where the browser has Trusted Types) an HTML string sink
 * throws and is reported. Those expected reports are removed, and the list must again be empty.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { PlaceCallRequestEvent, type CallPlacedEvent, type RemoteExtensionProvider } from '../../entries/index.js';
import { SimulatedPlatform } from '../../src/platform/simulated/index.js';
import { SnapshotCache } from '../../src/store/index.js';
import { byRole, hasRole } from '../components/queries.js';

/** What test/fixtures/trusted-types.js records for each violation. */
interface Violation {
  readonly effectiveDirective: string;
  readonly violatedDirective: string;
  readonly blockedURI: string;
  readonly sample: string;
  readonly sourceFile: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
  readonly disposition: string;
  /** The innermost node it was reported at, e.g. `script#csp-probe` or `#document`. */
  readonly target: string;
  /** The custom elements around that node, innermost first. */
  readonly host: string;
}

type PageWindow = Window &
  typeof globalThis & {
    __violations: Violation[];
    __inlineScriptRan?: unknown;
    __pwned?: unknown;
    /** Not in TypeScript's DOM library; only what this test calls. */
    trustedTypes: { createPolicy(name: string, rules: object): unknown };
  };

const USER = 'tt-user';
/** The provider's default platform is the simulator on its default database. */
const scope = { platform: 'simulated:remote-extension-simulator', user: USER };

/** A label that is markup: shown as text (EMB-3), it needs no sink that Trusted Types guards. */
const markupLabel = '<img src=x onerror="window.__pwned=1">';

async function forgetTheUser(): Promise<void> {
  await new SimulatedPlatform({ user: USER }).erase();
  await new SnapshotCache().remove(scope);
}

function shown(violations: readonly Violation[]): string {
  return JSON.stringify(violations, null, 2);
}

let markers = 0;

/**
 * Resolves once every violation the page has reported so far is in `win.__violations`. Reports are
 * queued as tasks, not dispatched synchronously, in the order the violations happen: so once a
 * marker violation made now (an inline script, which the policy blocks) has been recorded, every
 * report before it has been too. The marker and its report are then taken away again.
 */
async function reportsDelivered(win: PageWindow, doc: Document): Promise<void> {
  const id = `report-marker-${++markers}`;
  // Made in this test's own document, where setting a script's text is no Trusted Types sink.
  const marker = document.createElement('script');
  marker.id = id;
  marker.textContent = '/* a marker: the page must not run it */';
  doc.body.append(marker);
  await waitUntil(() => win.__violations.some((v) => v.target === `script#${id}`), `the marker ${id} was never reported`);
  marker.remove();
  win.__violations = win.__violations.filter((v) => v.target !== `script#${id}`);
}

describe('EMB-2 EMB-3 strict CSP and Trusted Types', () => {
  let frame: HTMLIFrameElement | null = null;

  beforeEach(forgetTheUser);

  afterEach(async () => {
    // The page goes first, so that its IndexedDB connections close before the account goes.
    frame?.remove();
    frame = null;
    await forgetTheUser();
  });

  async function openPage(): Promise<{ win: PageWindow; doc: Document }> {
    frame = document.createElement('iframe');
    frame.title = 'strict CSP and Trusted Types page';
    frame.style.width = '900px';
    frame.style.height = '700px';
    const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
    frame.src = '/test/fixtures/trusted-types.html';
    document.body.append(frame);
    await loaded;
    return { win: frame.contentWindow as PageWindow, doc: frame.contentDocument! };
  }

  it('EMB-2 EMB-3 strict CSP and Trusted Types: every element runs with zero violations, and the policy is in force', async () => {
    const { win, doc } = await openPage();
    const body = doc.body;
    const el = (name: string) => doc.querySelector<HTMLElement>(name)!;
    const provider = el('remote-extension-provider') as RemoteExtensionProvider;
    const availability = el('availability-menu');
    const myNumbers = el('my-numbers');
    const picker = el('status-remote-picker');
    const footer = el('call-using-footer');
    const quick = el('quick-status');
    const violations = () => win.__violations;
    const settled = () =>
      waitUntil(() => provider.store?.state.pending.length === 0, 'a change never settled');
    const change = (select: HTMLSelectElement, text: RegExp) => {
      const option = [...select.options].find((o) => text.test(o.text.trim()));
      if (!option) throw new Error(`no option ${String(text)} in ${[...select.options].map((o) => o.text).join(', ')}`);
      select.value = option.value;
      select.dispatchEvent(new win.Event('change', { bubbles: true }));
    };

    expect(Array.isArray(win.__violations), 'the recorder ran before the bundle').to.equal(true);
    await waitUntil(() => win.customElements.get('quick-status'), `the bundle never defined the elements:\n${shown(win.__violations)}`);

    // Every element shows the simulator's sample data.
    await waitUntil(
      () =>
        hasRole(availability, 'button', 'Availability: Available') &&
        hasRole(myNumbers, 'button', 'Edit Mobile') &&
        hasRole(picker, 'button', 'In a Meeting') &&
        hasRole(footer, 'button', 'Call Using: Desk phone') &&
        hasRole(quick, 'radiogroup', 'Status'),
      'the elements never showed the sample data',
    );

    // Availability: open, close, open again and choose a status.
    byRole(availability, 'button', 'Availability: Available').click();
    await waitUntil(() => hasRole(availability, 'menuitemradio', 'Do Not Disturb'), 'the Availability menu never opened');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !hasRole(availability, 'menuitemradio', 'Do Not Disturb'), 'the Availability menu never closed');
    byRole(availability, 'button', 'Availability: Available').click();
    await waitUntil(() => hasRole(availability, 'menuitemradio', 'Do Not Disturb'), 'the Availability menu never reopened');
    byRole(availability, 'menuitemradio', 'Do Not Disturb').click();
    await waitUntil(() => hasRole(availability, 'button', 'Availability: Do Not Disturb'), 'Do Not Disturb never showed');
    await settled();

    // My Numbers: More > New > Add Number, type, Add.
    byRole(myNumbers, 'button', /More/u).click();
    await waitUntil(() => hasRole(myNumbers, 'menuitem', 'New'), 'the more menu never showed New');
    byRole(myNumbers, 'menuitem', 'New').click();
    await waitUntil(() => hasRole(myNumbers, 'dialog', 'Add Number'), 'Add Number never opened');
    const addDialog = byRole(myNumbers, 'dialog', 'Add Number');
    byRole(addDialog, 'textbox', 'Label').focus();
    await sendKeys({ type: 'Cabin' });
    byRole(addDialog, 'textbox', 'Number').focus();
    await sendKeys({ type: '09818123456' });
    byRole(addDialog, 'checkbox', 'Remote Extension').click();
    byRole(addDialog, 'button', 'Add').click();
    await waitUntil(
      () => hasRole(myNumbers, 'button', 'Edit Cabin') && !hasRole(myNumbers, 'dialog', 'Add Number'),
      'Cabin never appeared under My Numbers',
    );
    await settled();

    // My Numbers: Edit Mobile, and give it a label that is markup (EMB-3).
    byRole(myNumbers, 'button', 'Edit Mobile').click();
    await waitUntil(() => hasRole(myNumbers, 'dialog', 'Edit Number'), 'Edit Number never opened');
    const editDialog = byRole(myNumbers, 'dialog', 'Edit Number');
    const label = byRole<HTMLInputElement>(editDialog, 'textbox', 'Label');
    label.focus();
    label.select();
    await sendKeys({ type: markupLabel });
    expect(label.value).to.equal(markupLabel);
    byRole(editDialog, 'button', 'Done').click();
    await waitUntil(
      () => hasRole(myNumbers, 'button', `Edit ${markupLabel}`) && !hasRole(myNumbers, 'dialog', 'Edit Number'),
      'the edited label never showed',
    );
    await settled();

    // My Numbers: Delete Home, confirmed.
    byRole(myNumbers, 'button', 'Delete Home').click();
    await waitUntil(() => hasRole(myNumbers, 'alertdialog', /^Delete Home/u), 'the delete confirmation never opened');
    byRole(byRole(myNumbers, 'alertdialog', /^Delete Home/u), 'button', 'Delete').click();
    await waitUntil(() => !hasRole(myNumbers, 'button', 'Edit Home'), 'Home was never deleted');
    await settled();

    // Manage Status: open In a Meeting, choose Cabin as its Remote Extension, Done.
    byRole(picker, 'button', 'In a Meeting').click();
    await waitUntil(() => hasRole(picker, 'combobox', 'Remote Extension'), 'Edit Status never opened');
    change(byRole<HTMLSelectElement>(picker, 'combobox', 'Remote Extension'), /^Cabin/u);
    await waitUntil(
      () => byRole<HTMLSelectElement>(picker, 'combobox', 'Call Using').selectedOptions[0]?.text.trim().startsWith('Cabin'),
      'Call Using did not follow the Remote Extension',
    );
    byRole(picker, 'button', 'Done').click();
    await waitUntil(() => hasRole(picker, 'button', 'In a Meeting') && !hasRole(picker, 'button', 'Done'), 'Done never closed Edit Status');
    await settled();

    // Availability: make In a Meeting active; the footer follows it to Cabin.
    byRole(availability, 'button', 'Availability: Do Not Disturb').click();
    await waitUntil(() => hasRole(availability, 'menuitemradio', 'In a Meeting'), 'the Availability menu never opened');
    byRole(availability, 'menuitemradio', 'In a Meeting').click();
    await waitUntil(() => hasRole(footer, 'button', 'Call Using: Cabin'), 'the footer never showed Cabin');
    await settled();

    // Call Using: open the menu and close it.
    byRole(footer, 'button', 'Call Using: Cabin').click();
    await waitUntil(() => hasRole(footer, 'menuitemradio', /^Cabin/u), 'the Call Using menu never listed Cabin');
    expect(byRole(footer, 'menuitemradio', /^Cabin/u).getAttribute('aria-checked')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !hasRole(footer, 'menuitemradio', /^Cabin/u), 'the Call Using menu never closed');

    // Place Call With, by the public method: open, Cancel.
    (footer as HTMLElement & { placeCall(dial: string): void }).placeCall('4712');
    await waitUntil(() => hasRole(footer, 'dialog', 'Place Call With'), 'Place Call With never opened');
    const cancelled = byRole(footer, 'dialog', 'Place Call With');
    // Wait for the dialog's `close` event too, not only for it to be hidden: the footer handles
    // that event (clearing the number) a task after close(), and a prompt opened before then
    // would be emptied by it.
    const closeEvent = new Promise((resolve) => cancelled.addEventListener('close', resolve, { once: true }));
    byRole(cancelled, 'button', 'Cancel').click();
    await closeEvent;
    await waitUntil(() => !hasRole(footer, 'dialog', 'Place Call With'), 'Place Call With never closed');

    // Place Call With, by the page's own Call button dispatching a PlaceCallRequestEvent (the page
    // may run no inline script, so the test adds the listener a page's own script would), then Call.
    const callButton = byRole(body, 'button', 'Call 4712');
    callButton.addEventListener('click', () => callButton.dispatchEvent(new PlaceCallRequestEvent('4712')));
    callButton.click();
    await waitUntil(() => hasRole(footer, 'dialog', 'Place Call With'), 'the Call button never opened Place Call With');
    const prompt = byRole(footer, 'dialog', 'Place Call With');
    expect(byRole<HTMLInputElement>(prompt, 'radio', /^Cabin/u).checked, 'the active remote extension is preselected').to.equal(true);
    const placed = new Promise<CallPlacedEvent>((resolve) =>
      footer.addEventListener('call-placed', (e) => resolve(e), { once: true }),
    );
    byRole(prompt, 'button', 'Call').click();
    expect((await placed).dial).to.equal('4712');
    await waitUntil(() => !hasRole(footer, 'dialog', 'Place Call With'), 'Place Call With never closed after Call');

    // Quick status: choose Out of Office, then its Remote Extension.
    byRole(quick, 'radio', 'Out of Office').click();
    await waitUntil(() => hasRole(availability, 'button', 'Availability: Out of Office'), 'Availability never followed quick status');
    await settled();
    expect(byRole(quick, 'radio', 'Out of Office').getAttribute('aria-checked')).to.equal('true');
    change(byRole<HTMLSelectElement>(quick, 'combobox', /^Remote Extension for /u), /^Cabin/u);
    await waitUntil(() => hasRole(footer, 'button', 'Call Using: Cabin'), 'Call Using never followed quick status');
    await settled();

    // The markup label was text everywhere it showed (EMB-3).
    expect(win.__pwned).to.equal(undefined);
    for (const element of [myNumbers, picker, footer, quick]) {
      expect(element.shadowRoot!.querySelector('img'), `${element.localName} rendered no <img>`).to.equal(null);
    }

    // Every element was used: not one violation.
    await reportsDelivered(win, doc);
    expect(violations(), `violations while using the elements:\n${shown(violations())}`).to.deep.equal([]);

    // The policy is in force, and the recorder hears it.
    //
    // CSP (both browsers): an inline script does not run, and is reported as script-src-elem. It is
    // made in this test's own document, where setting its text is no Trusted Types sink, and then
    // moved into the page: the page's CSP decides whether it runs. (Made in the page itself, its
    // text could not even be set under Trusted Types: see below.)
    const inline = document.createElement('script');
    inline.id = 'csp-probe';
    inline.textContent = 'window.__inlineScriptRan = true;';
    body.append(inline);
    await reportsDelivered(win, doc);
    expect(inline.ownerDocument).to.equal(doc);
    expect(win.__inlineScriptRan, 'an inline script ran').to.equal(undefined);
    const inlineReports = violations().filter((v) => v.target === 'script#csp-probe');
    expect(inlineReports.map((v) => [v.effectiveDirective, v.blockedURI])).to.deep.equal([['script-src-elem', 'inline']]);

    // CSP (both browsers): no eval.
    const evalError = (() => {
      try {
        win.eval('window.__inlineScriptRan = true;');
        return null;
      } catch (error) {
        return error as Error;
      }
    })();
    expect(evalError?.name, 'eval was blocked').to.equal('EvalError');
    expect(win.__inlineScriptRan, 'eval ran').to.equal(undefined);

    // Trusted Types, where the browser has them: Chromium does, and so does the Firefox ESR this
    // project tests with (153: `trustedTypes` is there and both directives are enforced, with the
    // same reports as Chromium's). A browser without them ignores require-trusted-types-for and
    // trusted-types, so there only the CSP part above can be asserted.
    const trustedTypes = 'trustedTypes' in win;
    if (trustedTypes) {
      const sinkError = (assign: () => void): Error | null => {
        try {
          assign();
          return null;
        } catch (error) {
          return error as Error;
        }
      };
      // An HTML string sink throws (TypeError; Chromium says "requires 'TrustedHTML' assignment",
      // Firefox "Sink type mismatch violation blocked by CSP").
      const div = doc.createElement('div');
      // eslint-disable-next-line no-restricted-properties -- the point: this sink must be refused
      const htmlError = sinkError(() => (div.innerHTML = '<b>x</b>'));
      expect(htmlError?.name, 'innerHTML with a string was refused').to.equal('TypeError');
      expect(div.childNodes.length).to.equal(0);
      // A script text sink too, in the page's own document.
      const script = doc.createElement('script');
      const scriptError = sinkError(() => (script.textContent = 'window.__inlineScriptRan = true;'));
      expect(scriptError?.name, "a script's text as a string was refused").to.equal('TypeError');
      // No policy but Lit's: not a default policy, not another, and not a second "lit-html".
      for (const name of ['default', 'other', 'lit-html']) {
        const policyError = sinkError(() => win.trustedTypes.createPolicy(name, {}));
        expect(policyError?.name, `a policy named "${name}" was refused`).to.equal('TypeError');
      }
      await reportsDelivered(win, doc);
      const sinks = violations().filter((v) => v.effectiveDirective === 'require-trusted-types-for');
      expect(sinks.map((v) => v.sample)).to.deep.equal([
        'eval|window.__inlineScriptRan = true;',
        'Element innerHTML|<b>x</b>',
        'HTMLScriptElement textContent|window.__inlineScriptRan = true;',
      ]);
      const policies = violations().filter((v) => v.effectiveDirective === 'trusted-types');
      expect(policies.map((v) => v.sample)).to.deep.equal(['default', 'other', 'lit-html']);
    }

    // Without those expected reports, the list is empty again: nothing else happened meanwhile.
    // (Under Trusted Types, eval is reported as the sink it is; without them, as script-src.)
    const expected = (v: Violation) =>
      v.target === 'script#csp-probe' ||
      (trustedTypes
        ? v.effectiveDirective === 'require-trusted-types-for' || v.effectiveDirective === 'trusted-types'
        : v.blockedURI === 'eval');
    const unexpected = violations().filter((v) => !expected(v));
    win.__violations = unexpected;
    expect(violations(), `violations besides the probes:\n${shown(violations())}`).to.deep.equal([]);
  });
});
