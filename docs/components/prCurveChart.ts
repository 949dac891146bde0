import * as Plot from "@observablehq/plot";
import {formatCount, formatNumber, formatPercent} from "../lib/core/format.js";
import {detectorColor} from "./palette.js";
import {saveable} from "./chartSave.js";

export interface PrPoint {
  detector: string;
  threshold: number;
  precision: number;
  recall: number;
  selected: number;
}


/** Precision-recall curves of the detectors (step-wise, as average precision sums them), with each detector's point at the chosen threshold. */
export function prCurveChart(curves: readonly PrPoint[], current: readonly PrPoint[], {width, height = 320, prevalence}: {width?: number; height?: number; prevalence?: number} = {}) {
  return saveable(Plot.plot({
    // A card can be measured very narrow while the grid lays out; below this the margins would overrun.
    width: Math.max(width ?? 640, 320),
    height,
    x: {domain: [0, 1], label: "Recall (share of abusive user-days caught) →", tickFormat: "%"},
    y: {domain: [0, 1], label: "↑ Precision (share of flagged user-days that are abusive)", tickFormat: "%", grid: true},
    color: {...detectorColor, legend: true},
    marks: [
      prevalence !== undefined ? Plot.ruleY([prevalence], {stroke: "var(--theme-foreground-muted)", strokeDasharray: "3,3"}) : null,
      prevalence !== undefined ? Plot.text([prevalence], {x: 1, y: (d: number) => d, text: () => "prevalence (a random ranking)", textAnchor: "end", dy: -6, fill: "var(--theme-foreground-muted)"}) : null,
      Plot.line(curves, {x: "recall", y: "precision", stroke: "detector", curve: "step-before"}),
      Plot.dot(current, {x: "recall", y: "precision", fill: "detector", r: 6, stroke: "var(--theme-background)"}),
      Plot.tip(curves, Plot.pointer({x: "recall", y: "precision", title: (d: PrPoint) => `${d.detector}\nthreshold ≥ ${formatNumber(d.threshold, 3)}\nprecision ${formatPercent(d.precision)}\nrecall ${formatPercent(d.recall)}\nflagged ${formatCount(d.selected)} user-days`}))
    ]
  }), {name: "pr curve", rows: curves});
}
