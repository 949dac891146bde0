import * as Plot from "@observablehq/plot";
import {label as nice} from "./palette.js";

const MIN_WIDTH = 320;

export interface ShareRow {
  key: string;
  count: number;
  share: number;
}

/** Shares of a categorical field (e.g. severity or action), one bar each, in the field's palette. */
export function distributionChart(rows: readonly ShareRow[], {width, height, color, label = "Share of flags (%)"}: {width?: number; height?: number; color: {domain: string[]; range: string[]}; label?: string}) {
  return Plot.plot({
    // A card can be momentarily narrow while the page lays out; margins must still fit.
    width: width === undefined ? undefined : Math.max(width, MIN_WIDTH),
    height: height ?? 40 + 30 * rows.length,
    marginLeft: 90,
    marginRight: 60,
    x: {label, percent: true, grid: true},
    y: {domain: rows.map((d) => d.key), label: null, tickFormat: nice},
    color,
    marks: [
      Plot.barX(rows, {x: "share", y: "key", fill: "key", tip: {format: {fill: false, x: (x: number) => `${(100 * x).toFixed(1)}%`}}, channels: {Flags: {value: (d: ShareRow) => d.count.toLocaleString("en-US")}}}),
      Plot.text(rows, {x: "share", y: "key", text: (d: ShareRow) => `${(100 * d.share).toFixed(1)}%`, dx: 4, textAnchor: "start", fill: "var(--theme-foreground)"}),
      Plot.ruleX([0])
    ]
  });
}
