import * as Plot from "@observablehq/plot";
import {CATEGORIES} from "../lib/world/constants.js";
import {label} from "./palette.js";
import type {WeekChange} from "../lib/ops/weekOverWeek.js";
import {formatChange, formatCount} from "../lib/core/format.js";

const MIN_WIDTH = 320;

/** One key's week against the week before (src/ops/weekOverWeek.ts). */
export type WeekChangeRow = WeekChange;

/**
 * Week-over-week change of flags per category: one cell per week (columns, labelled by the week's
 * last day) and category (rows); red is a rise, blue a fall. Labels are in the text colour on a
 * halo of the background, so they read on every cell in both themes. The first week has no previous week.
 */
export function weekOverWeekChart(rows: readonly WeekChangeRow[], {width, height}: {width?: number; height?: number} = {}) {
  const data = rows.filter((d) => Number.isFinite(d.previous));
  const keys = CATEGORIES.filter((k) => data.some((d) => d.key === k));
  const limit = Math.max(0.25, Math.min(1, Math.max(...data.map((d) => (Number.isFinite(d.change) ? Math.abs(d.change) : 0)))));
  return Plot.plot({
    // A card can be momentarily narrow while the page lays out; margins must still fit.
    width: width === undefined ? undefined : Math.max(width, MIN_WIDTH),
    height: height ?? 60 + 34 * keys.length,
    marginLeft: 120,
    marginBottom: 40,
    padding: 0.06,
    x: {type: "band", label: "Week ending", tickFormat: (d: string) => d.slice(5), tickRotate: -30},
    y: {domain: keys, label: null, tickFormat: label},
    color: {type: "diverging", scheme: "RdBu", reverse: true, domain: [-limit, limit], clamp: true, legend: true, label: "Change against the week before", tickFormat: "+.0%", ticks: [-limit / 2, 0, limit / 2]},
    marks: [
      Plot.cell(data, {
        x: "end",
        y: "key",
        fill: "change",
        tip: {format: {x: false, y: false, fill: false}},
        channels: {
          Category: {value: (d: WeekChangeRow) => label(d.key)},
          Week: {value: (d: WeekChangeRow) => `${d.start} to ${d.end}`},
          Flags: {value: (d: WeekChangeRow) => `${formatCount(d.count)} (week before ${formatCount(d.previous)})`},
          Change: {value: (d: WeekChangeRow) => formatChange(d.change)}
        }
      }),
      Plot.text(data, {x: "end", y: "key", text: (d: WeekChangeRow) => formatChange(d.change, 0), fill: "currentColor", stroke: "var(--theme-background)", strokeWidth: 3, paintOrder: "stroke", fontSize: 10})
    ]
  });
}
