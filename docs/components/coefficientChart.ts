import * as Plot from "@observablehq/plot";
import {formatNumber, formatPercent} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

export interface Coefficient {
  label: string;
  description: string;
  coefficient: number;
  lo: number;
  hi: number;
}

/** Model coefficients (per standard deviation of each feature) with their bootstrap intervals. */
export function coefficientChart(rows: readonly Coefficient[], {width, height, coverage = 0.9}: {width?: number; height?: number; coverage?: number} = {}) {
  const sorted = [...rows].sort((a, b) => b.coefficient - a.coefficient);
  return saveable(Plot.plot({
    // A card can be measured very narrow while the grid lays out; below this the margins would overrun.
    width: Math.max(width ?? 640, 320),
    height: height ?? 40 + 26 * sorted.length,
    marginLeft: 150,
    // The long axis label would run past a phone-width chart's right edge.
    x: {label: (width ?? 640) < 560 ? "Change in log-odds per SD →" : "Coefficient: change in log-odds per standard deviation of the feature →", grid: true},
    y: {domain: sorted.map((d) => d.label), label: null},
    color: {domain: ["raises risk", "lowers risk"], range: ["#b2182b", "#4269d0"], legend: true},
    marks: [
      Plot.ruleX([0]),
      Plot.ruleY(sorted, {y: "label", x1: "lo", x2: "hi", stroke: (d: Coefficient) => (d.coefficient >= 0 ? "raises risk" : "lowers risk"), strokeWidth: 2}),
      Plot.dot(sorted, {y: "label", x: "coefficient", fill: (d: Coefficient) => (d.coefficient >= 0 ? "raises risk" : "lowers risk"), r: 5, tip: true, title: (d: Coefficient) => `${d.label}: ${formatNumber(d.coefficient, 3)}\n${formatPercent(coverage, 0)} bootstrap interval ${formatNumber(d.lo, 3)} to ${formatNumber(d.hi, 3)}\n${d.description}`})
    ]
  }), {name: "coefficient", rows});
}
