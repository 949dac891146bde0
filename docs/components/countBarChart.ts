import * as Plot from "@observablehq/plot";
import {formatCount, formatPercent} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

export interface CountBarOptions {
  width?: number;
  height?: number;
  /** Field of the category and of the count. */
  x: string;
  y?: string;
  /** Axis label of the count, with its unit. */
  label?: string;
  /** Plot colour scale for the categories (a domain fixes their order). */
  color?: {domain: unknown[]; range: string[]; tickFormat?: (v: any) => string};
}

/**
 * Counts of a few categories as labelled bars, each with its count and share of the total on top and
 * in the tooltip: the chart for the moderator-session dashboard's completion status, decisions and sound status.
 */
export function countBarChart(rows: readonly Record<string, unknown>[], {width, height = 220, x, y = "count", label = "Item views", color}: CountBarOptions) {
  const total = rows.reduce((s, d) => s + Number(d[y]), 0);
  const share = (d: Record<string, unknown>) => (total > 0 ? Number(d[y]) / total : NaN);
  const name = (v: unknown) => (color?.tickFormat ? color.tickFormat(v) : String(v));
  return saveable(Plot.plot({
    // A layout pass can hand resize() a sliver of a width; below this, scales would invert.
    width: width === undefined ? undefined : Math.max(width, 280),
    height,
    marginLeft: 56,
    x: {label: null, domain: color?.domain, tickFormat: name},
    // Short ticks ("3M"): large worlds count millions, which would not fit the margin written out.
    y: {label, grid: true, tickFormat: "~s"},
    color: color ? {domain: color.domain, range: color.range} : undefined,
    marks: [
      Plot.barY(rows, {
        x,
        y,
        fill: color ? x : "var(--theme-foreground-focus)",
        tip: true,
        title: (d: Record<string, unknown>) => `${name(d[x])}\n${formatCount(Number(d[y]))} (${formatPercent(share(d))} of ${formatCount(total)})`
      }),
      Plot.text(rows, {x, y, text: (d: Record<string, unknown>) => `${formatCount(Number(d[y]))} · ${formatPercent(share(d), 0)}`, dy: -8, fill: "currentColor"}),
      Plot.ruleY([0])
    ]
  }), {name: "count bar", rows});
}
