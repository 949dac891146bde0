import * as Plot from "@observablehq/plot";
import {formatNumber} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

/** A figure over seeded runs: its median, range and every run's value (as clusterSnippets' Spread). */
export interface RunSpread {
  median: number;
  min: number;
  max: number;
  values: readonly number[];
}

const ROWS = ["Purity (distinct texts)", "Purity (every copy)", "Silhouette"];

/**
 * One row per figure, one dot per seeded run and a tick at the median: how much of a clustering figure
 * is the draw of its seeding. Both purity and silhouette share the 0-to-1 axis (the silhouette can be
 * negative, but not here; the axis widens if it is).
 */
export function restartSpreadChart(spread: {purity: RunSpread; purityAll: RunSpread; silhouette: RunSpread}, {width, height = 150}: {width?: number; height?: number} = {}) {
  const figures = [spread.purity, spread.purityAll, spread.silhouette];
  const dots = figures.flatMap((f, i) => f.values.map((value, run) => ({figure: ROWS[i], run: run + 1, value})));
  const medians = figures.map((f, i) => ({figure: ROWS[i], value: f.median, min: f.min, max: f.max}));
  return saveable(Plot.plot({
    // A card can be measured very narrow while the grid lays out; below this the margins would overrun.
    width: Math.max(width ?? 640, 320),
    height,
    marginLeft: 150,
    marginRight: 20,
    x: {domain: [Math.min(0, ...dots.map((d) => d.value)), 1], label: "Value →", grid: true},
    y: {domain: ROWS, label: null},
    marks: [
      Plot.ruleY(medians, {y: "figure", x1: "min", x2: "max", stroke: "var(--theme-foreground-faint)"}),
      Plot.dot(dots, {x: "value", y: "figure", r: 3, fill: "#4269d0", fillOpacity: 0.5, stroke: null}),
      Plot.tickX(medians, {x: "value", y: "figure", stroke: "currentColor", strokeWidth: 2}),
      Plot.tip(dots, Plot.pointer({x: "value", y: "figure", title: (d) => `${d.figure}\nrun ${d.run}: ${formatNumber(d.value, 3)}`}))
    ]
  }), {name: "restart spread", rows: dots});
}
