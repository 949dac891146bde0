import {html} from "htl";
import {chartFileName, recordsToCsv} from "../lib/io/export.js";
import {saveBlob} from "./download.js";

/** What a chart gives to be saved: a name for its files and the rows it draws (for the CSV). */
export interface SaveOptions {
  /** The chart's name, e.g. "flag volume"; the files are named after it and the card's title. */
  name: string;
  rows: readonly object[];
}

const SVG_NS = "http://www.w3.org/2000/svg";
/** Properties whose computed value replaces CSS variables and currentColor in a saved SVG. */
const PAINT = ["fill", "stroke", "color", "stop-color"];
const FONT = ["font-family", "font-size", "font-weight", "font-style"];

/**
 * A chart with a "Save" menu at its top-right corner: the chart as SVG or PNG, and the rows it draws
 * as CSV (formulas neutralised, as every download). The returned element wraps the chart and forwards
 * its value (Plot's pointer selection); input events bubble from the chart through it.
 */
export function saveable(chart: Element, {name, rows}: SaveOptions): HTMLDivElement {
  const buttons = (["svg", "png", "csv"] as const).map((format) => {
    // Not data-format: that marks the page's table downloads (download.ts), which tests and readers look for.
    const save = () => {
      void saveChart(frame, format, name, rows);
      menu.open = false;
    };
    return html`<button type="button" data-save=${format} onclick=${save}>${format.toUpperCase()}</button>`;
  });
  const summary = html`<summary>Save</summary>`;
  const menu = html`<details class="chart-save">${summary}<div class="chart-save-menu">${buttons}</div></details>` as HTMLDetailsElement;
  const frame = html`<div class="chart-frame">${menu}${chart}</div>` as HTMLDivElement;
  const label = () => {
    const title = chartTitle(frame) ?? name;
    summary.setAttribute("aria-label", `Save the chart “${title}”`);
    for (const b of buttons) b.setAttribute("aria-label", `Save the chart “${title}” as ${b.textContent}${b.dataset.save === "csv" ? " (its data)" : ""}`);
  };
  label();
  // The card's title is known once the chart is on the page, a frame or a few after it is drawn.
  let tries = 0;
  const relabel = () => (frame.isConnected ? label() : ++tries < 20 && requestAnimationFrame(relabel));
  requestAnimationFrame(relabel);
  menu.addEventListener("toggle", label);
  // Closed again by a click elsewhere, by tabbing out of it, or by Escape. (A click on a button does
  // not focus it in every browser, so only a known new focus outside closes it.)
  closeOnClickOutside();
  menu.addEventListener("focusout", (event) => {
    const next = event.relatedTarget as Node | null;
    if (next && !menu.contains(next)) menu.open = false;
  });
  menu.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && menu.open) (menu.open = false), summary.focus();
  });
  Object.defineProperty(frame, "value", {get: () => (chart as {value?: unknown}).value, set: (v) => ((chart as {value?: unknown}).value = v), configurable: true});
  return frame;
}

let listening = false;
function closeOnClickOutside(): void {
  if (listening) return;
  listening = true;
  document.addEventListener("pointerdown", (event) => {
    for (const open of document.querySelectorAll<HTMLDetailsElement>("details.chart-save[open]")) if (!open.contains(event.target as Node)) open.open = false;
  });
}

/** The chart's title: Plot's own (a figure's h2), else its card's first h2. */
export function chartTitle(frame: Element): string | null {
  const own = frame.querySelector("figure > h2");
  const card = frame.closest(".card");
  const heading = own ?? card?.querySelector("h2");
  const text = heading?.textContent?.trim().replace(/\s+/g, " ");
  return text || null;
}

async function saveChart(frame: HTMLElement, format: "svg" | "png" | "csv", name: string, rows: readonly object[]): Promise<void> {
  const file = chartFileName(name, chartTitle(frame));
  if (format === "csv") return saveBlob(new Blob([recordsToCsv(rows)], {type: "text/csv;charset=utf-8"}), `${file}.csv`);
  const {svg, width, height} = standaloneSvg(frame);
  const text = new XMLSerializer().serializeToString(svg);
  if (format === "svg") return saveBlob(new Blob([text], {type: "image/svg+xml;charset=utf-8"}), `${file}.svg`);
  saveBlob(await svgToPng(text, width, height), `${file}.png`);
}

/** The area to draw: the chart's layers (chartLayers) when it is one of them, else its frame. */
function scopeOf(frame: HTMLElement): HTMLElement {
  return frame.closest<HTMLElement>(".chart-layers") ?? frame;
}

/**
 * The chart as one standalone SVG document: every SVG in its frame (the plot, its layers, a colour
 * ramp legend) placed where it shows, the text of its HTML parts (swatch legends, Plot's title and
 * caption) as SVG text, the card's title on top and the card's background beneath. CSS variables and
 * currentColor become the colours they compute to, so the file looks the same anywhere.
 */
export function standaloneSvg(frame: HTMLElement): {svg: SVGSVGElement; width: number; height: number} {
  const scope = scopeOf(frame);
  const box = scope.getBoundingClientRect();
  const styles = getComputedStyle(scope);
  // Plot's own title is drawn where it shows, with the other HTML text; a card's goes on top.
  const title = frame.querySelector("figure > h2") ? null : chartTitle(frame);
  const titleSize = 15;
  const titleLines = title ? wrap(title, box.width, titleSize) : [];
  const top = titleLines.length ? titleLines.length * titleSize * 1.3 + 10 : 0;
  const pad = 8;
  const width = Math.ceil(box.width + 2 * pad);
  const height = Math.ceil(box.height + top + 2 * pad);
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", SVG_NS);
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("font-family", styles.fontFamily);
  svg.setAttribute("font-size", styles.fontSize);
  const style = document.createElementNS(SVG_NS, "style");
  style.textContent = "text, tspan {white-space: pre;}";
  svg.append(style, shape("rect", {width, height, fill: backgroundOf(scope)}));
  titleLines.forEach((line, i) => {
    const t = shape("text", {x: pad, y: pad + (i + 1) * titleSize * 1.3 - 4, "font-size": titleSize, "font-weight": 600, fill: toRgb(styles.color)});
    t.textContent = line;
    svg.append(t);
  });
  const body = shape("g", {transform: `translate(${pad},${pad + top})`});
  for (const source of scope.querySelectorAll<SVGSVGElement>("svg")) {
    if (source.closest(".chart-save") || source.parentElement?.closest("svg") || !shown(source)) continue;
    const r = source.getBoundingClientRect();
    const copy = inlineStyles(source);
    copy.setAttribute("x", String(r.left - box.left));
    copy.setAttribute("y", String(r.top - box.top));
    copy.setAttribute("width", String(r.width));
    copy.setAttribute("height", String(r.height));
    if (!copy.hasAttribute("viewBox")) copy.setAttribute("viewBox", `0 0 ${r.width} ${r.height}`);
    copy.setAttribute("overflow", "visible");
    body.append(copy);
  }
  for (const t of htmlTexts(scope, box)) body.append(t);
  svg.append(body);
  return {svg, width, height};
}

function shape(tag: string, attributes: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, String(v));
  return el;
}

function shown(el: Element): boolean {
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  return r.width > 0 && r.height > 0 && s.display !== "none" && s.visibility !== "hidden";
}

const rgbCache = new Map<string, string>();
let probe: CanvasRenderingContext2D | null = null;

/**
 * A computed colour as rgb()/rgba(), which every SVG reader knows: themes compute to CSS Color 4
 * forms (color(srgb …), oklch(…)) that only browsers read. A 1×1 canvas does the conversion.
 */
export function toRgb(color: string): string {
  if (!color || color === "none" || color.startsWith("url(") || /^rgba?\(/.test(color)) return color;
  let rgb = rgbCache.get(color);
  if (rgb === undefined) {
    probe ??= Object.assign(document.createElement("canvas"), {width: 1, height: 1}).getContext("2d", {willReadFrequently: true});
    if (!probe) return color;
    probe.clearRect(0, 0, 1, 1);
    probe.fillStyle = "#000";
    probe.fillStyle = color;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
    rgb = a === 255 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${Math.round((a / 255) * 1000) / 1000})`;
    rgbCache.set(color, rgb);
  }
  return rgb;
}

/** The first opaque background behind the element (a card's, else the page's). */
function backgroundOf(el: Element): string {
  for (let a: Element | null = el; a; a = a.parentElement) {
    const c = toRgb(getComputedStyle(a).backgroundColor);
    if (c && c !== "transparent" && !/rgba\([^)]*,\s*0\)$/.test(c)) return c;
  }
  return "white";
}

/**
 * A copy of an SVG whose colours and fonts are the computed ones: attributes and inline styles that
 * use var(...) or currentColor are replaced, and the style sheets inside it (which use variables) are
 * dropped in favour of each element's computed paint.
 */
function inlineStyles(source: SVGSVGElement): SVGSVGElement {
  const copy = source.cloneNode(true) as SVGSVGElement;
  const from = [source, ...source.querySelectorAll("*")];
  const to = [copy, ...copy.querySelectorAll("*")];
  from.forEach((original, i) => {
    const el = to[i];
    if (original.tagName.toLowerCase() === "style") return;
    const computed = getComputedStyle(original);
    for (const {name, value} of [...el.attributes]) {
      if (!/var\(|currentcolor/i.test(value)) continue;
      const resolved = name === "style" ? "" : computed.getPropertyValue(name);
      if (resolved && !/var\(/.test(resolved)) el.setAttribute(name, PAINT.includes(name) ? toRgb(resolved) : resolved);
      else el.removeAttribute(name);
    }
    for (const property of PAINT) {
      const value = computed.getPropertyValue(property);
      if (value && !value.startsWith("url(")) (el as SVGElement).style.setProperty(property, toRgb(value));
    }
    if (/^(svg|text|tspan)$/i.test(original.tagName)) for (const property of FONT) (el as SVGElement).style.setProperty(property, computed.getPropertyValue(property));
  });
  for (const el of copy.querySelectorAll("style")) el.remove();
  copy.removeAttribute("class");
  copy.removeAttribute("style");
  const root = getComputedStyle(source);
  for (const property of PAINT) copy.style.setProperty(property, toRgb(root.getPropertyValue(property)));
  for (const property of FONT) copy.style.setProperty(property, root.getPropertyValue(property));
  return copy;
}

/** The text of the HTML parts of the chart (legend labels, Plot's title and caption) as SVG text, where it shows. */
function htmlTexts(scope: HTMLElement, box: DOMRect): SVGElement[] {
  const out: SVGElement[] = [];
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent?.trim();
    if (!text || !parent || parent.closest("svg, .chart-save, style, script") || !shown(parent)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.width === 0) continue;
    const s = getComputedStyle(parent);
    const t = shape("text", {x: r.left - box.left, y: r.bottom - box.top - 0.25 * parseFloat(s.fontSize), fill: toRgb(s.color), "font-family": s.fontFamily, "font-size": s.fontSize, "font-weight": s.fontWeight});
    t.textContent = text.replace(/\s+/g, " ");
    out.push(t);
  }
  return out;
}

/** Lines of at most about `width` pixels at `size` px (an average glyph is taken as 0.55 em). */
function wrap(text: string, width: number, size: number): string[] {
  const max = Math.max(10, Math.floor(width / (0.55 * size)));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > max) lines.push(line), (line = word);
    else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The SVG drawn on a canvas at twice its size (and at least the device's pixel ratio), as a PNG. */
async function svgToPng(text: string, width: number, height: number): Promise<Blob> {
  const scale = Math.max(2, window.devicePixelRatio || 1);
  const image = new Image();
  image.width = width;
  image.height = height;
  const url = URL.createObjectURL(new Blob([text], {type: "image/svg+xml;charset=utf-8"}));
  try {
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d")!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the chart could not be drawn as PNG"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}
