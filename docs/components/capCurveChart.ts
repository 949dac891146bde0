import * as Plot from "@observablehq/plot";
import {formatPercent} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

export interface CapRow {
  cap: number;
  ordinaryStopped: number | null;
  abusiveStopped: number | null;
}

/**
 * What a daily cap would stop, replayed on the control arm: the share of ordinary and of abusive new
 * accounts' messages above each cap, with the tested cap, the chosen cap and the friction guardrail.
 */
export function capCurveChart(rows: readonly CapRow[], {width, height = 280, cap, tested, maxFriction}: {width?: number; height?: number; cap: number; tested: number; maxFriction: number}) {
  const long = rows.flatMap((r) => [
    {cap: r.cap, who: "abusive", share: r.abusiveStopped},
    {cap: r.cap, who: "ordinary", share: r.ordinaryStopped}
  ]).filter((d) => d.share !== null && Number.isFinite(d.share));
  return saveable(Plot.plot({
    // A layout pass can hand resize() a sliver of a width; below this, scales would invert.
    width: width === undefined ? undefined : Math.max(width, 280),
    height,
    marginLeft: 56,
    x: {label: "Daily cap on a new account's messages", grid: true},
    y: {label: "Messages the cap would stop (%)", grid: true, domain: [0, 100]},
    color: {domain: ["abusive", "ordinary"], range: ["#b2182b", "#4269d0"], tickFormat: (w: string) => (w === "abusive" ? "Abusive accounts (ring, spam, scam, harassment)" : "Ordinary accounts"), legend: true},
    marks: [
      Plot.ruleY([100 * maxFriction], {stroke: "var(--theme-red)", strokeDasharray: "2,3"}),
      Plot.text([maxFriction], {x: rows[rows.length - 1]?.cap, y: 100 * maxFriction, text: () => `Friction guardrail ${formatPercent(maxFriction, 0)}`, dy: -6, textAnchor: "end", fill: "currentColor"}),
      Plot.ruleX([tested], {stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3"}),
      Plot.text([tested], {x: tested, frameAnchor: "top", text: () => `Tested: ${tested}`, dx: 4, textAnchor: "start", fill: "var(--theme-foreground-muted)"}),
      Plot.ruleX([cap], {stroke: "var(--theme-foreground-focus)", strokeWidth: 2}),
      Plot.lineY(long, {x: "cap", y: (d: (typeof long)[number]) => 100 * d.share!, stroke: "who", strokeWidth: 2}),
      Plot.tip(long, Plot.pointerX({x: "cap", y: (d: (typeof long)[number]) => 100 * d.share!, stroke: "who", title: (d: (typeof long)[number]) => `Cap ${d.cap} a day\n${d.who === "abusive" ? "Abusive" : "Ordinary"} accounts: ${formatPercent(d.share)} of messages stopped`})),
      Plot.ruleY([0])
    ]
  }), {name: "cap curve", rows});
}
