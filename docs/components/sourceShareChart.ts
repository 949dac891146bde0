import * as Plot from "@observablehq/plot";
import {formatCount, formatPercent} from "../lib/core/format.js";
import {SOURCES} from "../lib/core/constants.js";
import {sourceColor} from "./palette.js";
import {saveable} from "./chartSave.js";

export interface SourceShareChartOptions {
  width?: number;
  height?: number;
}

/** Daily shares of reports by source (user, AI classifier, trusted flagger) as a 100% stacked area. */
export function sourceShareChart(rows: readonly Record<string, unknown>[], {width, height = 240}: SourceShareChartOptions = {}) {
  const long = rows.flatMap((d) => SOURCES.map((s) => ({day: d.day as Date, date: d.date as string, source: s, share: Number(d[`share_source_${s}`]) || 0, count: Number(d[`source_${s}`]) || 0, total: Number(d.reports) || 0})));
  type Part = (typeof long)[number];
  return saveable(Plot.plot({
    width,
    height,
    marginLeft: 48,
    x: {type: "utc", label: null},
    y: {label: "↑ Share of reports (%)", percent: true, domain: [0, 100]},
    color: {...sourceColor, legend: true},
    marks: [
      Plot.areaY(long, Plot.stackY({x: "day", y: "share", fill: "source", order: sourceColor.domain})),
      Plot.tip(long, Plot.pointer(Plot.stackY({
        x: "day",
        y: "share",
        fill: "source",
        order: sourceColor.domain,
        // The y scale shows percents (×100), so the tip reads the share from the row, formatted once.
        title: (d: Part) => `${d.date}: ${sourceColor.tickFormat(d.source)}\n${formatPercent(d.share)} of reports (${formatCount(d.count)} of ${formatCount(d.total)})`
      }))),
      Plot.ruleY([0])
    ]
  }), {name: "source share", rows});
}
