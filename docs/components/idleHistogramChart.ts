import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import {formatCount} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

export interface IdleRow {
  idle_type: string;
  duration_s: number;
}

export const idleTypeColor = {domain: ["inactivity", "pause"], range: ["#9498a0", "#efb118"], tickFormat: (t: string) => (t === "inactivity" ? "Inactivity (no input)" : "Pause (deliberate)")};

/** Idle periods by length, one panel per idle type (the moderator-session dashboard), in 30-second bins. */
export function idleHistogramChart(rows: readonly IdleRow[], {width, height = 260}: {width?: number; height?: number} = {}) {
  return saveable(Plot.plot({
    // A layout pass can hand resize() a sliver of a width; below this, scales would invert.
    width: width === undefined ? undefined : Math.max(width, 280),
    height,
    marginLeft: 56,
    fy: {label: null, domain: idleTypeColor.domain, axis: null},
    x: {label: "Idle period length (seconds)", domain: [0, 1200]},
    y: {label: "Idle periods", grid: true},
    color: idleTypeColor,
    marks: [
      // Plot's types omit facet channels from bin inputs; the options are valid.
      Plot.rectY(rows, Plot.binX({y: "count", title: (bin: IdleRow[], {x1, x2}: {x1: number; x2: number}) => `${idleTypeColor.tickFormat(bin[0]?.idle_type ?? "")}\n${formatCount(bin.length)} idle periods of ${x1}–${x2} s`}, {x: "duration_s", fy: "idle_type", fill: "idle_type", thresholds: d3.range(0, 1230, 30), tip: true, insetLeft: 0.5, insetRight: 0.5} as Plot.BinXInputs<Plot.RectYOptions>)),
      Plot.text(idleTypeColor.domain, {fy: (t: string) => t, text: (t: string) => idleTypeColor.tickFormat(t), frameAnchor: "top-right", dy: 2, fill: "currentColor"}),
      Plot.ruleY([0])
    ]
  }), {name: "idle histogram", rows});
}
