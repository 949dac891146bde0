import {daysBetween} from "../lib/core/calendar.js";

export interface PeriodNoteOptions {
  /** The comparison period, if the page compares with one. */
  previous?: {from: string; to: string} | null;
  /** What else limits the page: "APAC, spam and nudity". */
  scope?: string;
}

/**
 * The line at the top of a page that says which period it shows: "Period: 2025-06-03 to 2025-08-31
 * (90 days, UTC), all regions. Compared with 2025-03-05 to 2025-06-02." Every page with data states
 * its period this way, so readers can tell whether two pages' numbers cover the same days.
 */
export function periodNote({from, to}: {from: string; to: string}, {previous, scope}: PeriodNoteOptions = {}): HTMLElement {
  const p = document.createElement("p");
  p.className = "period-note muted small";
  Object.assign(p.dataset, {from, to});
  const days = daysBetween(from, to) + 1;
  p.textContent = `Period: ${from} to ${to} (${days} day${days === 1 ? "" : "s"}, UTC)${scope ? `, ${scope}` : ""}.${previous ? ` Compared with ${previous.from} to ${previous.to}.` : ""}`;
  return p;
}
