import * as Plot from "@observablehq/plot";
import {interpolateBlues, rgb} from "d3";
import {formatCount, formatPercent} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

/** WCAG relative luminance of a CSS colour. */
function luminance(color: string): number {
  const {r, g, b} = rgb(color);
  const f = (x: number) => ((x /= 255) <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}

/**
 * The label colour for a cell of the given fill: black or white, whichever has the higher contrast.
 * Cells are opaque and look the same in both themes, so the label must follow the cell, not the theme
 * (currentColor turns white in dark mode, unreadable on a light blue cell).
 */
export function labelColor(fill: string): "black" | "white" {
  const l = luminance(fill);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "black" : "white";
}

export interface ContingencyCell {
  cluster: number;
  group: string;
  count: number;
}

/** Distinct texts per cluster (rows) and true template group (columns): a pure cluster is one dark cell in its row. */
export function contingencyChart(cells: readonly ContingencyCell[], {width, height, groups}: {width?: number; height?: number; groups?: readonly string[]} = {}) {
  const clusters = [...new Set(cells.map((c) => c.cluster))].sort((a, b) => a - b);
  const domain = groups ?? [...new Set(cells.map((c) => c.group))].sort();
  const totals = new Map<number, number>();
  for (const c of cells) totals.set(c.cluster, (totals.get(c.cluster) ?? 0) + c.count);
  // The cells' colours, computed here as Plot's sqrt scale does, so each label can be set against its cell.
  const min = Math.min(...cells.map((c) => c.count));
  const max = Math.max(min + 1, ...cells.map((c) => c.count));
  const fillOf = (count: number) => interpolateBlues((Math.sqrt(count) - Math.sqrt(min)) / (Math.sqrt(max) - Math.sqrt(min)));
  // Plot reads legend options from the scale's; the legend's last tick is centred on its end, so a right
  // margin keeps a wide count inside it.
  const color: Plot.ScaleOptions & Pick<Plot.LegendOptions, "marginRight"> = {type: "sqrt", domain: [min, max], interpolate: interpolateBlues, label: "Distinct texts", legend: true, marginRight: 16};
  return saveable(Plot.plot({
    // A card can be measured very narrow while the grid lays out; below this the margins would overrun.
    width: Math.max(width ?? 640, 320),
    height: height ?? 60 + 22 * clusters.length,
    marginLeft: 70,
    marginBottom: 110,
    x: {domain, label: null, tickRotate: -35},
    y: {domain: clusters, label: "Cluster", tickFormat: (c: number) => `C${c}`},
    color,
    marks: [
      Plot.cell(cells, {x: "group", y: "cluster", fill: "count", inset: 0.5, tip: true, title: (d: ContingencyCell) => `Cluster C${d.cluster}, true group ${d.group}\n${formatCount(d.count)} distinct texts (${formatPercent(d.count / (totals.get(d.cluster) ?? 1), 0)} of the cluster)`}),
      Plot.text(cells, {x: "group", y: "cluster", text: (d: ContingencyCell) => (d.count >= 10 ? d.count : ""), fill: {value: (d: ContingencyCell) => labelColor(fillOf(d.count)), scale: null}, fontSize: 9})
    ]
  }), {name: "contingency", rows: cells});
}
