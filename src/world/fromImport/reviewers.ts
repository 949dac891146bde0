import type {Columns} from "../../io/schema.js";
import type {Shift} from "../../core/shifts.js";
import {rosterShifts} from "../../ops/roster.js";
import type {Reviewers} from "../reviewers.js";
import {cell, rowCount} from "./vocabulary.js";

/**
 * The reviewers' columns that give their shifts: without all of them, the queue's times cannot be
 * placed. first_day may be absent: every reviewer is then on the queue from the calendar's first day.
 */
export const SHIFT_COLUMNS = ["shift_start_hour", "shift_hours", "workdays"] as const;

/** The review team as the queue builders read it, and whether the import said when each reviewer works. */
export interface ImportedReviewers {
  reviewers: Reviewers;
  /** Every reviewer's shift came from the reviewers table (else `shifts` holds placeholders and must not be read). */
  shiftsKnown: boolean;
  /** Every reviewer has a row in the reviewers table with a hub. */
  rosterKnown: boolean;
}

/** A placeholder for a reviewer whose shift the import does not give: never read when shiftsKnown is false. */
const NO_SHIFT: Shift = {startHour: 0, hours: 24, workdays: [true, true, true, true, true, true, true]};

/**
 * The review team from the imported reviewers table (in its row order: reviewer_days lists reviewers in
 * it), followed by any reviewer the flags name that the table lacks (or all of them, without a table).
 * Shifts come from hub, shift_start_hour, shift_hours, workdays and first_day through the ops roster's
 * reading (rosterShifts: a shift of the standard length has the standard breaks, REVIEW.breaks, since no
 * import table carries breaks). What no import table carries is NaN: speed (a handling-time multiplier
 * that only the simulation draws), idleness, and accuracy when the platform does not supply it; every
 * reviewer is taken to read every language pool.
 */
export function importedReviewers(table: Columns | undefined, flagReviewers: Iterable<string>): ImportedReviewers {
  const rows = table ? rowCount(table) : 0;
  const id: string[] = [];
  const hub: string[] = [];
  const accuracy: number[] = [];
  const shiftsKnown = !!table && SHIFT_COLUMNS.every((c) => table[c]);
  const shifts: Shift[] = [];
  if (table) {
    const roster = [];
    for (let k = 0; k < rows; k++) {
      const rid = String(cell(table, "reviewer_id", k));
      id.push(rid);
      hub.push(cell(table, "hub", k) as string);
      accuracy.push((cell(table, "accuracy", k) as number | null) ?? NaN);
      if (shiftsKnown) roster.push({reviewer_id: rid, shift_start_hour: cell(table, "shift_start_hour", k) as number, shift_hours: cell(table, "shift_hours", k) as number, workdays: cell(table, "workdays", k) as string, first_day: cell(table, "first_day", k) as string | null});
    }
    const byId = rosterShifts(roster);
    for (const rid of id) shifts.push(byId.get(rid) ?? NO_SHIFT);
  }
  const known = new Set(id);
  for (const rid of flagReviewers) {
    if (known.has(rid)) continue;
    known.add(rid);
    id.push(rid);
    hub.push(null as unknown as string);
    accuracy.push(NaN);
    shifts.push(NO_SHIFT);
  }
  const n = id.length;
  const reviewers: Reviewers = {length: n, id, hub, shifts, speed: new Float64Array(n).fill(NaN), accuracy: Float64Array.from(accuracy), reads: new Uint8Array(n).fill(0xff), idleness: new Float64Array(n).fill(NaN)};
  return {reviewers, shiftsKnown: shiftsKnown && n === rows, rosterKnown: !!table && !!table.hub && n === rows};
}
