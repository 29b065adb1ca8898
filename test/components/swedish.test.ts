import { expect, html } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import type { CallUsingFooter, StatusRemotePicker } from '../../entries/index.js';
import type { Store } from '../../src/store/index.js';
import { cleanUp } from '../helpers.js';
import { inProvider } from './fixture.js';

/** Words the elements own that stayed English under lang="sv" (issue 18, finding 9). */
const ENGLISH = ['Desk phone', 'MiCollab softphone', 'Remote Extension', 'Call Through'];

/** Every text node and aria-label inside an element's shadow root, and inside shadow roots within it. */
function renderedText(root: ParentNode, out: string[] = []): string[] {
  for (const node of root.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent?.trim();
      if (text) out.push(text);
    } else if (node instanceof Element) {
      if (node.localName === 'style' || node.localName === 'script') continue;
      const label = node.getAttribute('aria-label');
      if (label) out.push(label);
      if (node.shadowRoot) renderedText(node.shadowRoot, out);
      renderedText(node, out);
    }
  }
  return out;
}

/**
 * What is left of the rendered text once the names the platform sends are taken out: those stay
 * as sent (a number's label, "Remote Extension Work mobile", starts with the platform's prefix).
 */
function ownWords(texts: readonly string[], store: Store): string[] {
  const state = store.state.data!;
  const names = [...state.numbers.map((n) => n.label), ...state.statuses.map((s) => s.name)].sort((a, b) => b.length - a.length);
  return texts.map((text) => names.reduce((rest, name) => rest.split(name).join('⟨name⟩'), text));
}

async function update(element: Element): Promise<void> {
  await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

describe('Swedish', () => {
  afterEach(cleanUp);

  it('issue 18: with lang=sv every word the elements own is Swedish (EMB-1 STAT-1 STAT-2 CALL-1 CALL-2 CALL-3 NUM-1)', async () => {
    const { element: wrapper, store } = await inProvider<HTMLElement>(html`
      <div lang="sv">
        <my-numbers></my-numbers>
        <status-remote-picker></status-remote-picker>
        <availability-menu></availability-menu>
        <quick-status></quick-status>
        <call-using-footer></call-using-footer>
      </div>
    `);
    const elements = [...wrapper.children];
    await Promise.all(elements.map(update));

    // Call Through on, on a number that is not the active status's Remote Extension: its marker and its warning show.
    await store.updateNumber('work-mobile', { callThrough: true });
    await waitUntil(() => store.state.pending.length === 0, 'the change never settled');

    // Manage Status's list: the status name as sent, the presence word only where the name does not already say it.
    const picker = wrapper.querySelector<StatusRemotePicker>('status-remote-picker')!;
    await update(picker);
    const rows = [...picker.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent.replace(/\s+/gu, ' ').trim());
    const available = rows.find((r) => r.startsWith('Available'))!;
    expect(available, 'the Available row').not.to.contain('Tillgänglig');
    expect(rows.join('\n')).not.to.contain('Available · Tillgänglig');
    expect(rows.find((r) => r.startsWith('In a Meeting')), 'the In a Meeting row').to.contain('Upptagen');

    const seen: string[] = [];
    const look = async () => {
      await Promise.all(elements.map(update));
      seen.push(...ownWords(renderedText(wrapper), store));
    };
    await look();

    // Edit Status (its Remote Extension, Call Using and Send my calls to dropdowns).
    picker.shadowRoot!.querySelector<HTMLButtonElement>('button[data-status-id="work-from-home"]')!.click();
    await look();

    // The open Availability menu and the open Call Using menu, with the Remote Extension badge (CALL-3).
    const availability = wrapper.querySelector('availability-menu')!;
    availability.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!.click();
    await look();
    const footer = wrapper.querySelector<CallUsingFooter>('call-using-footer')!;
    await store.setActiveStatus('work-from-home');
    await waitUntil(() => store.state.pending.length === 0, 'the change never settled');
    footer.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!.click();
    await look();

    // Place Call With.
    footer.placeCall('4712');
    await waitUntil(() => footer.shadowRoot!.querySelector('dialog')?.open === true, 'Place Call With never opened');
    await look();

    expect(seen.some((t) => t.includes('Bordstelefon')), 'the desk phone, in Swedish').to.equal(true);
    for (const word of ENGLISH) {
      const where = seen.filter((t) => t.includes(word));
      expect(where, `"${word}" under lang="sv"`).to.deep.equal([]);
    }
  });
});
