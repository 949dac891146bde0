/**
 * The home page's wording around the executive summary (src/report/executive.ts): the posture's
 * colour, each KPI card's target line and the sentence on candidates that are not priorities.
 */
import type {ExecutiveSummary, Held, Kpi} from "./executive.js";

/** The theme has red, yellow and green (no orange): guarded is the theme's yellow. */
export function postureTone(posture: ExecutiveSummary["posture"]): "red" | "yellow" | "green" {
  return ({elevated: "red", guarded: "yellow", stable: "green"} as const)[posture];
}

/** A KPI card's note: its target and whether this world meets it ("no verdict" when the change is noise). */
export function kpiTargetNote(k: Pick<Kpi, "target" | "met">): string {
  const verdict = k.met === null ? "no verdict: the change is within noise" : k.met ? "on target" : "off target";
  return `Target: ${k.target} · ${verdict}`;
}

/** "Not priorities now: a, as reason; b, as reason.", or null when every candidate is a priority. */
export function heldText(held: readonly Pick<Held, "title" | "reason">[]): string | null {
  if (held.length === 0) return null;
  return `Not priorities now: ${held.map((h) => `${h.title.toLowerCase()}, as ${h.reason.replace(/\.$/, "")}`).join("; ")}.`;
}
