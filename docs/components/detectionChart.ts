import * as Plot from "@observablehq/plot";
import {outcomeColor} from "./palette.js";
import {utcDate as asDate} from "../lib/core/calendar.js";
import {formatCount, formatDay} from "../lib/core/format.js";
import {dayAxis} from "./dayAxis.js";
import {saveable} from "./chartSave.js";

const MIN_WIDTH = 320;
/** A flagged day that nothing scores: neither the found green nor the false-alarm orange. */
const FLAGGED_COLOR = "#4269d0";

export interface DetectionDay {
  date: string | Date;
  volume: number;
  /** The volume rule's alarm line: trailing mean + k standard deviations (NaN without a baseline). */
  upper: number;
  /** TP, FP, FN or TN against ground truth. */
  label: string;
  /** Ground-truth attack ids of the day. */
  attacks: string[];
  /** Why the detector fired (empty when it did not). */
  reason?: string;
}

/**
 * A day-level attack detector against ground truth: daily flags (line), the volume alarm line
 * (dashed), and each alarm or missed attack day as a dot coloured by its outcome.
 */
export function detectionChart(rows: readonly DetectionDay[], {width, height = 280, unscored = false}: {width?: number; height?: number; unscored?: boolean} = {}) {
  // Without confirmed attacks (an import without them) a flagged day is neither right nor wrong: it is flagged.
  const data = rows.map((d) => ({...d, date: asDate(d.date), label: unscored && d.label !== "TN" ? "flagged" : d.label}));
  const marked = data.filter((d) => d.label !== "TN");
  return saveable(Plot.plot({
    // A card can be momentarily narrow while the page lays out; margins must still fit.
    width: width === undefined ? undefined : Math.max(width, MIN_WIDTH),
    height,
    marginLeft: 50,
    x: dayAxis(data.map((d) => d.date), width === undefined ? undefined : Math.max(width, MIN_WIDTH)),
    y: {grid: true, label: "Flags per day", zero: true},
    color: unscored ? {domain: ["flagged"], range: [FLAGGED_COLOR], tickFormat: () => "Flagged day (not scored)", legend: true} : {...outcomeColor, domain: ["TP", "FP", "FN"], range: outcomeColor.range.slice(0, 3), legend: true},
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(data, {x: "date", y: "volume", stroke: "var(--theme-foreground-muted)", strokeWidth: 1.2}),
      Plot.lineY(data, {x: "date", y: "upper", stroke: "var(--theme-foreground-focus)", strokeDasharray: "4,3", strokeWidth: 1.2}),
      Plot.dot(marked, {x: "date", y: "volume", fill: "label", r: 5, stroke: "var(--theme-background)"}),
      Plot.tip(data, Plot.pointerX({x: "date", y: "volume", title: (d: (typeof data)[number]) => [
        `${formatDay(d.date)}: ${formatCount(d.volume)} flags`,
        `volume alarm line: ${Number.isFinite(d.upper) ? formatCount(Math.round(d.upper)) : "–"}`,
        `${d.label === "flagged" ? "flagged (no confirmed attacks to score it against)" : d.label === "TN" && unscored ? "not flagged" : outcomeColor.tickFormat(d.label)}${d.attacks.length ? ` – attack ${d.attacks.join(", ")}` : ""}`,
        d.reason ? `fired on: ${d.reason}` : ""
      ].filter(Boolean).join("\n")}))
    ],
    caption: "Grey line: flags per day. Dashed: the volume rule's alarm line (trailing mean + k standard deviations)."
  }), {name: "detection", rows: data});
}
