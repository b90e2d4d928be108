/**
 * Hand-made SVG charts for the reports page, built with DOM calls (never markup), so they need
 * no library and pass the strict CSP (colours come from classes in learning.css). Each chart is
 * `role="img"` named by its `<title>` and described by its `<desc>`; every data point also has a
 * `<title>` for pointer users. The numbers themselves are in the table each chart comes with.
 */
import { uid } from '../../dom';

const svgNs = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: Array<Node | string>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

/** A round top for the y axis: 1, 2 or 5 × a power of ten, at least `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

function frame(title: string, desc: string, width: number, height: number) {
  const titleId = uid('chart-title');
  const descId = uid('chart-desc');
  return svg('svg', { class: 'reports-chart__svg', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, focusable: 'false' }, svg('title', { id: titleId }, title), svg('desc', { id: descId }, desc));
}

export interface LineSeries {
  name: string;
  /** One value per label. */
  values: number[];
  /** A modifier for the series' colour (`reports-chart__series--{key}`). */
  key: string;
}

/** Lines over the months (or any ordered labels), with the value of each point in its title. */
export function lineChart(o: { title: string; desc: string; labels: string[]; series: LineSeries[]; format: (n: number) => string }): SVGSVGElement {
  const width = 640;
  const height = 240;
  const pad = { top: 12, right: 16, bottom: 34, left: 44 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = niceMax(Math.max(0, ...o.series.flatMap((s) => s.values)));
  const x = (i: number) => pad.left + (o.labels.length <= 1 ? plotW / 2 : (i * plotW) / (o.labels.length - 1));
  const y = (v: number) => pad.top + plotH - (Math.max(0, v) / max) * plotH;
  const root = frame(o.title, o.desc, width, height);
  for (const v of [0, max / 2, max]) {
    root.append(svg('line', { class: v === 0 ? 'reports-chart__axis' : 'reports-chart__grid', x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v) }));
    root.append(svg('text', { class: 'reports-chart__tick', x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, o.format(v)));
  }
  const every = Math.max(1, Math.ceil(o.labels.length / 12));
  o.labels.forEach((label, i) => {
    if (i % every === 0) root.append(svg('text', { class: 'reports-chart__tick', x: x(i), y: height - pad.bottom + 16, 'text-anchor': 'middle' }, label));
  });
  for (const s of o.series) {
    const g = svg('g', { class: `reports-chart__series reports-chart__series--${s.key}` });
    g.append(svg('polyline', { class: 'reports-chart__line', points: s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ') }));
    s.values.forEach((v, i) => g.append(svg('circle', { class: 'reports-chart__dot', cx: x(i), cy: y(v), r: 3.5 }, svg('title', {}, `${o.labels[i]} — ${s.name}: ${o.format(v)}`))));
    root.append(g);
  }
  return root;
}

export interface Bar {
  label: string;
  /** null: no value (no bar, the label stays). */
  value: number | null;
}

/** Vertical bars, one per label (months): for values on a fixed scale such as a 1–5 rating. */
export function columnChart(o: { title: string; desc: string; bars: Bar[]; max?: number; format: (n: number) => string }): SVGSVGElement {
  const width = 640;
  const height = 220;
  const pad = { top: 12, right: 16, bottom: 34, left: 44 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = o.max ?? niceMax(Math.max(0, ...o.bars.map((b) => b.value ?? 0)));
  const slot = plotW / Math.max(1, o.bars.length);
  const barW = Math.max(4, Math.min(32, slot * 0.6));
  const y = (v: number) => pad.top + plotH - (Math.max(0, Math.min(v, max)) / max) * plotH;
  const root = frame(o.title, o.desc, width, height);
  for (const v of [0, max / 2, max]) {
    root.append(svg('line', { class: v === 0 ? 'reports-chart__axis' : 'reports-chart__grid', x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v) }));
    root.append(svg('text', { class: 'reports-chart__tick', x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, o.format(v)));
  }
  const every = Math.max(1, Math.ceil(o.bars.length / 12));
  o.bars.forEach((b, i) => {
    const cx = pad.left + slot * i + slot / 2;
    if (b.value !== null) root.append(svg('rect', { class: 'reports-chart__bar', x: cx - barW / 2, y: y(b.value), width: barW, height: Math.max(0, y(0) - y(b.value)) }, svg('title', {}, `${b.label}: ${o.format(b.value)}`)));
    if (i % every === 0) root.append(svg('text', { class: 'reports-chart__tick', x: cx, y: height - pad.bottom + 16, 'text-anchor': 'middle' }, b.label));
  });
  return root;
}

const shorten = (s: string, max = 30) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Horizontal bars, one row per item (modules, paths, networks, registers, departments), with the value beside each. */
export function barChart(o: { title: string; desc: string; bars: Bar[]; max?: number; format: (n: number) => string }): SVGSVGElement {
  const row = 24;
  const pad = { top: 8, right: 64, bottom: 8, left: 210 };
  const width = 640;
  const plotW = width - pad.left - pad.right;
  const height = pad.top + pad.bottom + row * Math.max(1, o.bars.length);
  const max = o.max ?? niceMax(Math.max(0, ...o.bars.map((b) => b.value ?? 0)));
  const root = frame(o.title, o.desc, width, height);
  root.append(svg('line', { class: 'reports-chart__axis', x1: pad.left, x2: pad.left, y1: pad.top, y2: height - pad.bottom }));
  o.bars.forEach((b, i) => {
    const top = pad.top + i * row;
    root.append(svg('text', { class: 'reports-chart__label', x: pad.left - 8, y: top + row / 2 + 4, 'text-anchor': 'end' }, shorten(b.label)));
    const w = b.value === null ? 0 : (Math.max(0, Math.min(b.value, max)) / max) * plotW;
    root.append(svg('rect', { class: 'reports-chart__bar', x: pad.left, y: top + 4, width: w, height: row - 8 }, svg('title', {}, `${b.label}: ${b.value === null ? '–' : o.format(b.value)}`)));
    root.append(svg('text', { class: 'reports-chart__value', x: pad.left + w + 6, y: top + row / 2 + 4 }, b.value === null ? '–' : o.format(b.value)));
  });
  return root;
}
