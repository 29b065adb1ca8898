/**
 * The options page (EXT-1, EXT-2): which platform, where it is, how to sign in, and a test of
 * the connection that says plainly what happened. Host access is asked for only when the
 * configured server cannot be reached without it, and only for that server's origin.
 */
import * as v from 'valibot';
import { activeStatus, IdSchema } from '../src/model/index.js';
import { isPlatformError, loadRestPlatform, loadSimulatedPlatform, type PlatformClient } from '../src/platform/index.js';
import { DEFAULT_SETTINGS, hostPattern, loadSettings, saveSettings, type Settings } from './settings.js';

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`options.html has no #${id}`);
  return found as T;
}

const form = byId<HTMLFormElement>('settings');
const serverFields = byId<HTMLFieldSetElement>('server-fields');
const endpoint = byId<HTMLInputElement>('endpoint');
const endpointError = byId('endpoint-error');
const user = byId<HTMLInputElement>('user');
const token = byId<HTMLInputElement>('token');
const remember = byId<HTMLInputElement>('remember');
const result = byId('result');
const testButton = byId<HTMLButtonElement>('test');

function chosenPlatform(): Settings['platform'] {
  return form.querySelector<HTMLInputElement>('input[name="platform"]:checked')?.value === 'server' ? 'server' : 'demo';
}

function chosenSignIn(): Settings['signIn'] {
  return form.querySelector<HTMLInputElement>('input[name="signIn"]:checked')?.value === 'session' ? 'session' : 'token';
}

function showPlatform(): void {
  serverFields.disabled = chosenPlatform() === 'demo';
  token.disabled = remember.disabled = chosenSignIn() === 'session';
}

/** The form as settings, or null with the reason shown at its field. */
function readForm(): Settings | null {
  const platform = chosenPlatform();
  let problem = '';
  if (platform === 'server') {
    try {
      const url = new URL(endpoint.value.trim());
      if (url.protocol !== 'https:' && url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') {
        problem = 'Use an https:// address (plain http only for localhost).';
      }
    } catch {
      problem = 'Enter the API’s full address, e.g. https://pbx.example.com/api/v1.';
    }
  }
  endpointError.textContent = problem;
  endpointError.hidden = problem === '';
  endpoint.setAttribute('aria-invalid', String(problem !== ''));
  const userId = platform === 'server' ? user.value.trim() : DEFAULT_SETTINGS.user;
  if (!problem && !v.is(IdSchema, userId)) {
    result.textContent = 'The user is 1–64 letters, digits, _ or -.';
    return null;
  }
  if (problem) {
    endpoint.focus();
    return null;
  }
  return { platform, endpoint: endpoint.value.trim(), user: userId, signIn: chosenSignIn(), remember: remember.checked };
}

async function clientFor(settings: Settings): Promise<PlatformClient> {
  if (settings.platform === 'demo') {
    const { SimulatedPlatform } = await loadSimulatedPlatform();
    return new SimulatedPlatform({ user: settings.user });
  }
  const { RestPlatformClient } = await loadRestPlatform();
  const secret = token.value;
  return new RestPlatformClient({
    endpoint: settings.endpoint,
    user: settings.user,
    auth: settings.signIn === 'session' ? { kind: 'cookie' } : { kind: 'bearer', token: () => secret },
    retries: 0,
    timeout: 8000,
  });
}

async function testConnection(settings: Settings): Promise<void> {
  result.textContent = 'Testing…';
  testButton.setAttribute('aria-disabled', 'true');
  try {
    const snapshot = await (await clientFor(settings)).load();
    const where = settings.platform === 'demo' ? 'the demo platform' : snapshot.platform.name;
    result.textContent =
      `Connected to ${where} as ${snapshot.user.displayName}: ${snapshot.numbers.length} numbers, ` +
      `status ${activeStatus(snapshot).name}.`;
  } catch (error) {
    const reason = isPlatformError(error) || error instanceof Error ? error.message : String(error);
    result.textContent = `Could not connect: ${reason}`;
    if (settings.platform === 'server' && isPlatformError(error) && error.code === 'offline') await offerHostAccess(settings);
  } finally {
    testButton.removeAttribute('aria-disabled');
  }
}

/**
 * A server that does not allow this extension's origin (CORS) is reachable only with host
 * access; ask for it, for that origin alone, with a button the user presses (EXT-2).
 */
async function offerHostAccess(settings: Settings): Promise<void> {
  const origins = [hostPattern(settings.endpoint)];
  if (await chrome.permissions.contains({ origins })) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = `Allow access to ${new URL(settings.endpoint).origin}`;
  button.addEventListener('click', () => {
    void chrome.permissions.request({ origins }).then(async (granted) => {
      button.remove();
      if (granted) await testConnection(settings);
      else result.textContent = 'Access was not allowed, so the extension cannot reach this server.';
    });
  });
  result.append(' ', button);
}

form.addEventListener('change', showPlatform);
/**
 * The platform's session cookie travels to its server only with host access (the browser treats
 * the extension as another site otherwise), so session sign-in asks for it, for that origin
 * alone, while the user's click still counts as a gesture.
 */
function sessionAccess(settings: Settings): Promise<boolean> {
  if (settings.platform !== 'server' || settings.signIn !== 'session') return Promise.resolve(true);
  return chrome.permissions.request({ origins: [hostPattern(settings.endpoint)] });
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const settings = readForm();
  if (!settings) return;
  void sessionAccess(settings).then(async (granted) => {
    if (!granted) {
      result.textContent = 'Signing in with the platform’s session needs access to its site, which was not allowed.';
      return;
    }
    await saveSettings(settings, settings.signIn === 'session' ? '' : token.value);
    result.textContent = 'Saved. The popup uses these settings from now on.';
  });
});
testButton.addEventListener('click', () => {
  if (testButton.getAttribute('aria-disabled') === 'true') return;
  const settings = readForm();
  if (!settings) return;
  void sessionAccess(settings).then((granted) => {
    if (granted) void testConnection(settings);
    else result.textContent = 'Signing in with the platform’s session needs access to its site, which was not allowed.';
  });
});

const { settings, token: saved } = await loadSettings();
form.querySelector<HTMLInputElement>(`input[name="platform"][value="${settings.platform}"]`)?.click();
endpoint.value = settings.endpoint;
user.value = settings.user;
token.value = saved;
remember.checked = settings.remember;
form.querySelector<HTMLInputElement>(`input[name="signIn"][value="${settings.signIn}"]`)?.click();
showPlatform();
