import * as Plot from "@observablehq/plot";
import {formatChange, formatCount} from "../lib/core/format.js";
import {saveable} from "./chartSave.js";

export interface SegmentRow {
  week: string;
  surface: string;
  sender: string;
  reports: number;
}

export interface WeekChangeRow {
  week: string;
  reports: number;
  change: number | null;
}

/** The four segments of the investigation: surface × sender (ground truth). */
export const segmentColor = {
  domain: ["post_comment|other", "message|other", "message|ring", "post_comment|ring"],
  range: ["#9498a0", "#4269d0", "#b2182b", "#ff8ab7"],
  tickFormat: (k: string) =>
    ({
      "post_comment|other": "Posts and comments, other accounts",
      "message|other": "Direct messages, other accounts (adoption)",
      "message|ring": "Direct messages, ring accounts (attacker)",
      "post_comment|ring": "Posts and comments, ring accounts (attacker)"
    })[k] ?? k
};

/**
 * Reports per ISO week stacked by segment, with the week-over-week change above each full week and the
 * case week outlined.
 */
export function weeklyReportsChart(segments: readonly SegmentRow[], weeks: readonly WeekChangeRow[], {width, height = 320, highlight, launch}: {width?: number; height?: number; highlight?: string; launch?: string} = {}) {
  const date = (w: string) => new Date(`${w}T00:00:00Z`);
  const key = (d: SegmentRow) => `${d.surface}|${d.sender}`;
  const change = weeks.filter((w) => w.change !== null && Number.isFinite(w.change));
  const marked = highlight ? weeks.filter((w) => w.week === highlight) : [];
  const mid = (d: WeekChangeRow) => new Date(date(d.week).getTime() + 3.3 * 86_400_000);
  // Week-over-week change of a count: relative.
  const label = (d: WeekChangeRow) => formatChange(d.change, 0);
  return saveable(Plot.plot({
    // A layout pass can hand resize() a sliver of a width; below this, scales would invert.
    width: width === undefined ? undefined : Math.max(width, 280),
    height,
    marginLeft: 56,
    marginTop: 24,
    x: {type: "utc", label: null},
    y: {label: "Reports per week", grid: true},
    color: {...segmentColor, legend: true},
    marks: [
      Plot.rectY(segments, Plot.stackY({
        x1: (d: SegmentRow) => date(d.week),
        x2: (d: SegmentRow) => new Date(date(d.week).getTime() + 6.6 * 86_400_000),
        y: "reports",
        fill: key,
        order: segmentColor.domain,
        tip: true,
        title: (d: SegmentRow) => `Week of ${d.week}\n${segmentColor.tickFormat(key(d))}\n${formatCount(d.reports)} reports`
      })),
      Plot.rectY(marked, {x1: (d: WeekChangeRow) => date(d.week), x2: (d: WeekChangeRow) => new Date(date(d.week).getTime() + 6.6 * 86_400_000), y: "reports", fill: "none", stroke: "var(--theme-foreground)", strokeWidth: 2}),
      Plot.text(change.filter((d) => d.week !== highlight), {x: mid, y: "reports", text: label, dy: -7, fontSize: 9, fill: "var(--theme-foreground-muted)"}),
      Plot.text(change.filter((d) => d.week === highlight), {x: mid, y: "reports", text: label, dy: -7, fontSize: 11, fontWeight: "bold", fill: "var(--theme-foreground)"}),
      launch ? Plot.ruleX([date(launch)], {stroke: "var(--theme-foreground-focus)", strokeDasharray: "3,3"}) : null,
      launch ? Plot.text([launch], {x: date(launch), frameAnchor: "top", text: () => "Messaging launch", dx: 4, textAnchor: "start", fill: "var(--theme-foreground-focus)"}) : null,
      Plot.ruleY([0])
    ]
  }), {name: "weekly reports", rows: segments});
}
