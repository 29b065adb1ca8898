/**
 * The MiCollab-like demo page: navigation between Contacts, Settings → General → My Numbers and
 * Settings → Manage Status; call buttons and a dial pad that ask for Place Call With; and the demo
 * controls, which act on the simulated platform as its administrator would.
 *
 * The elements come from the bundle (this import is the bundle's URL once built); the page only
 * wires its own controls to them.
 */
import { loadSimulatedPlatform, PlaceCallRequestEvent } from '../entries/bundle.js';
import type { StoreState } from '../entries/index.js';
import type { SampleProfile } from '../src/platform/simulated/index.js';

// --- Platform: the simulated one (default), or the reference server with ?platform=rest --------
// Set before the provider's first update, which is when it makes its Store.

const params = new URLSearchParams(location.search);
const provider = document.querySelector('remote-extension-provider');
const onReferenceServer = params.get('platform') === 'rest';
if (provider && onReferenceServer) {
  provider.endpoint = params.get('endpoint') ?? 'http://127.0.0.1:8787/api/v1';
  // The reference server's demo user token (`npm run server` prints it); a real page asks its login.
  provider.auth = { kind: 'bearer', token: () => 'demo-token' };
  provider.platform = 'rest';
}

const views = ['contacts', 'my-numbers', 'manage-status'] as const;
type View = (typeof views)[number];

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page has no #${id}.`);
  return found as T;
}

// --- Navigation: a disclosure tree (WAI-ARIA disclosure pattern) and one view per hash ---------

function setExpanded(button: HTMLButtonElement, expanded: boolean): void {
  button.setAttribute('aria-expanded', String(expanded));
  byId(button.getAttribute('aria-controls') ?? '').hidden = !expanded;
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button.disclosure')) {
  button.addEventListener('click', () => setExpanded(button, button.getAttribute('aria-expanded') !== 'true'));
}

function currentView(): View {
  const wanted = location.hash.slice(1);
  return (views as readonly string[]).includes(wanted) ? (wanted as View) : 'contacts';
}

function showView(): void {
  const view = currentView();
  for (const id of views) byId(id).hidden = id !== view;
  // Open the branches that lead to the view, as the client's own navigation does.
  if (view !== 'contacts') setExpanded(byId<HTMLButtonElement>('settings-menu').previousElementSibling as HTMLButtonElement, true);
  if (view === 'my-numbers') setExpanded(byId<HTMLButtonElement>('general-menu').previousElementSibling as HTMLButtonElement, true);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
    if (link.hash === `#${view}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

window.addEventListener('hashchange', showView);
showView();

// --- Calls: any element may ask <call-using-footer> for the Place Call With prompt -----------

// A contact's button says whom it calls, so the prompt reads "Call Maria Berg (4712)".
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-call]')) {
  const name = button.closest('li')?.querySelector('.name')?.textContent?.trim() || undefined;
  button.addEventListener('click', () => button.dispatchEvent(new PlaceCallRequestEvent(button.dataset.call ?? '', name)));
}

const dialPad = document.querySelector<HTMLFormElement>('form.dial-pad');
dialPad?.addEventListener('submit', (event) => {
  event.preventDefault();
  const dial = byId<HTMLInputElement>('dial').value.trim();
  if (dial) dialPad.dispatchEvent(new PlaceCallRequestEvent(dial));
});

// --- Demo controls: the administrator's side of the simulated platform ------------------------

type ProfileName = 'mx-one' | 'no-admin-remote-extension' | 'mivoice-business';

const profiles: Record<ProfileName, { profile: SampleProfile; done: string }> = {
  'mx-one': { profile: { kind: 'mx-one' }, done: 'Reset: MiVoice MX-One with the sample data.' },
  'no-admin-remote-extension': {
    profile: { kind: 'mx-one', adminRemoteExtension: false },
    done: 'Reset: MX-One without an admin-provisioned remote extension.',
  },
  'mivoice-business': { profile: { kind: 'mivoice-business' }, done: 'Reset: a platform that is not MX-One.' },
};

const demoStatus = byId('demo-status');
const resetButton = byId<HTMLButtonElement>('reset');

function chosenProfile(): ProfileName {
  const value = document.querySelector<HTMLInputElement>('input[name="profile"]:checked')?.value ?? '';
  return value in profiles ? (value as ProfileName) : 'mx-one';
}

async function reset(): Promise<void> {
  const choice = profiles[chosenProfile()];
  resetButton.setAttribute('aria-disabled', 'true');
  demoStatus.textContent = 'Resetting…';
  try {
    // A second simulator on the same account: its change reaches the page's own through the feed.
    const { SimulatedPlatform } = await loadSimulatedPlatform();
    await new SimulatedPlatform({ user: 'demo-user' }).reset(choice.profile);
    demoStatus.textContent = choice.done;
  } catch (error) {
    demoStatus.textContent = `The reset failed: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    resetButton.removeAttribute('aria-disabled');
  }
}

resetButton.addEventListener('click', () => {
  if (resetButton.getAttribute('aria-disabled') !== 'true') void reset();
});
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="profile"]')) {
  radio.addEventListener('change', () => void reset());
}

// The radios show what the platform is now, also after a reload.
function showProfile({ data }: StoreState): void {
  if (!data) return;
  const adminRemoteExtension = data.numbers.some((n) => n.adminProvisioned && n.remoteExtension);
  const value: ProfileName =
    data.platform.kind === 'mivoice-business' ? 'mivoice-business' : adminRemoteExtension ? 'mx-one' : 'no-admin-remote-extension';
  const radio = document.querySelector<HTMLInputElement>(`input[name="profile"][value="${value}"]`);
  if (radio) radio.checked = true;
}

if (onReferenceServer) {
  byId('simulator-controls').hidden = true;
  byId('server-note').hidden = false;
} else {
  const store = provider?.store;
  if (store) {
    showProfile(store.state);
    store.subscribe(showProfile);
  }
}
