/**
 * A QR code as inline SVG built with DOM calls: `qrcode` only computes the modules (`create`), and
 * one <path> draws the dark ones. No data: URL (the app CSP's img-src is 'self' only), no canvas
 * pixels, no markup strings; crisp at any zoom. Loaded only by the two-step verification page
 * when it shows a secret (dynamic import), so neither the shell nor the local page carries it.
 */
import { create } from 'qrcode';

/** Light margin around the symbol, in modules, as ISO/IEC 18004 asks for reliable scanning. */
export const quietZone = 4;

/** The dark modules of a symbol as SVG path data, one unit per module, offset by the quiet zone. */
export function qrPath(matrix: { size: number; get(row: number, col: number): number | boolean }): string {
  const parts: string[] = [];
  for (let row = 0; row < matrix.size; row += 1) {
    for (let col = 0; col < matrix.size; col += 1) {
      if (matrix.get(row, col)) parts.push(`M${col + quietZone} ${row + quietZone}h1v1h-1z`);
    }
  }
  return parts.join('');
}

const svgNs = 'http://www.w3.org/2000/svg';

function svgEl(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  return el;
}

/** An image of `text` as a QR code (error correction M), named for assistive technology by `label`. */
export function qrSvg(text: string, label: string, pixels = 232): SVGElement {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const extent = modules.size + quietZone * 2;
  const svg = svgEl('svg', {
    viewBox: `0 0 ${extent} ${extent}`,
    width: pixels,
    height: pixels,
    role: 'img',
    'aria-label': label,
    'shape-rendering': 'crispEdges',
    class: 'qr-code',
  });
  // Black on white whatever the page theme: scanners need the contrast.
  svg.append(svgEl('rect', { width: extent, height: extent, fill: '#ffffff' }), svgEl('path', { d: qrPath(modules), fill: '#000000' }));
  return svg;
}
