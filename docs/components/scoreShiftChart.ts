import * as Plot from "@observablehq/plot";
import {formatNumber, formatPercent} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

export interface ScoreBin {
  lo: number;
  baseline: number;
  during: number;
}

/** Classifier scores of benign items before and during a push, as shares per score bin, with the auto-block threshold. */
export function scoreShiftChart(bins: readonly ScoreBin[], {width, height = 240, threshold}: {width?: number; height?: number; threshold: number}) {
  const long = bins.flatMap((b) => [
    {lo: b.lo, period: "baseline", share: b.baseline},
    {lo: b.lo, period: "during", share: b.during}
  ]);
  return saveable(Plot.plot({
    // A layout pass can hand resize() a sliver of a width; below this, scales would invert.
    width: width === undefined ? undefined : Math.max(width, 280),
    height,
    marginLeft: 56,
    x: {label: "Classifier score of benign items", domain: [0, 1]},
    y: {label: "Share of benign items (%)", grid: true},
    fy: {label: null, domain: ["baseline", "during"], axis: null},
    color: {domain: ["baseline", "during"], range: ["#9498a0", "#b2182b"]},
    marks: [
      Plot.rectY(long, {x1: "lo", x2: (d: (typeof long)[number]) => d.lo + 0.05, y: (d: (typeof long)[number]) => 100 * d.share, fy: "period", fill: "period", insetLeft: 0.5, insetRight: 0.5, tip: true, title: (d: (typeof long)[number]) => `Score ${formatNumber(d.lo, 2)}–${formatNumber(d.lo + 0.05, 2)}\n${formatPercent(d.share)} of benign items ${d.period === "baseline" ? "before" : "during"} the push`}),
      Plot.ruleX([threshold], {stroke: "var(--theme-red)", strokeDasharray: "3,3"}),
      Plot.text(["baseline", "during"], {fy: (p: string) => p, frameAnchor: "top-left", dx: 4, dy: 2, text: (p: string) => (p === "baseline" ? "Before the push" : "During the push"), fill: "currentColor"}),
      Plot.text([threshold], {x: threshold, fy: () => "baseline", frameAnchor: "top", text: () => `Auto-block threshold ${formatNumber(threshold, 3)}`, dx: -4, dy: 2, textAnchor: "end", fill: "currentColor"}),
      Plot.ruleY([0])
    ]
  }), {name: "score shift", rows: bins});
}
