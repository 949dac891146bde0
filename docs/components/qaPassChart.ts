import * as Plot from "@observablehq/plot";
import {formatCount, formatInterval, formatPercent} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

export interface QaPassRow {
  reviewer_id: string;
  qaPass: number;
  qaLower: number;
  qaUpper: number;
  accuracy: number;
  checked: number;
}

/**
 * QA pass rate per moderator: decisions agreeing with ground truth, with the 95% Wilson interval, the
 * reviewer's true accuracy as a tick, and the 95% target. The selected moderator is highlighted.
 */
export function qaPassChart(rows: readonly QaPassRow[], {width, height = 300, highlight, target = 0.95}: {width?: number; height?: number; highlight?: string; target?: number} = {}) {
  const sorted = [...rows].sort((a, b) => b.qaPass - a.qaPass);
  const stroke = (d: QaPassRow) => (highlight && d.reviewer_id === highlight ? "var(--theme-foreground-focus)" : "var(--theme-foreground-muted)");
  return saveable(Plot.plot({
    // A layout pass can hand resize() a sliver of a width; below this, scales would invert.
    width: width === undefined ? undefined : Math.max(width, 280),
    height,
    marginLeft: 48,
    x: {label: "Moderator", domain: sorted.map((d) => d.reviewer_id)},
    y: {label: "Decisions agreeing with ground truth (%)", grid: true},
    marks: [
      Plot.ruleY([100 * target], {stroke: "var(--theme-red)", strokeDasharray: "2,3"}),
      Plot.ruleX(sorted, {x: "reviewer_id", y1: (d: QaPassRow) => 100 * d.qaLower, y2: (d: QaPassRow) => 100 * d.qaUpper, stroke, strokeWidth: 2}),
      Plot.tickY(sorted, {x: "reviewer_id", y: (d: QaPassRow) => 100 * d.accuracy, stroke: "#efb118", strokeWidth: 2}),
      Plot.dot(sorted, {
        x: "reviewer_id",
        y: (d: QaPassRow) => 100 * d.qaPass,
        r: (d: QaPassRow) => (highlight && d.reviewer_id === highlight ? 6 : 4),
        fill: stroke,
        tip: true,
        title: (d: QaPassRow) => `${d.reviewer_id}\nQA pass ${formatPercent(d.qaPass)} of ${formatCount(d.checked)} decisions (95% CI ${formatInterval(d.qaLower, d.qaUpper, "percent")})${d.checked < 30 ? ", small sample" : ""}\nTrue accuracy ${formatPercent(d.accuracy)}`
      }),
      // The label in the text colour: red text on the page background is under 4.5:1 in the light theme.
      Plot.text([target], {x: sorted[sorted.length - 1]?.reviewer_id, y: 100 * target, text: () => `Target ${formatPercent(target, 0)}`, dy: -6, textAnchor: "end", fill: "currentColor"})
    ]
  }), {name: "qa pass", rows});
}
