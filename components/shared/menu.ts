import type { Problem } from '../../src/model/index.js';
import type { Locale } from './locale.js';
import { sharedStrings } from './strings.js';

/**
 * Where focus goes inside an APG menu for a key press: ArrowUp/ArrowDown wrap, Home and End jump.
 * Returns null for any other key. Shared by the Availability and Call Using menus.
 */
export function menuFocusIndex(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** Whether a pointer or focus event happened inside `host` (its shadow tree included). */
export function isInside(event: Event, host: Element): boolean {
  return event.composedPath().includes(host);
}

/**
 * The words for a refused or failed change: the rule's reason in the element's language when
 * the platform named one (a `PlatformError`'s `problem`), else the error's own message.
 */
export function failureReason(error: unknown, locale: Locale): string {
  if (error instanceof Error) {
    const { problem } = error as Error & { problem?: Problem };
    return problem ? sharedStrings[locale].problem(problem) : error.message;
  }
  return String(error);
}
