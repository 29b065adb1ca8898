// The size floor: only the libraries the bundle is built on, with the same functions imported,
// and nothing of ours. `npm run bench` compares dist/remote-extension.js against this.
export { css, html, LitElement, nothing } from 'lit';
export { property, query, queryAll, state } from 'lit/decorators.js';
export { ContextConsumer, ContextProvider, createContext } from '@lit/context';
export { createStore, del, get, set, update } from 'idb-keyval';
export {
  array, boolean, check, integer, is, literal, maxLength, maxValue, minLength, minValue, nullable,
  number, object, optional, picklist, pipe, regex, safeParse, string, unknown, variant,
} from 'valibot';
