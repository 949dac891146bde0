import {addDays} from "../core/calendar.js";
import {formatMinute} from "../core/format.js";
import type {IncidentReview} from "./incidentTypes.js";

/** The incident review page's phrases (docs/incident.md), from the review the loader builds. */

/** An instant as the page prints it: "2025-08-12 09:00 UTC". */
export function utcMinute(t: number): string {
  return `${formatMinute(t)} UTC`;
}

/** The category as prose ("child safety") and as a heading's first word ("Child safety"). */
export function categoryWords(category: string): {name: string; title: string} {
  const name = category.replace(/_/g, " ");
  return {name, title: name[0].toUpperCase() + name.slice(1)};
}

/** The days the page covers (the baseline days before the push to the rollback's day) and what bounds them. */
export function incidentPeriod({spec, options}: Pick<IncidentReview, "spec" | "options">): {from: string; to: string; scope: string} {
  return {
    from: addDays(spec.start.slice(0, 10), -options.baselineDays),
    to: spec.end.slice(0, 10),
    scope: `the incident from ${utcMinute(Date.parse(spec.start))} to ${utcMinute(Date.parse(spec.end))} against the ${options.baselineDays} days before; the detection chart spans the whole half-year`
  };
}

/** The actions taken on the wrongful blocks: "40 removal, 3 suspension". */
export function actionsText(actions: Readonly<Record<string, number>>): string {
  return Object.entries(actions).map(([a, n]) => `${n} ${a}`).join(", ");
}

/** The detection chart's subtitle: alert days over the half-year and the first alert after the push. */
export function alertsText({days, timeline}: Pick<IncidentReview, "days" | "timeline">): string {
  const first = timeline.find((e) => e.source === "detector");
  return `${days.filter((d) => d.alert).length} alert days in ${days.length}; first alert after the push: ${first ? utcMinute(first.ts) : "none"}`;
}
