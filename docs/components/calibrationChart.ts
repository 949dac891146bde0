import * as Plot from "@observablehq/plot";
import type {ReliabilityBin} from "../lib/detect/reliability.js";
import {formatCount, formatNumber, formatPercent} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

const MIN_WIDTH = 320;

/** Rows as src/detect/reliability.ts computes them. */
export type CalibrationBin = ReliabilityBin;

/** Reliability diagram: mean score of each bin against its observed violation rate, with the ideal diagonal. */
export function calibrationChart(bins: readonly CalibrationBin[], {width, height = 300}: {width?: number; height?: number} = {}) {
  const data = bins.filter((b) => b.n > 0);
  return saveable(Plot.plot({
    // A card can be momentarily narrow while the page lays out; margins must still fit.
    width: width === undefined ? undefined : Math.max(width, MIN_WIDTH),
    height,
    marginLeft: 50,
    x: {domain: [0, 1], grid: true, label: "Predicted: mean classifier score in the bin"},
    y: {domain: [0, 1], grid: true, label: "Observed: share that are true violations", percent: false},
    r: {range: [3, 12], label: "Flags in the bin"},
    marks: [
      Plot.line([[0, 0], [1, 1]], {stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3"}),
      Plot.text([[0.5, 0.5]], {text: () => "ideal: score = rate", dx: 8, textAnchor: "start", fill: "var(--theme-foreground-muted)"}),
      Plot.line(data, {x: "predicted", y: "observed", stroke: "var(--theme-foreground-focus)"}),
      Plot.dot(data, {
        x: "predicted",
        y: "observed",
        r: "n",
        fill: "var(--theme-foreground-focus)",
        tip: true,
        title: (d: CalibrationBin) => `Scores ${formatNumber(d.lo, 1)}–${formatNumber(d.hi, 1)}: ${formatCount(d.n)} flags\nmean score ${formatNumber(d.predicted, 3)}\n${formatPercent(d.observed)} true violations`
      })
    ]
  }), {name: "calibration", rows: data});
}
