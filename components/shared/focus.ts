/**
 * The element that has focus, looked for through open shadow roots: what a dialog or menu gives
 * focus back to when it closes. `null` when nothing in particular has focus (the page's body), so
 * that closing leaves focus where the browser puts it.
 */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}
