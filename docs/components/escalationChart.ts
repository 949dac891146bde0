import * as Plot from "@observablehq/plot";
import {utcDate as asDate} from "../lib/core/calendar.js";
import type {DailyShare} from "../lib/ops/daily.js";
import {formatCount, formatDay, formatPercent} from "../lib/core/format.js";
import {dayAxis} from "./dayAxis.js";
import {saveable} from "./chartSave.js";

const MIN_WIDTH = 320;

/** Rows as src/ops/daily.ts computes them. */
export type DailyShareRow = DailyShare;

/** A daily share (e.g. the escalation rate: % of flags high or critical) with its 7-day rolling mean. */
export function escalationChart(rows: readonly DailyShareRow[], {width, height = 240, label = "High or critical (% of flags)", window = 7}: {width?: number; height?: number; label?: string; window?: number} = {}) {
  const data = rows.map((d) => ({...d, date: asDate(d.date)}));
  const w = width === undefined ? undefined : Math.max(width, MIN_WIDTH);
  return saveable(Plot.plot({
    // A card can be momentarily narrow while the page lays out; margins must still fit.
    width: w,
    height,
    marginLeft: 50,
    x: dayAxis(data.map((d) => d.date), w),
    y: {grid: true, label, percent: true, zero: true},
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(data, {x: "date", y: "share", stroke: "var(--theme-foreground-faint)", strokeWidth: 1}),
      Plot.lineY(data, Plot.windowY({k: window, anchor: "end"}, {x: "date", y: "share", stroke: "var(--theme-foreground-focus)", strokeWidth: 2})),
      Plot.tip(data, Plot.pointerX({x: "date", y: "share", title: (d: (typeof data)[number]) => `${formatDay(d.date)}\n${formatPercent(d.share)} high or critical: ${formatCount(d.matching)} of ${formatCount(d.total)} flags`}))
    ],
    caption: `Thin line: daily share. Thick line: ${window}-day rolling mean.`
  }), {name: "escalation", rows: data});
}
