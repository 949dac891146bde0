import * as Plot from "@observablehq/plot";
import {formatDay} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

export interface TrendChartOptions {
  width?: number;
  height?: number;
  /** Field of the date (Date objects) and of the value. */
  x?: string;
  y: string;
  /** Axis label of the value, with its unit. */
  label?: string;
  /** Trailing days of the rolling mean drawn over the series; 0 for none. */
  window?: number;
  /** Optional field to draw one line per group (coloured with `color`). */
  z?: string;
  color?: Record<string, unknown>;
}

/**
 * A daily series as a line, with a trailing rolling mean and a tooltip per day. The generic chart of
 * the deep-dive template; pages with a specific question get their own chart component.
 */
export function trendChart(rows: readonly Record<string, unknown>[], {width, height = 260, x = "date", y, label = y, window = 7, z, color}: TrendChartOptions) {
  return saveable(Plot.plot({
    width,
    height,
    marginLeft: 56,
    x: {type: "utc", label: null},
    y: {grid: true, label, zero: true},
    color: z ? {legend: true, ...color} : undefined,
    marks: [
      Plot.lineY(rows, {x, y, z, stroke: z ?? "var(--theme-foreground-faint)", strokeWidth: 1}),
      window > 0 ? Plot.lineY(rows, Plot.windowY({k: window, anchor: "end"}, {x, y, z, stroke: z ?? "var(--theme-foreground-focus)", strokeWidth: 2})) : null,
      Plot.tip(rows, Plot.pointerX({x, y, z, title: (d: Record<string, unknown>) => `${formatDay(d[x] as Date)}\n${label}: ${Number(d[y]).toLocaleString("en-US", {maximumFractionDigits: 3})}${z ? `\n${d[z]}` : ""}`})),
      Plot.ruleY([0])
    ]
  }), {name: "trend", rows});
}
