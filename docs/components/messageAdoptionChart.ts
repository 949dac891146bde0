import * as Plot from "@observablehq/plot";
import {formatCount} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

export interface AdoptionRow {
  week: string;
  messages: number;
  ringMessages: number;
  otherMessages: number;
  organicRatePer10k: number | null;
}

/** Messages per week by sender (ring accounts or others, ground truth), population estimates from the weighted cohort. */
export function messageAdoptionChart(rows: readonly AdoptionRow[], {width, height = 240, highlight}: {width?: number; height?: number; highlight?: string} = {}) {
  const date = (w: string) => new Date(`${w}T00:00:00Z`);
  const long = rows.flatMap((r) => [
    {week: r.week, sender: "other", messages: r.otherMessages},
    {week: r.week, sender: "ring", messages: r.ringMessages}
  ]);
  return saveable(Plot.plot({
    // A layout pass can hand resize() a sliver of a width; below this, scales would invert.
    width: width === undefined ? undefined : Math.max(width, 280),
    height,
    marginLeft: 64,
    x: {type: "utc", label: null},
    y: {label: "Direct messages per week (estimate)", grid: true, tickFormat: "~s"},
    color: {domain: ["other", "ring"], range: ["#4269d0", "#b2182b"], tickFormat: (s: string) => (s === "ring" ? "Ring accounts" : "Other accounts"), legend: true},
    marks: [
      Plot.rectY(long, Plot.stackY({x1: (d: (typeof long)[number]) => date(d.week), x2: (d: (typeof long)[number]) => new Date(date(d.week).getTime() + 6.6 * 86_400_000), y: "messages", fill: "sender", tip: true, title: (d: (typeof long)[number]) => `Week of ${d.week}\n${d.sender === "ring" ? "Ring accounts" : "Other accounts"}: ${formatCount(d.messages)} messages`})),
      highlight ? Plot.ruleX([date(highlight)], {stroke: "var(--theme-foreground)", strokeDasharray: "3,3"}) : null,
      Plot.ruleY([0])
    ]
  }), {name: "message adoption", rows});
}
