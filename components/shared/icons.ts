import { html, type TemplateResult } from 'lit';
import type { Device } from '../../src/model/index.js';

/**
 * The elements' icons (issue 18, one visual language): inline SVG, so no icon font, no request and
 * nothing a strict CSP refuses. Each is one short path on a 16-unit grid, painted in `currentColor`
 * (so it follows the text, and the system colours under forced colours), sized in em by the
 * `.icon` rule of `baseStyles`, and hidden from assistive technology: the text beside it, or its
 * button's `aria-label`, says what it shows. Holes are subpaths drawn the other way round (no
 * `fill-rule`).
 *
 * The rows of My Numbers (components/my-numbers/number-row.ts) write the `mobile`, `edit` and
 * `delete` icons out in their template rather than calling `icon()`: change those there too.
 */
const paths = {
  /** A desk phone: a handset over a body with a display. */
  desk: 'M1 6Q8 0 15 6v1h-3V6H4v1H1zm1 2h12v7H2zm2 2v2h8v-2z',
  /** A headset: the softphone. */
  softphone: 'M2 14V8a6 6 0 0 1 12 0v6h-3V9h2V8A5 5 0 0 0 3 8v1h2v5z',
  /** A mobile phone: a number of My Numbers. */
  mobile: 'M4 1h8v14H4zm1 2v9h6V3z',
  edit: 'M11 1l4 4-9 9H2v-4z',
  delete: 'M5 1h6v2h4v2H1V3h4zM2 6h12l-1 9H3z',
} as const;

export type IconName = keyof typeof paths;

/** The icon `name`: `<svg class="icon" data-icon=name aria-hidden="true">`. */
export function icon(name: IconName): TemplateResult {
  return html`<svg class="icon" data-icon=${name} viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="currentColor"><path d=${paths[name]}></path></svg>`;
}

/** The icon of a device's kind: the platform's desk phone and softphone, a number's mobile. */
export function deviceIcon(device: Pick<Device, 'kind'>): TemplateResult {
  return icon(device.kind === 'number' ? 'mobile' : device.kind);
}
