import * as Plot from "@observablehq/plot";
import {categoryColor, label} from "./palette.js";
import {utcDate as asDate} from "../lib/core/calendar.js";
import {formatCount, formatDay} from "../lib/core/format.js";
import {dayAxis} from "./dayAxis.js";
import type {DailyCount} from "../lib/ops/daily.js";
import {saveable} from "./chartSave.js";

const MIN_WIDTH = 320;

/** Rows as src/ops/daily.ts computes them. */
export type DailyKeyCount = DailyCount;

/** Daily flags, one line per policy category, in the category colours. */
export function flagVolumeChart(rows: readonly DailyKeyCount[], {width, height = 280}: {width?: number; height?: number} = {}) {
  const data = rows.map((d) => ({...d, date: asDate(d.date)}));
  const w = width === undefined ? undefined : Math.max(width, MIN_WIDTH);
  return saveable(Plot.plot({
    // A card can be momentarily narrow while the page lays out; margins must still fit.
    width: w,
    height,
    marginLeft: 50,
    x: dayAxis(data.map((d) => d.date), w),
    y: {grid: true, label: "Flags per day", zero: true},
    color: {...categoryColor, legend: true},
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(data, {x: "date", y: "count", stroke: "key", strokeWidth: 1.5}),
      Plot.tip(data, Plot.pointer({x: "date", y: "count", stroke: "key", title: (d: (typeof data)[number]) => `${label(d.key)}\n${formatDay(d.date)}: ${formatCount(d.count)} flags`}))
    ]
  }), {name: "flag volume", rows: data});
}
