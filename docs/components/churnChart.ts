import * as Plot from "@observablehq/plot";
import {formatNumber} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";
import type {ChurnRow} from "../lib/investigate/spikeTypes.js";

const parts = ["after_ring", "after_other", "no_abuse"];
export const churnColor = {domain: parts, range: ["#b2182b", "#ff8ab7", "#9498a0"], tickFormat: (k: string) => ({after_ring: "Had an abusive DM from a ring account", after_other: "Had an abusive DM from another account", no_abuse: "No abusive DM in the 30 days before"})[k] ?? k};

/** Weekly churn of ordinary users per 1,000 at risk, split by the abusive direct messages they had received in the 30 days before leaving. */
export function churnChart(rows: readonly ChurnRow[], {width, height = 260, launch}: {width?: number; height?: number; launch?: string} = {}) {
  const date = (w: string) => new Date(`${w}T00:00:00Z`);
  const long = rows.flatMap((r) => {
    const per1k = (x: number) => (r.atRisk > 0 ? (1000 * x) / r.atRisk : 0);
    return [
      {week: r.week, part: "after_ring", rate: per1k(r.churnedAfterRingAbuse), n: r.churnersInCohort, total: per1k(r.churned)},
      {week: r.week, part: "after_other", rate: per1k(r.churnedAfterAbuse - r.churnedAfterRingAbuse), n: r.churnersInCohort, total: per1k(r.churned)},
      {week: r.week, part: "no_abuse", rate: per1k(r.churned - r.churnedAfterAbuse), n: r.churnersInCohort, total: per1k(r.churned)}
    ];
  });
  return saveable(Plot.plot({
    // A layout pass can hand resize() a sliver of a width; below this, scales would invert.
    width: width === undefined ? undefined : Math.max(width, 280),
    height,
    marginLeft: 56,
    x: {type: "utc", label: null},
    y: {label: "Churned per 1,000 ordinary users per week", grid: true},
    color: {...churnColor, legend: true},
    marks: [
      Plot.rectY(long, Plot.stackY({x1: (d: (typeof long)[number]) => date(d.week), x2: (d: (typeof long)[number]) => new Date(date(d.week).getTime() + 6.6 * 86_400_000), y: "rate", fill: "part", order: parts, tip: true, title: (d: (typeof long)[number]) => `Week of ${d.week}\n${churnColor.tickFormat(d.part)}: ${formatNumber(d.rate, 2)} per 1,000\nAll churn: ${formatNumber(d.total, 2)} per 1,000 (${d.n} churners in the cohort)`})),
      launch ? Plot.ruleX([date(launch)], {stroke: "var(--theme-foreground-focus)", strokeDasharray: "3,3"}) : null,
      launch ? Plot.text([launch], {x: date(launch), frameAnchor: "top", text: () => "Messaging launch", dx: 4, textAnchor: "start", fill: "var(--theme-foreground-focus)"}) : null,
      Plot.ruleY([0])
    ]
  }), {name: "churn", rows});
}
