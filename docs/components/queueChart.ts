import * as Plot from "@observablehq/plot";
import {severityColor} from "./palette.js";
import {utcDate as asDate} from "../lib/core/calendar.js";
import type {DailyCount} from "../lib/ops/daily.js";
import {dayAxis} from "./dayAxis.js";
import {saveable} from "./chartSave.js";

const MIN_WIDTH = 320;

/** Rows as src/ops/daily.ts computes them. */
export type DailySeverityCount = DailyCount;

/** Cases per day stacked by severity (e.g. cases entering human review, or SLA breaches by arrival day). */
export function queueChart(rows: readonly DailySeverityCount[], {width, height = 260, label = "Cases per day"}: {width?: number; height?: number; label?: string} = {}) {
  const data = rows.filter((d) => d.count > 0).map((d) => ({...d, date: asDate(d.date)}));
  return saveable(Plot.plot({
    // A card can be momentarily narrow while the page lays out; margins must still fit.
    width: width === undefined ? undefined : Math.max(width, MIN_WIDTH),
    height,
    marginLeft: 50,
    x: dayAxis(data.map((d) => d.date), width === undefined ? undefined : Math.max(width, MIN_WIDTH)),
    y: {grid: true, label},
    color: {...severityColor, legend: true},
    marks: [
      Plot.rectY(data, {x: "date", interval: "day", y: "count", fill: "key", order: severityColor.domain, insetLeft: 0.5, insetRight: 0.5, tip: {format: {x: (d: Date) => d.toISOString().slice(0, 10), fill: true}}}),
      Plot.ruleY([0])
    ]
  }), {name: "queue", rows: data});
}
