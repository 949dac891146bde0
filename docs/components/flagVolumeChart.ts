import * as Plot from "@observablehq/plot";
import {categoryColor, label} from "./palette.js";
import {utcDate as asDate} from "../lib/world/calendar.js";
import type {DailyCount} from "../lib/ops/daily.js";

const MIN_WIDTH = 320;

/** Rows as src/ops/daily.ts computes them. */
export type DailyKeyCount = DailyCount;

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Daily flags, one line per policy category, in the category colours. */
export function flagVolumeChart(rows: readonly DailyKeyCount[], {width, height = 280}: {width?: number; height?: number} = {}) {
  const data = rows.map((d) => ({...d, date: asDate(d.date)}));
  return Plot.plot({
    // A card can be momentarily narrow while the page lays out; margins must still fit.
    width: width === undefined ? undefined : Math.max(width, MIN_WIDTH),
    height,
    marginLeft: 50,
    x: {type: "utc", label: null},
    y: {grid: true, label: "Flags per day", zero: true},
    color: {...categoryColor, legend: true},
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(data, {x: "date", y: "count", stroke: "key", strokeWidth: 1.5}),
      Plot.tip(data, Plot.pointer({x: "date", y: "count", stroke: "key", title: (d: (typeof data)[number]) => `${label(d.key)}\n${day(d.date)}: ${d.count.toLocaleString("en-US")} flags`}))
    ]
  });
}
