import * as Plot from "@observablehq/plot";
import {formatCount, formatDelta} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

export interface WaterfallPart {
  id: string;
  label: string;
  delta: number;
}

/**
 * A waterfall from one total to the next: the starting bar, each part's change stacked on it (rises
 * up, falls down), and the ending bar. Used to split a week-over-week rise into its causes.
 */
export function waterfallChart(parts: readonly WaterfallPart[], {width, height = 260, start, end, startLabel = "Previous", endLabel = "Current", unit = "Reports", color}: {width?: number; height?: number; start: number; end: number; startLabel?: string; endLabel?: string; unit?: string; color?: {domain: string[]; range: string[]}} = {start: 0, end: 0}) {
  let level = start;
  const steps = parts.map((p) => {
    const from = level;
    level += p.delta;
    return {...p, from, to: level};
  });
  const totals = [{id: "start", label: startLabel, from: 0, to: start}, {id: "end", label: endLabel, from: 0, to: end}];
  const order = [startLabel, ...parts.map((p) => p.label), endLabel];
  const short = (s: string) => (s.length > 26 ? `${s.slice(0, 25)}…` : s);
  const fill = (id: string) => {
    if (!color) return "var(--theme-foreground-focus)";
    const i = color.domain.indexOf(id);
    return i >= 0 ? color.range[i] : "var(--theme-foreground-faint)";
  };
  const lo = Math.min(0, ...steps.map((s) => Math.min(s.from, s.to)));
  const w = width === undefined ? 640 : Math.max(width, 280);
  const marginLeft = 56;
  const marginRight = 20;
  // Tick labels wrap within their band (lineWidth is in ems of the 10 px axis font), so none is cut at
  // the chart's edges; the bottom margin grows with the number of lines (about 5.5 px per character).
  const band = (w - marginLeft - marginRight) / order.length;
  const lines = Math.max(...order.map((label) => Math.ceil((short(label).length * 5.5) / Math.max(20, band - 6))));
  return saveable(Plot.plot({
    // A layout pass can hand resize() a sliver of a width; below this, scales would invert.
    width: width === undefined ? undefined : w,
    height: height + 12 * Math.max(0, lines - 2),
    marginLeft,
    marginRight,
    marginBottom: 16 + 12 * lines,
    x: {domain: order, label: null},
    y: {grid: true, domain: [lo, Math.max(start, end, ...steps.map((s) => s.to)) * 1.08]},
    marks: [
      // Narrow bands get a smaller font, so that single long words of neighbours do not touch.
      Plot.axisX({label: null, tickFormat: short, tickSize: 0, lineWidth: Math.max(2, (band - 6) / 10), fontSize: band < 70 ? 8.5 : 10}),
      Plot.axisY({label: unit}),
      Plot.barY(totals, {x: "label", y1: "from", y2: "to", fill: "var(--theme-foreground-faint)", tip: true, title: (d: (typeof totals)[number]) => `${d.label}: ${formatCount(d.to)} ${unit.toLowerCase()}`}),
      Plot.barY(steps, {x: "label", y1: "from", y2: "to", fill: (d: (typeof steps)[number]) => fill(d.id), tip: true, title: (d: (typeof steps)[number]) => `${d.label}\n${formatDelta(d.delta, "count")} ${unit.toLowerCase()}`}),
      Plot.text(steps, {x: "label", y: (d: (typeof steps)[number]) => Math.max(d.from, d.to), text: (d: (typeof steps)[number]) => formatDelta(d.delta, "count"), dy: -7, fill: "currentColor"}),
      Plot.text(totals, {x: "label", y: "to", text: (d: (typeof totals)[number]) => formatCount(d.to), dy: -7, fill: "currentColor"}),
      Plot.ruleY([0])
    ]
  }), {name: "waterfall", rows: parts});
}
