import * as Plot from "@observablehq/plot";
import type {SeedScore} from "../lib/detect/compareSeeds.js";
import {formatNumber, formatPercent} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

const MIN_WIDTH = 320;

/** One detector on one simulated world (src/detect/compareSeeds.ts). */
export type SeedScoreRow = Omit<SeedScore, "detector"> & {detector: string};

/** One dot per simulated world and detector on a score (F1 by default), with each detector's median as a tick. */
export function seedComparisonChart(rows: readonly SeedScoreRow[], {width, height = 170, metric = "f1", labels = {}}: {width?: number; height?: number; metric?: "f1" | "precision" | "recall"; labels?: Record<string, string>}) {
  const detectors = [...new Set(rows.map((d) => d.detector))];
  const medians = detectors.map((detector) => {
    const values = rows.filter((d) => d.detector === detector).map((d) => d[metric]).filter(Number.isFinite).sort((a, b) => a - b);
    const m = values.length >> 1;
    return {detector, value: values.length ? (values.length % 2 ? values[m] : (values[m - 1] + values[m]) / 2) : NaN};
  });
  const spread = (d: SeedScoreRow) => detectors.indexOf(d.detector) + (((d.seed * 7) % 11) - 5) * 0.055;
  const name = {f1: "F1", precision: "Precision", recall: "Recall"}[metric];
  return saveable(Plot.plot({
    // A card can be momentarily narrow while the page lays out; margins must still fit.
    width: width === undefined ? undefined : Math.max(width, MIN_WIDTH),
    height,
    marginLeft: 230,
    x: {domain: [0, 1], grid: true, label: `${name} on attack days, one dot per world →`},
    // Worlds with the same score are spread vertically around their detector's row.
    y: {domain: [-0.5, detectors.length - 0.5], ticks: detectors.map((_, i) => i), tickFormat: (i: number) => labels[detectors[i]] ?? detectors[i], label: null, reverse: true},
    marks: [
      Plot.dot(rows, {x: metric, y: spread, r: 4, fill: "var(--theme-foreground-focus)", fillOpacity: 0.6}),
      Plot.ruleX(medians, {x: "value", y1: (d: {detector: string}) => detectors.indexOf(d.detector) - 0.35, y2: (d: {detector: string}) => detectors.indexOf(d.detector) + 0.35, stroke: "#b2182b", strokeWidth: 3}),
      Plot.tip(rows, Plot.pointer({x: metric, y: spread, title: (d: SeedScoreRow) => `seed ${d.seed}\nprecision ${formatPercent(d.precision, 0)} (${d.tp} of ${d.tp + d.fp} flagged days), recall ${formatPercent(d.recall, 0)} (${d.tp} of ${d.tp + d.fn} attack days), F1 ${formatNumber(d.f1, 2)}`}))
    ],
    caption: "Dots: worlds (seeds). Red tick: median."
  }), {name: "seed comparison", rows});
}
