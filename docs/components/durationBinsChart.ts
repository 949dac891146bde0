import * as Plot from "@observablehq/plot";
import {formatCount, formatPercent} from "../lib/core/format.js";
import type {DurationBin} from "../lib/moderation/binDurations.js";
import {saveable} from "./chartSave.js";

/** Rows as src/moderation/binDurations.ts computes them. */
export type DurationBinRow = DurationBin;

/** Sessions per duration bin (the moderator-session dashboard's 0–30 s, 31–60 s, 61–120 s, then longer bins that fit the data). */
export function durationBinsChart(bins: readonly DurationBinRow[], {width, height = 240}: {width?: number; height?: number} = {}) {
  const total = bins.reduce((s, b) => s + b.count, 0);
  return saveable(Plot.plot({
    // A layout pass can hand resize() a sliver of a width; below this, scales would invert.
    width: width === undefined ? undefined : Math.max(width, 280),
    height,
    marginLeft: 56,
    marginBottom: width !== undefined && width < 640 ? 56 : 36,
    x: {label: "Session duration", labelAnchor: "right", domain: bins.map((b) => b.label), tickRotate: width !== undefined && width < 640 ? -35 : 0},
    y: {label: "Sessions", grid: true},
    marks: [
      Plot.barY(bins, {
        x: "label",
        y: "count",
        fill: "var(--theme-foreground-focus)",
        tip: true,
        title: (b: DurationBinRow) => `${b.label}\n${formatCount(b.count)} sessions (${formatPercent(total ? b.count / total : NaN)} of ${formatCount(total)})`
      }),
      Plot.text(bins, {x: "label", y: "count", text: (b: DurationBinRow) => formatCount(b.count), dy: -8, fill: "currentColor"}),
      Plot.ruleY([0])
    ]
  }), {name: "duration bins", rows: bins});
}
