import {DETAILED_MODERATORS} from "../../core/sampling.js";
import type {Columns} from "../../io/schema.js";
import {itemViewDays, moderatorDays} from "../moderatorTables.js";
import {sessionSampleTables, sessionTables, type SessionWorld} from "../tables.js";
import type {ImportColumns} from "../../io/import/exportTables.js";
import {importedSessions} from "./moderatorSessions.js";

/**
 * The moderator-session family of published tables built from a platform's imported tables, by the
 * simulation's own builders (src/world/tables.ts, src/world/moderatorTables.ts) run on the imported
 * sessions (./moderatorSessions.ts): one implementation of each table, whatever the source.
 *
 * Item-level tables keep the sessions the import's scale keeps (every session up to FULL_DETAIL_SCALE,
 * src/world/fromImport/scale.ts), session_sample capped as for the simulation. A published column whose import column is absent is
 * null rather than made up (OPTIONAL_SOURCES); the rest is rebuilt exactly (see the round-trip test).
 */

export const SESSION_TABLES = ["moderator_sessions", "session_items", "idle_periods", "session_sample", "idle_sample", "moderator_days", "item_view_days"] as const;
export type SessionTableName = (typeof SESSION_TABLES)[number];

export interface SessionContext {
  /** The calendar (src/core/calendar.ts dateRange()); sessions are kept whether or not they start in it, as the simulation keeps late ones. */
  dates: readonly string[];
  /** The reviewers table's ids in its order: moderator_days' and item_view_days' moderators (sorted session reviewer ids when empty). */
  reviewerIds: readonly string[];
  /** The import's scale (importScale): item-level tables keep its sample of sessions; default 1, every session. */
  scale?: number;
}

/**
 * Published columns built from optional import columns (table.column), with the import columns each
 * needs: null when one of them is absent. Decisions are checked against the truth only when the flags
 * carry it (is_violation) and the views name their flag (flag_id).
 */
export const OPTIONAL_SOURCES: Readonly<Record<string, readonly string[]>> = {
  "session_items.view_ts": ["session_items.view_ts"],
  "session_items.view_s": ["session_items.view_s"],
  "session_items.loops": ["session_items.loops"],
  "session_items.sound_muted": ["session_items.sound_muted"],
  "idle_periods.start_ts": ["idle_periods.start_ts"],
  "moderator_days.views_muted": ["session_items.sound_muted"],
  "moderator_days.qa_checked": ["flags.is_violation", "session_items.flag_id"],
  "moderator_days.qa_correct": ["flags.is_violation", "session_items.flag_id"]
};

/** Sets to null each published column whose optional import columns are absent. */
function nullAbsent(tables: Record<SessionTableName, Columns>, absent: readonly string[]): void {
  for (const [target, sources] of Object.entries(OPTIONAL_SOURCES)) {
    if (!sources.some((s) => absent.includes(s))) continue;
    const [table, column] = target.split(".") as [SessionTableName, string];
    tables[table][column] = new Array(tables[table][column].length).fill(null);
  }
}

export function assembleSessionTables(imported: ImportColumns, context: SessionContext): Record<SessionTableName, Columns> {
  const {sessions, labels, reviewerIds, isViolation, absent} = importedSessions(imported, context.reviewerIds);
  const world: SessionWorld = {sessions, reviewers: {id: reviewerIds}, scale: context.scale ?? 1, labels};
  const days = {sessions, reviewerIds, detailed: DETAILED_MODERATORS};
  const tables = {
    ...sessionTables(world),
    ...sessionSampleTables(world),
    moderator_days: moderatorDays({...days, isViolation: isViolation ?? new Uint8Array(labels.flag.length)}),
    item_view_days: itemViewDays(days)
  };
  nullAbsent(tables, absent);
  return tables;
}
