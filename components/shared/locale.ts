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

/** A typed table of one element's strings, one entry per locale. */
export type StringTable<T> = Readonly<Record<Locale, T>>;
