import * as Plot from "@observablehq/plot";
import {formatNumber, formatPercent} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

export interface RateRow {
  week: string;
  organicRatePer10k: number | null;
  adoption: number | null;
}

/**
 * Reports on direct messages of accounts outside rings per 10,000 of their messages, by week, with the
 * tolerance band around the case week's previous week: flat means the rise is volume (adoption).
 */
export function reportRateChart(rows: readonly RateRow[], {width, height = 240, highlight, reference, tolerance}: {width?: number; height?: number; highlight?: string; reference?: number; tolerance?: number} = {}) {
  const date = (w: string) => new Date(`${w}T00:00:00Z`);
  const ok = rows.filter((r) => r.organicRatePer10k !== null && Number.isFinite(r.organicRatePer10k));
  const band = reference !== undefined && tolerance !== undefined && ok.length ? [{x1: date(ok[0].week), x2: date(ok[ok.length - 1].week), y1: reference * (1 - tolerance), y2: reference * (1 + tolerance)}] : [];
  return saveable(Plot.plot({
    // A layout pass can hand resize() a sliver of a width; below this, scales would invert.
    width: width === undefined ? undefined : Math.max(width, 280),
    height,
    marginLeft: 56,
    x: {type: "utc", label: null},
    y: {label: "Reports per 10,000 messages (outside rings)", grid: true, zero: true},
    marks: [
      Plot.rect(band, {x1: "x1", x2: "x2", y1: "y1", y2: "y2", fill: "var(--theme-foreground-faintest)"}),
      Plot.lineY(ok, {x: (d: RateRow) => date(d.week), y: "organicRatePer10k", stroke: "#4269d0", strokeWidth: 2}),
      Plot.dot(ok, {x: (d: RateRow) => date(d.week), y: "organicRatePer10k", fill: (d: RateRow) => (d.week === highlight ? "var(--theme-foreground)" : "#4269d0"), r: (d: RateRow) => (d.week === highlight ? 5 : 3), tip: true, title: (d: RateRow) => `Week of ${d.week}\n${formatNumber(d.organicRatePer10k, 1)} reports per 10,000 messages\n${d.adoption !== null ? `${formatPercent(d.adoption, 0)} of active users messaging` : ""}`}),
      Plot.ruleY([0])
    ]
  }), {name: "report rate", rows});
}
