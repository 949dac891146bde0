import * as Plot from "@observablehq/plot";
import {label as nice} from "./palette.js";
import {formatCount, formatPercent} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

const MIN_WIDTH = 320;

export interface ShareRow {
  key: string;
  count: number;
  share: number;
}

/** Shares of a categorical field (e.g. severity or action), one bar each, in the field's palette. */
export function distributionChart(rows: readonly ShareRow[], {width, height, color, label = "Share of flags (%)", unit = "flags"}: {width?: number; height?: number; color: {domain: string[]; range: string[]}; label?: string; unit?: string}) {
  return saveable(Plot.plot({
    // A card can be momentarily narrow while the page lays out; margins must still fit.
    width: width === undefined ? undefined : Math.max(width, MIN_WIDTH),
    height: height ?? 40 + 30 * rows.length,
    marginLeft: 90,
    marginRight: 60,
    x: {label, percent: true, grid: true},
    y: {domain: rows.map((d) => d.key), label: null, tickFormat: nice},
    color,
    marks: [
      // The tip is a sentence built from the row: the x scale is in percent (share × 100), so a tip that
      // formatted the x channel as a share would multiply by 100 twice, and channel names are field names.
      Plot.barX(rows, {x: "share", y: "key", fill: "key", title: (d: ShareRow) => `${nice(d.key)}: ${formatPercent(d.share)} of ${unit}\n${formatCount(d.count)} ${unit}`, tip: true}),
      Plot.text(rows, {x: "share", y: "key", text: (d: ShareRow) => formatPercent(d.share), dx: 4, textAnchor: "start", fill: "var(--theme-foreground)"}),
      Plot.ruleX([0])
    ]
  }), {name: "distribution", rows});
}
