/**
 * What the options page saves and the popup reads (EXT-1, EXT-2). The endpoint and choices live
 * in `storage.local`; the token in `storage.session` (memory only) unless the user asks to be
 * remembered. Nothing of it ever reaches IndexedDB.
 */
import * as v from 'valibot';
import { IdSchema } from '../src/model/index.js';
import type { PlatformChoice, RestAuth } from '../src/platform/index.js';

const SettingsSchema = v.object({
  /** `demo`: the simulated platform, in the extension's own storage; `server`: a real one. */
  platform: v.picklist(['demo', 'server']),
  endpoint: v.string(),
  user: IdSchema,
  /** `token`: a bearer token typed here; `session`: the platform's own sign-in cookie. */
  signIn: v.optional(v.picklist(['token', 'session']), 'token'),
  remember: v.boolean(),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { platform: 'demo', endpoint: '', user: 'demo-user', signIn: 'token', remember: false };

export async function loadSettings(): Promise<{ settings: Settings; token: string }> {
  const stored = await chrome.storage.local.get(['settings', 'token']);
  const parsed = v.safeParse(SettingsSchema, stored.settings);
  const settings = parsed.success ? parsed.output : DEFAULT_SETTINGS;
  const session = await chrome.storage.session.get('token');
  const token = [session.token, stored.token].find((t): t is string => typeof t === 'string') ?? '';
  return { settings, token };
}

export async function saveSettings(settings: Settings, token: string): Promise<void> {
  await chrome.storage.local.set({ settings });
  // The token goes to disk only when the user asked to be remembered.
  await chrome.storage.session.set({ token });
  if (settings.remember) await chrome.storage.local.set({ token });
  else await chrome.storage.local.remove('token');
}

/** The endpoint's origin as a host permission pattern (EXT-2: access to that host only). */
export function hostPattern(endpoint: string): string {
  return `${new URL(endpoint).origin}/*`;
}

/** What the provider is told to use. */
export function platformChoice(settings: Settings, token: string): PlatformChoice {
  if (settings.platform === 'demo') return { platform: 'simulated', user: settings.user };
  const auth: RestAuth = settings.signIn === 'session' ? { kind: 'cookie' } : { kind: 'bearer', token: () => token };
  return { platform: 'rest', user: settings.user, endpoint: settings.endpoint, auth };
}
