import * as Plot from "@observablehq/plot";
import {formatCount, formatPercent} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

export interface DailyArmRow {
  day: string;
  arm: "control" | "treatment";
  messages: number;
  abusiveMessages: number;
  harm: number | null;
}

export const armColor = {domain: ["control", "treatment"], range: ["#9498a0", "#4269d0"], tickFormat: (a: string) => (a === "control" ? "Control" : "Treatment (capped)")};

/** Daily harm prevalence in new accounts' messages by arm, a week either side of the test (the shaded window). */
export function experimentDailyChart(rows: readonly DailyArmRow[], {width, height = 260, start, end, y = "harm"}: {width?: number; height?: number; start: string; end: string; y?: "harm" | "abusiveMessages" | "messages"}) {
  const date = (d: string) => new Date(`${d}T00:00:00Z`);
  const value = (d: DailyArmRow) => (y === "harm" ? (d.harm === null ? NaN : 100 * d.harm) : d[y]);
  const label = y === "harm" ? "Abusive share of new accounts' messages (%)" : y === "messages" ? "New accounts' messages per day (estimate)" : "Abusive messages per day (estimate)";
  return saveable(Plot.plot({
    // A layout pass can hand resize() a sliver of a width; below this, scales would invert.
    width: width === undefined ? undefined : Math.max(width, 280),
    height,
    marginLeft: 56,
    x: {type: "utc", label: null},
    y: {label, grid: true, zero: true},
    color: {...armColor, legend: true},
    marks: [
      Plot.rectX([{x1: date(start), x2: new Date(date(end).getTime() + 86_400_000)}], {x1: "x1", x2: "x2", fill: "var(--theme-foreground-faintest)"}),
      Plot.text([start], {x: date(start), frameAnchor: "top", text: () => "Test window", dx: 4, textAnchor: "start", fill: "var(--theme-foreground-muted)"}),
      Plot.lineY(rows, {x: (d: DailyArmRow) => date(d.day), y: value, stroke: "arm", strokeWidth: 2}),
      Plot.tip(rows, Plot.pointerX({x: (d: DailyArmRow) => date(d.day), y: value, stroke: "arm", title: (d: DailyArmRow) => `${d.day}, ${d.arm}\n${formatCount(d.messages)} messages, ${formatCount(d.abusiveMessages)} abusive (${formatPercent(d.harm)})`})),
      Plot.ruleY([0])
    ]
  }), {name: "experiment daily", rows});
}
