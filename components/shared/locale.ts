/**
 * The languages the elements speak, and where their words come from. English is in the core, in
 * each element's `strings.ts`; every other language is one module of its own (`swedish.ts`),
 * fetched the first time a page needs it (`loadLocale`), so an English page never downloads it.
 */
import type { AddNumberDialogStrings } from '../add-number-dialog/strings.js';
import type { AvailabilityStrings } from '../availability-menu/strings.js';
import type { CallUsingStrings } from '../call-using-footer/strings.js';
import type { MyNumbersStrings } from '../my-numbers/strings.js';
import type { QuickStatusStrings } from '../quick-status/strings.js';
import type { StatusRemotePickerStrings } from '../status-remote-picker/strings.js';
import { keptOnSuccess } from './kept-on-success.js';
import type { SharedStrings } from './strings.js';

/** The languages the elements speak. English is the fallback. */
export type Locale = 'en' | 'sv';

/**
 * The element's language: its own or nearest ancestor's `lang`, else the document's. Swedish for
 * any `sv…` tag (MX-One's home market), English otherwise.
 */
export function localeOf(element: Element): Locale {
  const lang = element.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
  return lang.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}

/** Every table of words, by name: what a language's module holds, all of them. */
export interface Tables {
  readonly shared: SharedStrings;
  readonly myNumbers: MyNumbersStrings;
  readonly addNumberDialog: AddNumberDialogStrings;
  readonly statusRemotePicker: StatusRemotePickerStrings;
  readonly availability: AvailabilityStrings;
  readonly callUsing: CallUsingStrings;
  readonly quickStatus: QuickStatusStrings;
}

export type TableName = keyof Tables;

/**
 * One element's words: the English table, always here, and the name under which every other
 * language's module holds its own. Made by `stringTable`, which ties the name to the type.
 */
export interface StringTable<T> {
  readonly name: TableName;
  readonly en: T;
}

export function stringTable<N extends TableName>(name: N, en: Tables[N]): StringTable<Tables[N]> {
  return { name, en };
}

/** The languages other than English, each a module fetched when a page first needs it. */
type Loadable = Exclude<Locale, 'en'>;

/** The one dynamic `import()` per language: each its own chunk in the build. */
const modules: Readonly<Record<Loadable, () => Promise<Tables>>> = {
  sv: async () => (await import('./swedish.js')).swedish,
};

const loaded = new Map<Loadable, Tables>();
const fetchWords = keptOnSuccess(async (locale: Loadable) => {
  loaded.set(locale, await modules[locale]());
});

/**
 * Fetches a language's words, once: a second call while the first runs, or after it, asks for
 * nothing more. A failed fetch is forgotten, so the next call tries again. English is always here.
 */
export function loadLocale(locale: Locale): Promise<void> {
  return locale === 'en' || loaded.has(locale) ? Promise.resolve() : fetchWords(locale);
}

/** Whether a language's words are here (English always is). */
export function isLoaded(locale: Locale): boolean {
  return locale === 'en' || loaded.has(locale);
}

/** A table's words in a language, when that language is loaded; else in English. */
export function inLocale<T>(table: StringTable<T>, locale: Locale): T {
  if (locale === 'en') return table.en;
  // `stringTable` made `table` with the name whose entry in `Tables` is its `T`.
  return (loaded.get(locale)?.[table.name] as T | undefined) ?? table.en;
}

/** A table's words in every language loaded so far, English first. */
export function loadedIn<T>(table: StringTable<T>): T[] {
  return [table.en, ...[...loaded.values()].map((tables) => tables[table.name] as T)];
}
