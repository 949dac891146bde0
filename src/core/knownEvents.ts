import {formatDate} from "./calendar.js";
import type {KnownEvent} from "./scenarios.js";

/**
 * The published known_events table as KnownEvent values, from its columns (a loader) or its rows (a
 * page: toRows hands dates back as Date objects), so that every explanation of a day reads the table.
 */

type Day = string | number | Date;

const day = (v: Day): string => (typeof v === "string" ? v.slice(0, 10) : formatDate(typeof v === "number" ? v : v.getTime()));

/** Known events from the table's rows. */
export function eventsFromRows(rows: readonly Readonly<Record<string, unknown>>[]): KnownEvent[] {
  return rows.map((r) => ({event: String(r.event), start_date: day(r.start_date as Day), end_date: day(r.end_date as Day), note: r.note === null || r.note === undefined ? null : String(r.note)}));
}

/** Known events from the table's columns. */
export function columnsToEvents(columns: {readonly [name: string]: ArrayLike<unknown>}): KnownEvent[] {
  const n = columns.event?.length ?? 0;
  return eventsFromRows(Array.from({length: n}, (_, i) => ({event: columns.event[i], start_date: columns.start_date[i], end_date: columns.end_date[i], note: columns.note?.[i]})));
}
