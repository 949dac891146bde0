import * as Inputs from "@observablehq/inputs";
import type {AttackEvent, DetectionTableRow, SeedSummaryRow} from "../lib/detect/attackView.js";
import type {BenignRow, FiringRow} from "../lib/detect/lookalikeView.js";
import {casesQuery} from "../lib/explore/cases.js";
import {dataLink} from "./dataLink.js";

/** The attack page's tables (src/detect/attackView.ts and lookalikeView.ts shape their rows). */

interface TableOptions {
  columns: string[];
  header: Record<string, string>;
  format?: Record<string, (value: any) => unknown>;
  select: false;
  layout: "auto";
  rows?: number;
}
// Observable Inputs ships no declarations, and inputs.d.ts declares only the factories other components use.
const table = (Inputs as unknown as {table: (rows: readonly object[], options: TableOptions) => HTMLElement}).table;

/** Every attack with each detector's outcome: all rows shown, no scrolling inside the table. */
export function attackEventsTable(events: readonly AttackEvent[]): HTMLElement {
  return table(events, {columns: ["attack_id", "pattern", "category", "accounts", "dates", "days", "flags", "baseline", "layered"], header: {attack_id: "Attack", pattern: "Pattern", category: "Category", accounts: "Ring accounts", dates: "Dates", days: "Days", flags: "Flags", baseline: "Volume detector", layered: "Layered detector"}, select: false, layout: "auto", rows: events.length + 1});
}

export function benignTable(rows: readonly BenignRow[]): HTMLElement {
  return table(rows, {columns: ["event_id", "kind", "signal", "dates", "accounts", "flags", "violating", "description"], header: {event_id: "Event", kind: "Kind", signal: "Signal it trips", dates: "Dates", accounts: "Accounts", flags: "Flags", violating: "Violating", description: "What happened"}, select: false, layout: "auto", rows: rows.length + 1});
}

/** Each signal's firing on the look-alike days, this world beside `worlds` simulated ones. */
export function firingTable(rows: readonly FiringRow[], worlds: number): HTMLElement {
  return table(rows, {columns: ["signal", "fired", "share", "median", "worlds"], header: {signal: "Signal", fired: "Look-alike days it fired on, this world", share: "Share", median: `Median over ${worlds} worlds (range)`, worlds: "Worlds where it fired"}, select: false, layout: "auto", rows: rows.length + 1});
}

// Each day opens the case view on its flags.
const dayLink = (date: string) => dataLink("open the flags", `../cases.html${casesQuery({from: date, to: date})}`, {label: `Open the flags of ${date}`});

/** The days either detector got wrong or found, each with a link to its flags. */
export function detectionDaysTable(rows: readonly DetectionTableRow[]): HTMLElement {
  return table(rows.map((d) => ({...d, cases: d.date})), {columns: ["date", "flags", "cases", "attack", "baseline", "layered", "fired", "context"], header: {date: "Date", flags: "Flags", cases: "Cases", attack: "Attack (truth)", baseline: "Volume", layered: "Layered", fired: "Layered fired on", context: "What happened that day"}, format: {cases: dayLink}, select: false, layout: "auto", rows: Math.min(20, rows.length + 1)});
}

/** Both detectors over `worlds` simulated worlds. */
export function seedSummaryTable(rows: readonly SeedSummaryRow[], worlds: number): HTMLElement {
  return table(rows, {columns: ["detector", "recall", "precision", "f1", "iqr", "range"], header: {detector: "Detector", recall: `Recall, ${worlds} worlds pooled`, precision: `Precision, ${worlds} worlds pooled`, f1: "Median F1", iqr: "F1 middle half", range: "F1 range"}, select: false, layout: "auto"});
}
