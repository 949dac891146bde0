import * as Plot from "@observablehq/plot";
import {saveable} from "./chartSave.js";

export interface UniqueItemsRow {
  session_id: number;
  start_ts: Date;
  unique_items: number;
  items: number;
}

/**
 * Unique items per session over time (the moderator-session dashboard's line): the weekly mean as a line over every session as
 * a dot; with many sessions (all moderators) the dots give way to the weekly 10th–90th percentile band,
 * which draws in a fraction of the time.
 */
export function uniqueItemsChart(rows: readonly UniqueItemsRow[], {width, height = 260, maxDots = 2000}: {width?: number; height?: number; maxDots?: number} = {}) {
  return saveable(Plot.plot({
    // A layout pass can hand resize() a sliver of a width; below this, scales would invert.
    width: width === undefined ? undefined : Math.max(width, 280),
    height,
    marginLeft: 56,
    x: {type: "utc", label: null},
    y: {label: "Unique items per session", grid: true, type: "sqrt"},
    marks: [
      rows.length <= maxDots
        ? Plot.dot(rows, {x: "start_ts", y: "unique_items", r: 1.5, fill: "var(--theme-foreground-faint)", fillOpacity: 0.5})
        : Plot.areaY(rows, Plot.binX({y1: "p10", y2: "p90"}, {x: "start_ts", y: "unique_items", interval: "week", fill: "var(--theme-foreground-faint)", fillOpacity: 0.35, curve: "step"} as Plot.BinXInputs<Plot.AreaYOptions>)),
      // Plot's types omit the y input of a binned line; the options are valid.
      Plot.lineY(rows, Plot.binX({y: "mean"}, {x: "start_ts", y: "unique_items", interval: "week", stroke: "var(--theme-foreground-focus)", strokeWidth: 2} as Plot.BinXInputs<Plot.LineYOptions>)),
      rows.length <= maxDots
        ? Plot.tip(rows, Plot.pointer({x: "start_ts", y: "unique_items", title: (d: UniqueItemsRow) => `Session ${d.session_id}\n${d.start_ts.toISOString().slice(0, 16).replace("T", " ")} UTC\n${d.unique_items} unique of ${d.items} item views`}))
        : Plot.tip(rows, Plot.pointerX(Plot.binX({y: "mean"}, {x: "start_ts", y: "unique_items", interval: "week"} as Plot.BinXInputs<Plot.TipOptions>)))
    ]
  }), {name: "unique items", rows});
}
