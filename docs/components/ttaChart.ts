import * as Plot from "@observablehq/plot";
import {severityColor} from "./palette.js";
import type {GroupPercentiles} from "../lib/ops/percentiles.js";
import {formatCount, formatHours} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

const MIN_WIDTH = 320;
const TICKS = [1 / 60, 10 / 60, 1, 8, 24, 72];

/** Rows as src/ops/percentiles.ts computes them. */
export type TtaRow = GroupPercentiles;

/**
 * Time to action by severity: P50 (filled dot) to P90 (open dot) on a log scale of hours, against
 * target lines (the analyst role profile: P50 under 1 h, P90 under 8 h for high severity).
 */
export function ttaChart(rows: readonly TtaRow[], {width, height, targets = []}: {width?: number; height?: number; targets?: readonly {hours: number; label: string}[]} = {}) {
  const data = rows.filter((d) => d.n > 0).map((d) => ({key: d.key, n: d.n, p50: d.values[0], p90: d.values[1]}));
  const values = data.flatMap((d) => [d.p50, d.p90]).filter((x) => x > 0);
  const lo = Math.min(0.01, ...values, ...targets.map((t) => t.hours)) / 1.5;
  const hi = Math.max(...values, ...targets.map((t) => t.hours)) * 1.5;
  // Each target's label has its own row above the frame, and reads towards the middle of the chart
  // from its line, so that neither overlaps the other nor runs past the edge of the SVG.
  const towardsMiddle = (hours: number) => Math.log(hours / lo) / Math.log(hi / lo) > 0.5;
  const labels = targets.map((t, i) => ({...t, dy: -6 - 14 * (targets.length - 1 - i), end: towardsMiddle(t.hours)}));
  return saveable(Plot.plot({
    // A card can be momentarily narrow while the page lays out; margins must still fit.
    width: width === undefined ? undefined : Math.max(width, MIN_WIDTH),
    height: height ?? 70 + 40 * data.length,
    marginLeft: 70,
    marginTop: 16 + 14 * targets.length,
    x: {type: "log", domain: [lo, hi], grid: true, label: "Hours from flag to decision (log scale) →", ticks: TICKS.filter((t) => t >= lo && t <= hi), tickFormat: (x: number) => (x < 1 ? `${Math.round(x * 60)} min` : `${x} h`)},
    y: {domain: data.map((d) => d.key), label: null},
    color: severityColor,
    marks: [
      ...targets.map((t) => Plot.ruleX([t.hours], {stroke: "#b2182b", strokeDasharray: "4,3"})),
      ...labels.map((t) => Plot.text([t], {x: "hours", text: "label", frameAnchor: "top", dy: t.dy, dx: t.end ? -4 : 4, textAnchor: t.end ? "end" : "start", fill: "currentColor"})),
      Plot.link(data, {y1: "key", y2: "key", x1: (d: (typeof data)[number]) => Math.max(lo, d.p50), x2: (d: (typeof data)[number]) => Math.max(lo, d.p90), stroke: "key", strokeWidth: 3}),
      Plot.dot(data, {y: "key", x: (d: (typeof data)[number]) => Math.max(lo, d.p50), fill: "key", stroke: "var(--theme-foreground)", r: 6}),
      Plot.dot(data, {y: "key", x: (d: (typeof data)[number]) => Math.max(lo, d.p90), fill: "var(--theme-background)", stroke: "key", strokeWidth: 2, r: 6}),
      Plot.tip(data, Plot.pointerY({y: "key", x: (d: (typeof data)[number]) => Math.max(lo, d.p50), title: (d: (typeof data)[number]) => `${d.key}: ${formatCount(d.n)} flags\nP50 ${formatHours(d.p50, 2)}\nP90 ${formatHours(d.p90, 2)}`}))
    ],
    caption: "Filled dot: P50 (median). Open dot: P90."
  }), {name: "tta", rows: data});
}
