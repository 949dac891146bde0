import * as Plot from "@observablehq/plot";
import {saveable} from "./chartSave.js";

export interface IncidentDay {
  date: string;
  autoBlocks: number;
  wrongfulBlocks: number;
  allWrongfulBlocks: number;
  alert: boolean;
}

/** The whole half-year: the category's daily auto-blocks (observable) with the detector's alerts, and the wrongful ones (ground truth). */
export function incidentDailyChart(days: readonly IncidentDay[], {width, height = 240, category}: {width?: number; height?: number; category: string}) {
  const date = (d: IncidentDay) => new Date(`${d.date}T00:00:00Z`);
  const alerts = days.filter((d) => d.alert);
  return saveable(Plot.plot({
    // A layout pass can hand resize() a sliver of a width; below this, scales would invert.
    width: width === undefined ? undefined : Math.max(width, 280),
    height,
    marginLeft: 56,
    x: {type: "utc", label: null},
    y: {label: "Auto-blocks per day", grid: true},
    color: {domain: ["all", "wrongful"], range: ["#9498a0", "#b2182b"], tickFormat: (k: string) => (k === "all" ? `All ${category} auto-blocks (observable)` : `Benign ${category} items blocked (ground truth)`), legend: true},
    marks: [
      Plot.lineY(days, {x: date, y: "autoBlocks", stroke: () => "all", strokeWidth: 1.5}),
      Plot.lineY(days, {x: date, y: "wrongfulBlocks", stroke: () => "wrongful", strokeWidth: 2}),
      Plot.dot(alerts, {x: date, y: "autoBlocks", r: 5, stroke: "var(--theme-foreground)", fill: "none"}),
      Plot.tip(days, Plot.pointerX({x: date, y: "autoBlocks", title: (d: IncidentDay) => `${d.date}\n${d.autoBlocks} ${category} auto-blocks, ${d.wrongfulBlocks} of them benign\n${d.allWrongfulBlocks} benign auto-blocks in every category${d.alert ? "\nDetector alert" : ""}`})),
      Plot.ruleY([0])
    ]
  }), {name: "incident daily", rows: days});
}
