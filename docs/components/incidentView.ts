import * as Inputs from "@observablehq/inputs";
import {formatNumber, formatPercent} from "../lib/core/format.js";
import {utcMinute} from "../lib/incident/incidentPage.js";
import type {Action, TimelineEvent, WatchMetric} from "../lib/incident/incidentTypes.js";
import {textTable} from "./textTable.js";

/** The incident review's tables (docs/incident.md). */

/** The incident's events in time order, each with where it was read. */
export function timelineTable(events: readonly TimelineEvent[]): HTMLElement {
  return Inputs.table(events, {
    columns: ["ts", "source", "event"],
    header: {ts: "Time (UTC)", source: "Source", event: "Event"},
    format: {ts: utcMinute},
    width: {ts: 150, source: 100},
    layout: "auto",
    select: false
  });
}

/** The corrective actions, each with its owner, due date and what proves it done. */
export function actionsTable(actions: readonly Action[]): HTMLDivElement {
  return textTable(actions as (Action & Record<string, unknown>)[], {
    columns: ["action", "owner", "due", "verifiedBy"],
    header: {action: "Action", owner: "Owner", due: "Due", verifiedBy: "Done when"},
    nowrap: ["due"]
  });
}

/** A watched metric's value in its unit: a share in percent, a rate with its unit. */
const metricValue = (v: number, row: WatchMetric) => (row.unit === "share" ? formatPercent(v, 1) : `${formatNumber(v, 2)} ${row.unit}`);

/** The metrics to watch: baseline, alert level and value during the incident. */
export function watchTable(metrics: readonly WatchMetric[]): HTMLDivElement {
  return textTable(metrics as (WatchMetric & Record<string, unknown>)[], {
    columns: ["metric", "definition", "baseline", "alertAt", "during"],
    header: {metric: "Metric", definition: "Definition", baseline: "Baseline", alertAt: "Alert when", during: "During the incident"},
    format: {baseline: metricValue, alertAt: (v, row) => `${row.direction} ${metricValue(v, row)}`, during: metricValue},
    numeric: ["baseline", "during"]
  });
}
