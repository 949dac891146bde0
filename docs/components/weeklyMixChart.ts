import * as Plot from "@observablehq/plot";
import {describeMixPart, type MixPart} from "../lib/metrics/mixes.js";
import {saveable} from "./chartSave.js";

/** Rows as src/metrics/mixes.ts computes them. */
export type WeeklyMixRow = MixPart;

export interface WeeklyMixChartOptions {
  width?: number;
  height?: number;
  color: {domain: string[]; range: string[]; tickFormat?: (k: string) => string};
  of?: string;
}

/** A 100% stacked column per week (weeks start on Monday): how the mix moves over time. */
export function weeklyMixChart(rows: readonly WeeklyMixRow[], {width, height = 260, color, of = "reports"}: WeeklyMixChartOptions) {
  const name = (k: string) => color.tickFormat?.(k) ?? k;
  const data = rows.map((d) => ({...d, week: new Date(`${d.group}T00:00:00Z`)}));
  return saveable(Plot.plot({
    // A card can be measured very narrow while the grid lays out; below this the left margin would overrun.
    width: Math.max(width ?? 640, 320),
    height,
    x: {type: "utc", label: "Week starting (UTC) →"},
    y: {label: `↑ Share of ${of} (%)`, percent: true, domain: [0, 100]},
    color: {...color, legend: true},
    marks: [
      Plot.rectY(data, Plot.stackY({
        x1: "week",
        x2: (d: {week: Date}) => new Date(d.week.getTime() + 7 * 86_400_000 - 3_600_000 * 6),
        y: "share",
        fill: "part",
        order: color.domain,
        // The y scale shows percents (×100), so the tip reads the share from the row, formatted once.
        title: (d: WeeklyMixRow) => describeMixPart(d, {of, group: `Week of ${d.group}`, part: name(d.part)}),
        tip: true
      })),
      Plot.ruleY([0])
    ]
  }), {name: "weekly mix", rows: data});
}
