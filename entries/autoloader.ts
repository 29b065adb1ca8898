/**
 * The script-tag bundle's autoloader: each element's code is a chunk of its own, fetched the first
 * time its tag is in the page (as Shoelace's and Web Awesome's autoloaders do), so a page pays only
 * for the tags it uses. The provider is not here: it is in the bundle's core, defined at once.
 *
 * The tags found together are defined together, after every chunk they need has arrived, so the
 * elements of a page appear in the same frame instead of one by one (no flash of some elements
 * shown and others still undefined). Their own first render waits for the Store's data anyway.
 */
import type { AddNumberDialog } from '../components/add-number-dialog/add-number-dialog.js';
import { ElementLoadFailedEvent } from '../components/remote-extension-provider/element-load-failed-event.js';
import { keptOnSuccess } from '../components/shared/kept-on-success.js';

type Load = () => Promise<CustomElementConstructor>;
type Tag = 'my-numbers' | 'add-number-dialog' | 'availability-menu' | 'call-using-footer' | 'quick-status' | 'status-remote-picker';

/** Each tag and how its class is fetched. The chunks are named after the tags. */
const loaders: Readonly<Record<Tag, Load>> = {
  'my-numbers': async () => {
    const { MyNumbers } = await import('../components/my-numbers/my-numbers.js');
    // My Numbers makes its Add/Edit Number dialog with `new`: the dialog's chunk comes through
    // here so that its tag is defined by then.
    MyNumbers.numberDialog = () => loadDefined('add-number-dialog') as Promise<typeof AddNumberDialog>;
    return MyNumbers;
  },
  'add-number-dialog': async () => (await import('../components/add-number-dialog/add-number-dialog.js')).AddNumberDialog,
  'availability-menu': async () => (await import('../components/availability-menu/availability-menu.js')).AvailabilityMenu,
  'call-using-footer': async () => (await import('../components/call-using-footer/call-using-footer.js')).CallUsingFooter,
  'quick-status': async () => (await import('../components/quick-status/quick-status.js')).QuickStatus,
  'status-remote-picker': async () =>
    (await import('../components/status-remote-picker/status-remote-picker.js')).StatusRemotePicker,
};

const names = Object.keys(loaders) as Tag[];
const selector = names.join(',');
const isTag = (name: string): name is Tag => (names as string[]).includes(name);

/** A tag's class, fetched once; a failed fetch is forgotten, so the next discovery tries again. */
const load = keptOnSuccess((name: Tag) => loaders[name]());

/** Defines `name` if no one has, under its default name, and gives the class that has it. */
function define(name: string, element: CustomElementConstructor): CustomElementConstructor {
  // A page may load the bundle twice (two widgets, two scripts): the first definition stays.
  const defined = customElements.get(name);
  if (defined) return defined;
  customElements.define(name, element);
  return element;
}

async function loadDefined(name: Tag): Promise<CustomElementConstructor> {
  return define(name, await load(name));
}

/** Our elements in `root` (itself included) whose tag is not defined yet. */
function undefinedIn(root: Element | Document | DocumentFragment): Element[] {
  const elements = root instanceof Element ? [root, ...root.querySelectorAll(selector)] : [...root.querySelectorAll(selector)];
  return elements.filter(({ localName }) => isTag(localName) && !customElements.get(localName));
}

/**
 * Fetches and defines every one of our tags in `root` (itself included) not yet defined, all at
 * once when the last of their chunks has arrived. Resolves when they are defined; rejects if a
 * chunk could not be fetched (then none of this call's tags is defined, and a later call retries).
 */
export async function discover(root: Element | Document | DocumentFragment = document): Promise<void> {
  const found = new Set(undefinedIn(root).map(({ localName }) => localName as Tag));
  if (found.size === 0) return;
  const loaded = await Promise.all([...found].map(async (name) => [name, await load(name)] as const));
  for (const [name, element] of loaded) define(name, element);
}

/**
 * Discovers the page's tags now and those added later, until every tag is defined. A chunk that
 * could not be fetched is fetched again at the next addition to the page, when the browser is
 * back online, or when the user chooses *Try again*: until then its elements stay empty, their
 * provider says so (`ElementLoadFailedEvent`), and the console says why.
 */
export function autoload(): void {
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) void run(node);
      }
    }
  });
  /** Discovers `root`'s tags; the promise is the discovery's, for `ElementLoadFailedEvent.retry`. */
  const run = (root: Element | Document): Promise<void> => {
    const discovered = discover(root);
    discovered.then(
      () => {
        if (names.every((name) => customElements.get(name))) observer.disconnect();
      },
      (error: unknown) => {
        console.error('remote-extension: an element could not be loaded.', error);
        for (const element of undefinedIn(root)) element.dispatchEvent(new ElementLoadFailedEvent(() => run(document)));
      },
    );
    return discovered;
  };
  observer.observe(document.documentElement, { childList: true, subtree: true });
  addEventListener('online', () => void run(document));
  void run(document);
}
