import * as Plot from "@observablehq/plot";
import {formatCount, formatDay} from "../lib/core/format.js";
import {eventTypeColor} from "./palette.js";
import {saveable} from "./chartSave.js";

export interface EventCount {
  date: Date;
  event_type: string;
  events: number;
}

/** Daily events of the event log stacked by type. */
export function eventVolumeChart(rows: readonly EventCount[], {width, height = 260, types}: {width?: number; height?: number; types?: readonly string[]} = {}) {
  const shown = types ? rows.filter((r) => types.includes(r.event_type)) : rows;
  return saveable(Plot.plot({
    // A card can be measured very narrow while the grid lays out; below this the margins would overrun.
    width: Math.max(width ?? 640, 320),
    height,
    marginLeft: 56,
    x: {type: "utc", label: null},
    y: {grid: true, label: "↑ Events per day", tickFormat: "s"},
    color: {...eventTypeColor, legend: true},
    marks: [
      Plot.areaY(shown, {x: "date", y: "events", fill: "event_type", order: eventTypeColor.domain, curve: "step", tip: {format: {x: (d: Date) => formatDay(d), y: (v: number) => formatCount(v)}}}),
      Plot.ruleY([0])
    ]
  }), {name: "event volume", rows});
}
