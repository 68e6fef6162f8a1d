let context: CanvasRenderingContext2D | null | undefined;
let family = 'sans-serif';

/**
 * The width in pixels of a chart label (11px, the app's font), measured on a canvas so that
 * labels are spaced by what they say in the current language; an estimate outside a browser.
 */
export function measureText(text: string, bold: boolean, size = 11): number {
  if (context === undefined) {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (context) family = getComputedStyle(document.body).fontFamily || family;
  }
  if (!context) return text.length * size * (bold ? 0.65 : 0.6);
  context.font = `${bold ? 600 : 400} ${size}px ${family}`;
  return context.measureText(text).width;
}
