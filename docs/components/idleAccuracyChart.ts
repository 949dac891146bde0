import * as Plot from "@observablehq/plot";
import {formatNumber, formatPercent} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

export interface IdleAccuracyRow {
  reviewer_id: string;
  idleShare: number;
  qaPass: number;
  decisionsPerHour: number;
}

/** Idle share of session time against QA pass rate, one dot per moderator, with the least-squares line. */
export function idleAccuracyChart(rows: readonly IdleAccuracyRow[], {width, height = 300, highlight, slope, intercept}: {width?: number; height?: number; highlight?: string; slope?: number; intercept?: number} = {}) {
  const xs = rows.map((d) => d.idleShare).filter(Number.isFinite);
  const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
  const line = slope !== undefined && intercept !== undefined && Number.isFinite(slope) ? [lo, hi].map((x) => ({x: 100 * x, y: 100 * (intercept + slope * x)})) : [];
  const focus = (d: IdleAccuracyRow) => highlight !== undefined && d.reviewer_id === highlight;
  return saveable(Plot.plot({
    // A layout pass can hand resize() a sliver of a width; below this, scales would invert.
    width: width === undefined ? undefined : Math.max(width, 280),
    height,
    marginLeft: 56,
    x: {label: "Idle time (% of session time)", grid: true},
    y: {label: "QA pass rate (%)", grid: true},
    marks: [
      Plot.line(line, {x: "x", y: "y", stroke: "var(--theme-foreground-faint)", strokeWidth: 2}),
      Plot.dot(rows, {
        x: (d: IdleAccuracyRow) => 100 * d.idleShare,
        y: (d: IdleAccuracyRow) => 100 * d.qaPass,
        r: (d: IdleAccuracyRow) => (focus(d) ? 7 : 4.5),
        fill: (d: IdleAccuracyRow) => (focus(d) ? "var(--theme-foreground-focus)" : "var(--theme-foreground-muted)"),
        tip: true,
        title: (d: IdleAccuracyRow) => `${d.reviewer_id}\nIdle ${formatPercent(d.idleShare)} of session time\nQA pass ${formatPercent(d.qaPass)}\n${formatNumber(d.decisionsPerHour, 2)} decisions per hour`
      }),
      // Only the selected moderator is named: twenty labels in one cluster would overlap (tooltips name the rest).
      Plot.text(rows.filter(focus), {x: (d: IdleAccuracyRow) => 100 * d.idleShare, y: (d: IdleAccuracyRow) => 100 * d.qaPass, text: "reviewer_id", dx: 10, textAnchor: "start", fill: "var(--theme-foreground-focus)", fontWeight: "bold"})
    ]
  }), {name: "idle accuracy", rows});
}
