import {COHORT, EVENTS, KNOWN_EVENTS, RINGS, SCHEMAS, type TableName} from "../../io/contracts.js";
import type {ImportColumns} from "../../io/import/exportTables.js";
import {rowCount, type Columns, type TableSchema} from "../../io/schema.js";
import {knownEventsTable, lazyTables, sampleRate, type PublishOptions} from "../tables.js";
import {columnsToEvents} from "../../core/knownEvents.js";
import {asImported, attacksFromImport, namedAccounts, ringsFromImport, benignEventsFromImport, flagTextsFromImport, usersFromImport} from "./accounts.js";
import {assembleFlagTables, type FlagTable} from "./flags.js";
import {completeImport, nullFedColumns} from "./complete.js";
import {assembleSessionTables} from "./sessions.js";
import {SESSION_FLAG_COLUMNS} from "./moderatorSessions.js";
import {dsaFlagsFromImport, monthlyActiveFromImport} from "./transparency.js";
import {importScale} from "./scale.js";

/**
 * Every published table from a platform's imported tables (typed as the import contract types them):
 * the same tables, under the same contracts, that the simulation publishes, so every page and loader
 * reads them alike. Tables are built on first access, and protected as privacy mode asks. Item-level
 * tables keep the sample of the import's scale (importScale).
 */
export function assembleTables(supplied: ImportColumns, dates: readonly string[], options: PublishOptions = {}): Record<TableName, Columns> {
  const imported = completeImport(supplied);
  const scale = importScale(supplied.flags ? rowCount(supplied.flags) : 0);
  // Read now, so that no builder holds `supplied` (and with it the imported columns) for the tables' life.
  const [given, ringsSupplied] = [Object.keys(supplied), supplied.rings !== undefined];
  let flagCache: Partial<Record<FlagFamily, Columns>> | undefined;
  let sessionCache: ReturnType<typeof assembleSessionTables> | undefined;
  const flagTables = () => (flagCache ??= flagFamily(imported, dates, scale));
  const flag = (name: FlagFamily): Columns => flagTables()[name] ?? noRows(SCHEMAS[name]);
  const sessions = () => (sessionCache ??= assembleSessionTables(imported, {dates, scale, reviewerIds: Array.from(flag("reviewers").reviewer_id as ArrayLike<string>)}));
  const order = (schema: {columns: readonly {name: string}[]}) => schema.columns.map((c) => c.name);
  const builders: Record<TableName, () => Columns> = {
    daily_country: () => flag("daily_country"),
    flags: () => flag("flags"),
    snippets: () => flag("snippets"),
    flag_texts: () => flag("flag_texts"),
    cases: () => flag("cases"),
    reviewers: () => flag("reviewers"),
    attacks: () => flag("attacks"),
    benign_events: () => benignEventsFromImport(imported),
    known_events: () => knownEventsTable(columnsToEvents(asImported(imported, "known_events", order(KNOWN_EVENTS)))),
    rings: () => ringsFromImport(imported, ringsSupplied, order(RINGS)),
    users: () => usersFromImport(imported, sampleRate(scale), sampleRate(scale) < 1 ? namedAccounts(flag("flags"), flagTables().cases, imported) : undefined),
    moderator_sessions: () => sessions().moderator_sessions,
    session_items: () => sessions().session_items,
    idle_periods: () => sessions().idle_periods,
    session_sample: () => sessions().session_sample,
    idle_sample: () => sessions().idle_sample,
    events: () => asImported(imported, "events", order(EVENTS)),
    cohort: () => asImported(imported, "cohort", order(COHORT)),
    dsa_flags: () => dsaFlagsFromImport(imported),
    monthly_active: () => monthlyActiveFromImport(imported),
    flag_mix: () => flag("flag_mix"),
    flag_outcomes: () => flag("flag_outcomes"),
    score_outcomes: () => flag("score_outcomes"),
    queue_outcomes: () => flag("queue_outcomes"),
    tta_bins: () => flag("tta_bins"),
    flag_scores: () => flag("flag_scores"),
    backlog_days: () => flag("backlog_days"),
    reviewer_days: () => flag("reviewer_days"),
    wait_bins: () => flag("wait_bins"),
    queue_hours: () => flag("queue_hours"),
    moderator_days: () => sessions().moderator_days,
    item_view_days: () => sessions().item_view_days
  };
  // What an optional table the platform did not supply would feed is null, not zero.
  for (const name of ["flags", "daily_country"] as const) {
    const build = builders[name];
    builders[name] = () => nullFedColumns(name, build(), given);
  }
  return lazyTables(builders, options);
}

/** The tables built from the imported flags: the flag and queue family, the explorer's texts and the attacks with their flag counts. */
type FlagFamily = FlagTable | "flag_texts" | "attacks";

/**
 * The tables built from the imported flags, all at once; then the imported flag columns are let go
 * (`imported` is assembleTables' own completed copy), but those the session tables read: at ten
 * million flags they are gigabytes, and every other table that reads them has been built.
 */
function flagFamily(imported: ImportColumns, dates: readonly string[], scale: number): Partial<Record<FlagFamily, Columns>> {
  const utcDay = (ts: number) => new Date(ts).toISOString().slice(0, 10);
  const tables = {...assembleFlagTables(imported, dates, {scale}), flag_texts: flagTextsFromImport(imported, utcDay), attacks: attacksFromImport(imported)};
  const flags = imported.flags;
  if (flags) imported.flags = Object.fromEntries(SESSION_FLAG_COLUMNS.flatMap((c) => (flags[c] ? [[c, flags[c]]] : [])));
  return tables;
}

/**
 * A published table the imported tables cannot give (flagTableGaps): its columns with no rows. The
 * data-quality file lists the import columns it would need (absentColumns), and the pages that read it
 * say so (src/io/import/needs.ts).
 */
function noRows(schema: TableSchema): Columns {
  return Object.fromEntries(schema.columns.map((c) => [c.name, []])) as Columns;
}
