import * as Plot from "@observablehq/plot";
import {label as nice} from "./palette.js";
import type {GroupPercentiles} from "../lib/ops/percentiles.js";
import {formatCount, formatNumber} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

const MIN_WIDTH = 320;

/** Rows as src/ops/percentiles.ts computes them. */
export type BoxSummary = GroupPercentiles;

/**
 * Box plots of classifier scores per group: the box spans P25 to P75 with the median as a tick, the
 * whiskers P5 to P95 (summaries from src/ops/percentiles.ts, so 70,000 scores draw as a few marks).
 */
export function scoreBoxChart(rows: readonly BoxSummary[], {width, height, color, label = "Classifier score"}: {width?: number; height?: number; color: {domain: string[]; range: string[]}; label?: string}) {
  const data = rows.filter((d) => d.n > 0).map((d) => ({key: d.key, n: d.n, p5: d.values[0], p25: d.values[1], p50: d.values[2], p75: d.values[3], p95: d.values[4]}));
  const f = (x: number) => formatNumber(x, 3);
  return saveable(Plot.plot({
    // A card can be momentarily narrow while the page lays out; margins must still fit.
    width: width === undefined ? undefined : Math.max(width, MIN_WIDTH),
    height: height ?? 50 + 34 * data.length,
    marginLeft: 110,
    x: {domain: [0, 1], grid: true, label},
    y: {domain: data.map((d) => d.key), label: null, tickFormat: nice},
    color,
    marks: [
      Plot.ruleY(data, {y: "key", x1: "p5", x2: "p95", stroke: "var(--theme-foreground-muted)"}),
      Plot.barX(data, {y: "key", x1: "p25", x2: "p75", fill: "key", fillOpacity: 0.85, insetTop: 4, insetBottom: 4}),
      Plot.tickX(data, {y: "key", x: "p50", stroke: "var(--theme-foreground)", strokeWidth: 2, insetTop: 4, insetBottom: 4}),
      Plot.tip(data, Plot.pointerY({y: "key", x: "p50", title: (d: (typeof data)[number]) => `${nice(d.key)}: ${formatCount(d.n)} flags\nmedian ${f(d.p50)}\nP25–P75 ${f(d.p25)}–${f(d.p75)}\nP5–P95 ${f(d.p5)}–${f(d.p95)}`}))
    ],
    caption: "Box: P25 to P75, tick: median, whiskers: P5 to P95."
  }), {name: "score box", rows: data});
}
