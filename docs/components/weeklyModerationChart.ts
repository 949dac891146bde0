import * as Plot from "@observablehq/plot";
import {formatCount, formatDay, formatInterval, formatNumber, formatPercent} from "../lib/core/format.js";
import {wilsonInterval} from "../lib/stats/wilsonInterval.js";
import {saveable} from "./chartSave.js";

export interface WeeklyModerationRow {
  week: number;
  decisionsPerHour: number;
  qaPass: number;
  checked: number;
}

export interface WeeklyModerationOptions {
  width?: number;
  height?: number;
  /** "decisionsPerHour" or "qaPass". */
  y: "decisionsPerHour" | "qaPass";
  /** The whole team's weeks, drawn behind the selection for comparison. */
  team?: readonly WeeklyModerationRow[];
  /** A target line (e.g. the 95% QA target). */
  target?: number;
}

/** A weekly series of the selected moderator (or all) against the team: decisions per hour or QA pass rate. */
export function weeklyModerationChart(rows: readonly WeeklyModerationRow[], {width, height = 220, y, team, target}: WeeklyModerationOptions) {
  const qa = y === "qaPass";
  const label = qa ? "QA pass rate (%)" : "Decisions per session hour";
  const value = (d: WeeklyModerationRow) => (qa ? 100 * d.qaPass : d.decisionsPerHour);
  const date = (d: WeeklyModerationRow) => new Date(d.week);
  const interval = (d: WeeklyModerationRow) => {
    const w = d.checked > 0 ? wilsonInterval(Math.round(d.qaPass * d.checked), d.checked) : null;
    return w ? `95% CI ${formatInterval(w.lower, w.upper, "percent")}${d.checked < 30 ? ", small sample" : ""}` : "no decisions checked";
  };
  const fmt = (d: WeeklyModerationRow) => `Week of ${formatDay(date(d))}\n${qa ? `${formatPercent(d.qaPass)} of ${formatCount(d.checked)} decisions agree with ground truth (${interval(d)})` : `${formatNumber(d.decisionsPerHour, 2)} decisions per hour`}`;
  return saveable(Plot.plot({
    // A layout pass can hand resize() a sliver of a width; below this, scales would invert.
    width: width === undefined ? undefined : Math.max(width, 280),
    height,
    marginLeft: 56,
    x: {type: "utc", label: null},
    y: {label, grid: true, zero: !qa},
    marks: [
      team ? Plot.lineY(team, {x: date, y: value, stroke: "var(--theme-foreground-faint)", strokeWidth: 1.5, strokeDasharray: "4,3"}) : null,
      Plot.lineY(rows, {x: date, y: value, stroke: "var(--theme-foreground-focus)", strokeWidth: 2}),
      Plot.dot(rows, {x: date, y: value, r: 2.5, fill: "var(--theme-foreground-focus)"}),
      target !== undefined ? Plot.ruleY([qa ? 100 * target : target], {stroke: "var(--theme-red)", strokeDasharray: "2,3"}) : null,
      target !== undefined ? Plot.text([target], {x: rows.length ? date(rows[0]) : undefined, y: qa ? 100 * target : target, text: () => `Target ${qa ? formatPercent(target, 0) : formatNumber(target, 2)}`, dy: -6, textAnchor: "start", fill: "currentColor"}) : null,
      Plot.tip(rows, Plot.pointerX({x: date, y: value, title: fmt}))
    ]
  }), {name: "weekly moderation", rows});
}
