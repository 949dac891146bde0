import type {Columns} from "../../io/schema.js";
import type {ImportColumns} from "../../io/import/exportTables.js";
import {casesTable, dailyCountry, flagAggregateBuilders, flagsTable, publishedFlagRows, reviewersTable} from "../tables.js";
import {SNIPPETS} from "../../io/contracts.js";
import {importedActivity} from "./activity.js";
import {importedActorTypes, importedDecisionSessions} from "./caseContext.js";
import {importedFlagWorld} from "./flagWorld.js";
import {SHIFT_COLUMNS} from "./reviewers.js";

/**
 * The flag and review-queue family of published tables, built from a platform's imported tables by the
 * simulation's own builders (src/world/tables.ts, cubes.ts, queueTables.ts): the imported columns are
 * read into the structures those builders take (importedFlagWorld), so there is one implementation of
 * each table. A table the import cannot give is left out, with the reason (flagTableGaps).
 */

export const FLAG_TABLES = [
  "flags", "cases", "flag_mix", "flag_outcomes", "score_outcomes", "queue_outcomes", "tta_bins", "flag_scores",
  "backlog_days", "reviewer_days", "wait_bins", "queue_hours", "daily_country", "reviewers", "snippets"
] as const;
export type FlagTable = (typeof FLAG_TABLES)[number];

export interface AssembleOptions {
  /**
   * The scale whose sample of flags the flags table publishes (FULL_DETAIL_SCALE and below: every
   * flag); aggregates always count every flag.
   */
  scale?: number;
}

/** The tables of the family that the imported tables cannot give, and why. */
export function flagTableGaps(imported: ImportColumns): Partial<Record<FlagTable, string>> {
  const gaps: Partial<Record<FlagTable, string>> = {};
  const r = imported.reviewers;
  const shifts = r && SHIFT_COLUMNS.every((c) => r[c]) ? "" : `the reviewers table with ${SHIFT_COLUMNS.join(", ")} (when each reviewer works places the cases' opening times and the reviewers' hours)`;
  if (shifts) for (const t of ["reviewer_days", "wait_bins", "queue_hours"] as const) gaps[t] = `needs ${shifts}`;
  if (shifts || !r?.hub) gaps.reviewers = `needs the reviewers table with hub, ${SHIFT_COLUMNS.join(", ")}`;
  if (!imported.daily_activity) gaps.daily_country = "needs the daily_activity table (active users and content created: the rates' denominators)";
  if (!imported.snippets) gaps.snippets = "needs the snippets table (the texts of flagged content)";
  return gaps;
}

export function assembleFlagTables(imported: ImportColumns, dates: readonly string[], options: AssembleOptions = {}): Partial<Record<FlagTable, Columns>> {
  const base = importedFlagWorld(imported, dates);
  const gaps = flagTableGaps(imported);
  // A reviewer the flags name that the reviewers table lacks has no shift: the queue's hours cannot include them.
  if (!base.team.shiftsKnown) for (const t of ["reviewer_days", "wait_bins", "queue_hours", "reviewers"] as const) gaps[t] ??= "needs a reviewers row with a shift for every reviewer the flags name";
  const world = {...base, reviewers: base.team.reviewers, scale: options.scale ?? 1};
  const builders: Record<FlagTable, () => Columns> = {
    flags: () => flagsTable(world, publishedFlagRows(world)),
    cases: () => casesTable({...world, sessions: importedDecisionSessions(imported, base.flags), users: importedActorTypes(imported.users, base.flags)}),
    ...flagAggregateBuilders(world),
    daily_country: () => dailyCountry({...world, activity: importedActivity(imported.daily_activity, dates)}),
    reviewers: () => reviewersTable(world),
    snippets: () => snippetsTable(imported.snippets, out.flags!.flag_id as ArrayLike<number>)
  };
  const out: Partial<Record<FlagTable, Columns>> = {};
  for (const t of FLAG_TABLES) if (!gaps[t]) out[t] = builders[t]();
  return out;
}

/**
 * The snippets table as imported: the platform's texts are the texts (the simulation renders its own
 * from templates), those of the published flags (`published`, the flags table's sample above scale 4,
 * as the simulation's snippetsTable keeps them). Columns in the published order; template_id and
 * template_group, ground truth of the simulation's texts, null where the platform does not give them.
 */
export function snippetsTable(snippets: Columns, published: ArrayLike<number>): Columns {
  const ids = snippets.flag_id as ArrayLike<number>;
  const keep = new Set(Array.from(published));
  const rows: number[] = [];
  for (let k = 0; k < ids.length; k++) if (keep.has(ids[k])) rows.push(k);
  const all = rows.length === ids.length;
  const pick = (values: ArrayLike<unknown>) => (all ? values : rows.map((k) => values[k]));
  return Object.fromEntries(SNIPPETS.columns.map((c) => [c.name, snippets[c.name] ? pick(snippets[c.name]) : new Array(rows.length).fill(null)])) as Columns;
}
