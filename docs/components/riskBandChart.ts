import * as Plot from "@observablehq/plot";
import {formatNumber} from "../lib/core/format.js";
import {enforcementColor, label} from "./palette.js";
import {saveable} from "./chartSave.js";

export interface RiskCase {
  rank: number;
  case_id: string;
  risk: number;
  risk_lo: number;
  risk_hi: number;
  suggested_action: string;
}

/** Queued cases in priority order: each case's risk with its bootstrap band, coloured by the suggested action. */
export function riskBandChart(cases: readonly RiskCase[], {width, height = 240, thresholds = []}: {width?: number; height?: number; thresholds?: readonly number[]} = {}) {
  return saveable(Plot.plot({
    // A card can be measured very narrow while the grid lays out; below this the margins would overrun.
    width: Math.max(width ?? 640, 320),
    height,
    x: {label: "Queue position →"},
    y: {domain: [0, 1], grid: true, label: "↑ Risk (logistic regression) with its 90% bootstrap band"},
    color: {...enforcementColor, tickFormat: label, legend: true},
    marks: [
      Plot.ruleY(thresholds, {stroke: "var(--theme-foreground-muted)", strokeDasharray: "3,3"}),
      Plot.ruleX(cases, {x: "rank", y1: "risk_lo", y2: "risk_hi", stroke: "suggested_action", strokeWidth: 2}),
      Plot.dot(cases, {x: "rank", y: "risk", fill: "suggested_action", r: 2.5, tip: true, title: (d: RiskCase) => `#${d.rank} ${d.case_id}\nrisk ${formatNumber(d.risk, 3)} (band ${formatNumber(d.risk_lo, 3)} to ${formatNumber(d.risk_hi, 3)})\nsuggested: ${label(d.suggested_action)}`})
    ]
  }), {name: "risk band", rows: cases});
}
