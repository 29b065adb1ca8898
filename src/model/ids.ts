/**
 * A random id for new numbers and for commands' idempotency keys. `crypto.randomUUID` exists only
 * in secure contexts, and intranet pages are often plain http, so this uses `getRandomValues`.
 */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
