/**
 * Finds controls the way a person or a screen reader does: by role and accessible name, through
 * every shadow root, among what is rendered. For tests that cross several elements, where no
 * single element's helpers reach.
 */

const implicitRoles: Record<string, (element: Element) => string | null> = {
  BUTTON: () => 'button',
  DIALOG: () => 'dialog',
  SELECT: () => 'combobox',
  H1: () => 'heading',
  H2: () => 'heading',
  H3: () => 'heading',
  INPUT: (element) => {
    const type = (element as HTMLInputElement).type;
    if (type === 'checkbox' || type === 'radio') return type;
    return ['text', 'tel', 'search', 'email', ''].includes(type) ? 'textbox' : null;
  },
};

export function roleOf(element: Element): string | null {
  return element.getAttribute('role') ?? implicitRoles[element.tagName]?.(element) ?? null;
}

function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/gu, ' ').trim();
}

/** The accessible name, from aria-labelledby, aria-label, a `<label>`, else the text. */
export function nameOf(element: Element): string {
  const root = element.getRootNode() as Document | ShadowRoot;
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(/\s+/u)
      .map((id) => squash(root.getElementById(id)?.textContent))
      .join(' ');
  }
  const label = element.getAttribute('aria-label');
  if (label) return squash(label);
  const labels = (element as HTMLInputElement).labels;
  if (labels?.length) return [...labels].map((l) => squash(l.textContent)).join(' ');
  return squash(element.textContent);
}

/** The text of what `aria-describedby` points at. */
export function descriptionOf(element: Element): string {
  const root = element.getRootNode() as Document | ShadowRoot;
  return (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/u)
    .filter(Boolean)
    .map((id) => squash(root.getElementById(id)?.textContent))
    .join(' ');
}

/** Every element under `scope`, its shadow roots included, in tree order. */
function* everything(scope: Element | ShadowRoot): Generator<Element> {
  for (const child of scope.children) {
    yield child;
    if (child.shadowRoot) yield* everything(child.shadowRoot);
    yield* everything(child);
  }
}

function rendered(element: Element): boolean {
  return element.checkVisibility({ visibilityProperty: true });
}

/** All rendered elements under `scope` with this role and a name matching `name`. */
export function allByRole(scope: Element, role: string, name: string | RegExp): Element[] {
  const root = scope.shadowRoot ? [scope.shadowRoot, scope] : [scope];
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  return root
    .flatMap((r) => [...everything(r)])
    .filter((e) => roleOf(e) === role && rendered(e) && matches(nameOf(e)));
}

/** The one rendered element under `scope` with this role and name; throws when not exactly one. */
export function byRole<T extends Element = HTMLElement>(scope: Element, role: string, name: string | RegExp): T {
  const found = allByRole(scope, role, name);
  if (found.length !== 1) throw new Error(`${found.length} rendered ${role}s named ${String(name)}`);
  return found[0] as T;
}

/** Whether exactly one rendered element has this role and name. */
export function hasRole(scope: Element, role: string, name: string | RegExp): boolean {
  return allByRole(scope, role, name).length === 1;
}

/** The focused element, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
