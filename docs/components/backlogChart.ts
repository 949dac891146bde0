import * as Plot from "@observablehq/plot";
import {severityColor} from "./palette.js";
import {utcDate as asDate} from "../lib/core/calendar.js";
import {formatCount, formatDay} from "../lib/core/format.js";
import {dayAxis} from "./dayAxis.js";
import {saveable} from "./chartSave.js";

const MIN_WIDTH = 320;

export interface BacklogDay {
  date: string | Date;
  key: string;
  open: number;
}

/** Open human-review cases at the end of each day (24:00 UTC), stacked by severity. */
export function backlogChart(rows: readonly BacklogDay[], {width, height = 260}: {width?: number; height?: number} = {}) {
  const data = rows.map((d) => ({...d, date: asDate(d.date)}));
  const order = severityColor.domain;
  return saveable(Plot.plot({
    // A card can be momentarily narrow while the page lays out; margins must still fit.
    width: width === undefined ? undefined : Math.max(width, MIN_WIDTH),
    height,
    marginLeft: 50,
    x: dayAxis(data.map((d) => d.date), width === undefined ? undefined : Math.max(width, MIN_WIDTH)),
    y: {grid: true, label: "Open cases at end of day"},
    color: {...severityColor, legend: true},
    marks: [
      Plot.areaY(data, {x: "date", y: "open", fill: "key", order, curve: "step-after"}),
      Plot.ruleY([0]),
      Plot.tip(data, Plot.pointerX(Plot.stackY({x: "date", y: "open", fill: "key", order, title: (d: (typeof data)[number]) => `${formatDay(d.date)}, end of day\n${d.key}: ${formatCount(d.open)} open`})))
    ]
  }), {name: "backlog", rows: data});
}
