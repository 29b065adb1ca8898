/**
 * `load`, called once per key and its promise kept while it is on its way and once it succeeded; a
 * failure is forgotten, so the next call for that key tries again. How the elements' chunks, a
 * language's words and the Add/Edit Number dialog are fetched: once, and again after a failure.
 */
export function keptOnSuccess<K, V>(load: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const kept = new Map<K, Promise<V>>();
  return (key) => {
    let value = kept.get(key);
    if (!value) {
      const loading = load(key);
      kept.set(key, loading);
      loading.catch(() => {
        if (kept.get(key) === loading) kept.delete(key);
      });
      value = loading;
    }
    return value;
  };
}
