/**
 * How the Store's state stays safe to share and cheap to watch: frozen all the way down, and
 * keeping the identity of every part that did not change.
 */

/**
 * `next`, with each part that equals the same part of `prev` (array items matched by `id`) replaced
 * by `prev`'s own object; `prev` itself when they are equal throughout.
 */
export function reuseEqual<T>(prev: unknown, next: T): T {
  if (Object.is(prev, next) || !isObject(prev) || !isObject(next)) return next;
  if (Array.isArray(prev) || Array.isArray(next)) {
    if (!Array.isArray(prev) || !Array.isArray(next)) return next;
    const byId = new Map<unknown, unknown>(prev.map((item) => [isObject(item) ? item['id'] : undefined, item]));
    const after = next.map((item: unknown, i) => reuseEqual(isObject(item) && 'id' in item ? byId.get(item['id']) : prev[i], item));
    return (after.length === prev.length && after.every((item, i) => item === prev[i]) ? prev : after) as T;
  }
  const after: Record<string, unknown> = {};
  let same = Object.keys(prev).length === Object.keys(next).length;
  for (const [key, value] of Object.entries(next)) {
    after[key] = reuseEqual(prev[key], value);
    same &&= key in prev && after[key] === prev[key];
  }
  return (same ? prev : after) as T;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Snapshots handed out are frozen all the way down, so no subscriber can change another's view. */
export function freeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) freeze(inner);
  }
  return value;
}
