/**
 * The few WebExtension APIs the popup and options page use, as Chromium and Firefox both offer
 * them under `chrome` with promises in Manifest V3. Declared here rather than pulling in a whole
 * types package for six functions.
 */
declare namespace chrome {
  namespace storage {
    interface StorageArea {
      get(keys: string | readonly string[]): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string | readonly string[]): Promise<void>;
    }
    /** Kept on disk. */
    const local: StorageArea;
    /** Kept in memory until the browser closes; what a token uses unless the user asks otherwise. */
    const session: StorageArea;
  }
  namespace permissions {
    function contains(permissions: { origins: string[] }): Promise<boolean>;
    function request(permissions: { origins: string[] }): Promise<boolean>;
  }
}
