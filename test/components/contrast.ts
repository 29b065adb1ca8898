/**
 * WCAG contrast of computed colours, and the focus indicator an element draws: for the checks of
 * issue 18, finding 4 (a focus indicator of at least 3:1 against what it sits on, WCAG 1.4.11).
 */

type Rgba = readonly [number, number, number, number];

let context: CanvasRenderingContext2D | null = null;

/** Any CSS colour the browser computes (rgb(), color(srgb …), oklab() …) as 0–255 sRGB and alpha. */
export function toRgba(color: string): Rgba {
  context ??= Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', {
    willReadFrequently: true,
  });
  if (!context) throw new Error('no 2D canvas');
  context.clearRect(0, 0, 1, 1);
  context.fillStyle = '#000';
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0, a = 0] = context.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

function luminance([r, g, b]: Rgba): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** `top` drawn over the opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}

/** `color` drawn over the opaque `background`, as an opaque `rgb()` colour. */
export function opaque(color: string, background: string): string {
  const [r, g, b] = over(toRgba(color), toRgba(background));
  return `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`;
}

/** WCAG contrast ratio of `foreground` drawn over the (opaque) `background`. */
export function contrastRatio(foreground: string, background: string): number {
  const bg = toRgba(background);
  if (bg[3] < 1) throw new Error(`background ${background} is not opaque`);
  const fg = over(toRgba(foreground), bg);
  const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export interface FocusIndicator {
  readonly color: string;
  /** Its thickness in CSS pixels. */
  readonly width: number;
  readonly kind: 'outline' | 'box-shadow';
}

/** The outline the element draws, else the first solid ring of its box-shadow; null when neither. */
export function focusIndicator(element: Element): FocusIndicator | null {
  const style = getComputedStyle(element);
  const outlineWidth = Number.parseFloat(style.outlineWidth);
  if (style.outlineStyle !== 'none' && outlineWidth > 0) {
    return { color: style.outlineColor, width: outlineWidth, kind: 'outline' };
  }
  if (style.boxShadow && style.boxShadow !== 'none') {
    // "rgb(11, 92, 173) 0px 0px 0px 2px inset": the colour, then offsets, blur and spread.
    const match = /^(?<color>(?:rgba?|color|oklab|oklch|lab|lch)\([^)]*\))\s+(?<lengths>[-\d.px\s]+)/u.exec(style.boxShadow);
    const lengths = match?.groups?.['lengths']?.trim().split(/\s+/u).map(Number.parseFloat) ?? [];
    const spread = lengths[3] ?? 0;
    if (match?.groups?.['color'] && spread > 0) return { color: match.groups['color'], width: spread, kind: 'box-shadow' };
  }
  return null;
}
