import * as Plot from "@observablehq/plot";
import type {ReviewerLoad} from "../lib/ops/utilisation.js";
import {formatCount, formatHours, formatNumber, formatPercent} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

const MIN_WIDTH = 320;

/** A reviewer's load (src/ops/utilisation.ts), with the hub for colour or labels. */
export type ReviewerLoadRow = ReviewerLoad & {hub?: string};

/**
 * Per-reviewer utilisation: hours with a case open inside productive time over productive hours (the
 * shift minus its breaks), with the 100% capacity line and the 70-95% band operations plan for. Cases
 * finished into a break or past the shift are overtime, outside utilisation, so no bar passes 100%; a
 * part over it (an input that counts differently) would be drawn in red.
 */
export function utilisationChart(rows: readonly ReviewerLoadRow[], {width, height}: {width?: number; height?: number} = {}) {
  const data = rows.filter((d) => Number.isFinite(d.utilisation));
  const parts = data.flatMap((d) => [
    {...d, part: "Within productive time", x1: 0, x2: Math.min(1, d.utilisation)},
    {...d, part: "Over 100%", x1: 1, x2: Math.max(1, d.utilisation)}
  ]).filter((p) => p.x2 > p.x1);
  return saveable(Plot.plot({
    // A card can be momentarily narrow while the page lays out; margins must still fit.
    width: width === undefined ? undefined : Math.max(width, MIN_WIDTH),
    height: height ?? 50 + 22 * data.length,
    marginLeft: 90,
    x: {label: "Utilisation: case hours / productive hours (%)", percent: true, grid: true, domain: [0, 100 * Math.max(1.1, ...data.map((d) => d.utilisation))]},
    y: {domain: data.map((d) => d.reviewer_id), label: null, tickFormat: (id: string) => {
      const r = data.find((d) => d.reviewer_id === id);
      return r?.hub ? `${id} ${r.hub}` : id;
    }},
    // The "Over 100%" key only when a bar has such a part.
    color: {domain: ["Within productive time", "Over 100%"].filter((k) => parts.some((p) => p.part === k)), range: ["var(--theme-foreground-focus)", "#b2182b"], legend: true},
    marks: [
      Plot.rectX([0], {x1: 0.7, x2: 0.95, fill: "var(--theme-foreground-faintest)"}),
      Plot.barX(parts, {y: "reviewer_id", x1: "x1", x2: "x2", fill: "part"}),
      Plot.ruleX([1], {stroke: "var(--theme-foreground)", strokeWidth: 1.5, strokeDasharray: "4,3"}),
      Plot.text([1], {x: (x: number) => x, frameAnchor: "top", text: () => "100% capacity", dy: -2, dx: -4, textAnchor: "end"}),
      Plot.tip(data, Plot.pointerY({y: "reviewer_id", x: "utilisation", title: (d: ReviewerLoadRow) => `${d.reviewer_id}${d.hub ? ` (${d.hub})` : ""}: ${formatPercent(d.utilisation)}\n${formatCount(d.cases)} cases, ${formatNumber(d.casesPerHour, 2)} per productive hour\nscheduled ${formatHours(d.scheduledHours)}, productive ${formatHours(d.productiveHours)}\ncase time ${formatHours(d.busyHours)}, of it into breaks or past the shift ${formatHours(d.overtimeHours)}`}))
    ]
  }), {name: "utilisation", rows: data});
}
