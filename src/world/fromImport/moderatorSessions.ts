import {DECISION_KEYS, IDLE_TYPES, ITEM_STATUSES} from "../../core/constants.js";
import type {Columns} from "../../io/schema.js";
import type {IdlePeriods, ModeratorSessions, SessionItems, SessionTable} from "../sessions.js";
import type {SessionLabels} from "../tables.js";
import type {ImportColumns} from "../../io/import/exportTables.js";
import {inert} from "../../io/import/inert.js";
import {cell} from "./vocabulary.js";

/**
 * Imported moderator sessions as the simulation holds its own (src/world/sessions.ts): typed columns
 * with sessions, reviewers, flags, content, statuses, keys and idle types as indexes, so that the
 * simulation's builders of the published session tables run on a platform's data unchanged. The
 * platform's ids are kept as labels, indexed the same way.
 *
 * Rows are put in the simulation's order whatever the files' order: sessions by reviewer (in
 * reviewerIds' order), then start; item views by session, then item_index; idle periods by session,
 * then start (file order where start_ts is absent). Each session's derived columns come from its rows:
 * duration_s from end_ts - start_ts, items, unique_items and cases from session_items, idle seconds
 * from idle_periods (summed in that order, as the simulation sums them, then to 0.1 s).
 */

export interface ImportedSessions {
  sessions: ModeratorSessions;
  labels: SessionLabels;
  /** Reviewer ids, indexed by sessions.reviewer. */
  reviewerIds: readonly string[];
  /** Per flag index (labels.flag), 1 when the flag is a violation; null when flags has no is_violation (ground truth unknown). */
  isViolation: Uint8Array | null;
  /** The optional import columns that were absent, as table.column: their published columns cannot be rebuilt. */
  absent: string[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Throws the error of an imported value the sessions cannot take: table, accepted row, column, rule, value. */
function fail(table: string, row: number, column: string, rule: string, value: unknown): never {
  throw new Error(`import ${table}, accepted row ${row + 1}, column ${column}: ${rule} (value ${inert(String(value))})`);
}

function tableOf(imported: ImportColumns, name: string): Columns {
  const table = imported[name];
  if (!table) throw new Error(`import: the moderator-session tables need the import table ${name}, which was not supplied`);
  return table;
}

function columnOf<T>(table: Columns, tableName: string, name: string): ArrayLike<T> {
  const values = table[name];
  if (!values) throw new Error(`import ${tableName}: required column ${name} is missing`);
  return values as ArrayLike<T>;
}

/** Index of each value of a closed set; fails on a value outside it. */
function codes(values: ArrayLike<string>, set: readonly string[], table: string, column: string): Uint8Array {
  return Uint8Array.from({length: values.length}, (_, i) => {
    const k = set.indexOf(values[i]);
    return k >= 0 ? k : fail(table, i, column, `not one of ${set.join(", ")}`, values[i]);
  });
}

/** Rows 0..n-1 sorted by the keys, ties in row order. */
function sortedRows(n: number, ...keys: ArrayLike<number>[]): Int32Array {
  return Int32Array.from({length: n}, (_, i) => i).sort((a, b) => {
    for (const key of keys) if (key[a] !== key[b]) return key[a] - key[b];
    return a - b;
  });
}

/** Reviewer index of each session: the id's position in reviewerIds (sorted distinct session reviewers when there are none). */
function reviewerIndexes(ids: ArrayLike<string>, given: readonly string[]): {reviewer: Int32Array; reviewerIds: readonly string[]} {
  const reviewerIds = given.length > 0 ? given : [...new Set(Array.from(ids))].sort();
  if (reviewerIds.length > 2 ** 15 - 1) throw new Error(`import reviewers: ${reviewerIds.length} reviewers, more than the ${2 ** 15 - 1} the session tables index`);
  const index = new Map(reviewerIds.map((id, r) => [id, r]));
  const reviewer = Int32Array.from({length: ids.length}, (_, i) => index.get(ids[i]) ?? fail("moderator_sessions", i, "reviewer_id", "not a reviewers.reviewer_id", ids[i]));
  return {reviewer, reviewerIds};
}

/** The sessions in the simulation's order with their own columns; the counts and idle seconds are filled from their rows later. */
function sessionRows(table: Columns, given: readonly string[]): {sessions: SessionTable; label: Float64Array; index: Map<number, number>; reviewerIds: readonly string[]} {
  const T = "moderator_sessions";
  const ids = columnOf<number>(table, T, "session_id");
  const start = columnOf<number>(table, T, "start_ts");
  const end = columnOf<number>(table, T, "end_ts");
  const {reviewer, reviewerIds} = reviewerIndexes(columnOf<string>(table, T, "reviewer_id"), given);
  const n = ids.length;
  const s: SessionTable = {
    length: n, reviewer: new Int16Array(n), start: new Float64Array(n), end: new Float64Array(n), durationS: new Float64Array(n),
    items: new Int32Array(n), uniqueItems: new Int32Array(n), cases: new Int32Array(n), idleInactivityS: new Float64Array(n), idlePauseS: new Float64Array(n)
  };
  const label = new Float64Array(n);
  const index = new Map<number, number>();
  sortedRows(n, reviewer, start).forEach((row, k) => {
    if (index.has(ids[row])) fail(T, row, "session_id", "a session id used twice", ids[row]);
    if (!(end[row] >= start[row])) fail(T, row, "end_ts", "before start_ts", end[row]);
    index.set(ids[row], k);
    label[k] = ids[row];
    s.reviewer[k] = reviewer[row];
    s.start[k] = start[row];
    s.end[k] = end[row];
    s.durationS[k] = round1((end[row] - start[row]) / 1000);
  });
  return {sessions: s, label, index, reviewerIds};
}

/** Each row's session index; fails on a session id that moderator_sessions does not have. */
function sessionIndexes(table: Columns, name: string, index: Map<number, number>): Int32Array {
  const ids = columnOf<number>(table, name, "session_id");
  return Int32Array.from({length: ids.length}, (_, i) => index.get(ids[i]) ?? fail(name, i, "session_id", "not a moderator_sessions.session_id", ids[i]));
}

/** The index of a label, handing out the next index to a new one (a Map keeps its keys in that order). */
function indexOf(index: Map<number, number>, label: number): number {
  let k = index.get(label);
  if (k === undefined) index.set(label, (k = index.size));
  return k;
}

/** The item views in the simulation's order, with content and flags indexed in order of first view (their labels are the maps' keys). */
function viewRows(table: Columns, index: Map<number, number>): {items: SessionItems; content: Map<number, number>; flags: Map<number, number>} {
  const T = "session_items";
  const session = sessionIndexes(table, T, index);
  const position = columnOf<number>(table, T, "item_index");
  const contentIds = columnOf<number>(table, T, "content_id");
  const status = codes(columnOf<string>(table, T, "status"), ITEM_STATUSES, T, "status");
  const decision = codes(columnOf<string>(table, T, "decision"), DECISION_KEYS, T, "decision");
  const {view_ts: viewTs, view_s: viewS, loops, sound_muted: muted} = table as Record<string, ArrayLike<number | boolean | null> | undefined>;
  const n = session.length;
  const items: SessionItems = {
    length: n, session: new Int32Array(n), index: new Int32Array(n), flag: new Int32Array(n), content: new Int32Array(n), status: new Uint8Array(n),
    decision: new Uint8Array(n), start: new Float64Array(n), viewS: new Float32Array(n), loops: new Uint8Array(n), soundMuted: new Uint8Array(n)
  };
  const content = new Map<number, number>();
  const flags = new Map<number, number>();
  sortedRows(n, session, position).forEach((row, k) => {
    const flag = cell(table, "flag_id", row);
    items.session[k] = session[row];
    items.index[k] = position[row];
    items.flag[k] = flag === null ? -1 : indexOf(flags, flag as number);
    items.content[k] = indexOf(content, contentIds[row]);
    items.status[k] = status[row];
    items.decision[k] = decision[row];
    items.start[k] = viewTs ? (viewTs[row] as number) : NaN;
    items.viewS[k] = viewS ? (viewS[row] as number) : NaN;
    items.loops[k] = loops ? Math.min(255, loops[row] as number) : 0;
    items.soundMuted[k] = muted?.[row] ? 1 : 0;
  });
  return {items, content, flags};
}

/** Each session's item views, cases (views decided with a key) and distinct content; the views are in session order. */
function countViews(s: SessionTable, items: SessionItems): void {
  const NONE = DECISION_KEYS.indexOf("none");
  const seen = new Set<number>();
  for (let k = 0; k < items.length; k++) {
    const x = items.session[k];
    if (k > 0 && x !== items.session[k - 1]) seen.clear();
    s.items[x]++;
    if (items.decision[k] !== NONE) s.cases[x]++;
    seen.add(items.content[k]);
    s.uniqueItems[x] = seen.size;
  }
}

/** The idle periods in the simulation's order, their seconds summed into their sessions' idle columns (then to 0.1 s, as the simulation rounds them). */
function idleRows(table: Columns, index: Map<number, number>, s: SessionTable): IdlePeriods {
  const T = "idle_periods";
  const session = sessionIndexes(table, T, index);
  const type = codes(columnOf<string>(table, T, "idle_type"), IDLE_TYPES, T, "idle_type");
  const duration = columnOf<number>(table, T, "duration_s");
  const start = table.start_ts as ArrayLike<number> | undefined;
  const n = session.length;
  const idle: IdlePeriods = {length: n, session: new Int32Array(n), type: new Uint8Array(n), start: new Float64Array(n), durationS: new Float64Array(n)};
  const INACTIVITY = IDLE_TYPES.indexOf("inactivity");
  (start ? sortedRows(n, session, start) : sortedRows(n, session)).forEach((row, k) => {
    idle.session[k] = session[row];
    idle.type[k] = type[row];
    idle.start[k] = start ? start[row] : NaN;
    idle.durationS[k] = duration[row];
    if (type[row] === INACTIVITY) s.idleInactivityS[session[row]] += duration[row];
    else s.idlePauseS[session[row]] += duration[row];
  });
  for (let k = 0; k < s.length; k++) [s.idleInactivityS[k], s.idlePauseS[k]] = [round1(s.idleInactivityS[k]), round1(s.idlePauseS[k])];
  return idle;
}

/** The imported flags' columns the session tables read (flagTruth). */
export const SESSION_FLAG_COLUMNS = ["flag_id", "is_violation"] as const;

/**
 * The viewed flags' ground truth, indexed as `flags` indexes them: 1 when flags.is_violation is true;
 * null when flags has no is_violation. Fails on a flag id that the flags table does not have.
 */
function flagTruth(imported: ImportColumns, flags: Map<number, number>): Uint8Array | null {
  const table = imported.flags;
  const ids = table ? columnOf<number>(table, "flags", "flag_id") : [];
  const truth = table?.is_violation as ArrayLike<boolean | null> | undefined;
  const rowOf = new Int32Array(flags.size).fill(-1);
  for (let i = 0; i < ids.length; i++) {
    const k = flags.get(ids[i]);
    if (k !== undefined && rowOf[k] < 0) rowOf[k] = i;
  }
  for (const [id, k] of flags) {
    if (rowOf[k] >= 0) continue;
    const row = Array.from(imported.session_items.flag_id as ArrayLike<number | null>).indexOf(id);
    fail("session_items", row, "flag_id", "not a flags.flag_id", id);
  }
  return truth ? Uint8Array.from(rowOf, (row) => (truth[row] ? 1 : 0)) : null;
}

/** The optional import columns the session tables read and the import lacks, as table.column. */
function absentColumns(imported: ImportColumns): string[] {
  const optional = {session_items: ["flag_id", "view_ts", "view_s", "loops", "sound_muted"], idle_periods: ["start_ts"], flags: ["is_violation"]};
  return Object.entries(optional).flatMap(([table, columns]) => columns.filter((c) => !imported[table]?.[c]).map((c) => `${table}.${c}`));
}

/**
 * The imported moderator_sessions, session_items and idle_periods (and flags' ground truth) as the
 * simulation's ModeratorSessions, with the platform's ids as labels. reviewerIds: the reviewers table's
 * ids in its order (when empty, the sessions' reviewer ids sorted).
 */
export function importedSessions(imported: ImportColumns, reviewerIds: readonly string[]): ImportedSessions {
  const {sessions, label, index, reviewerIds: ids} = sessionRows(tableOf(imported, "moderator_sessions"), reviewerIds);
  const {items, content, flags} = viewRows(tableOf(imported, "session_items"), index);
  countViews(sessions, items);
  const idle = idleRows(tableOf(imported, "idle_periods"), index, sessions);
  const labels: SessionLabels = {session: label, flag: Float64Array.from(flags.keys()), content: Float64Array.from(content.keys())};
  return {sessions: {sessions, items, idle}, labels, reviewerIds: ids, isViolation: flagTruth(imported, flags), absent: absentColumns(imported)};
}
