import {COHORT, EVENTS, KNOWN_EVENTS, RINGS, SCHEMAS, type TableName} from "../../io/contracts.js";
import type {ImportColumns} from "../../io/import/exportTables.js";
import {rowCount, type Columns, type TableSchema} from "../../io/schema.js";
import {knownEventsTable, lazyTables, sampleRate, type PublishOptions} from "../tables.js";
import {columnsToEvents} from "../../core/knownEvents.js";
import {asImported, attacksFromImport, namedAccounts, ringsFromImport, benignEventsFromImport, flagTextsFromImport, usersFromImport} from "./accounts.js";
import {assembleFlagTables, FLAG_TABLES} from "./flags.js";
import {completeImport, nullFedColumns} from "./complete.js";
import {assembleSessionTables, SESSION_TABLES, type SessionTableName} from "./sessions.js";
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
  const others = otherTables(imported, {scale, ringsSupplied, named: () => namedAccounts(flag("flags"), flagTables().cases, imported)});
  const builder = (name: TableName): (() => Columns) => {
    // What an optional table the platform did not supply would feed is null, not zero.
    if ((FLAG_FAMILY as readonly string[]).includes(name)) return () => nullFedColumns(name, flag(name as FlagFamily), given);
    if ((SESSION_TABLES as readonly string[]).includes(name)) return () => sessions()[name as SessionTableName];
    return others[name as OtherTable];
  };
  return lazyTables(Object.fromEntries((Object.keys(SCHEMAS) as TableName[]).map((name) => [name, builder(name)])) as Record<TableName, () => Columns>, options);
}

/** The published tables built from neither the flags nor the moderator sessions. */
type OtherTable = Exclude<TableName, FlagFamily | SessionTableName>;

/**
 * The builders of the account-side and reference tables from the imported tables. `named`: the accounts
 * the published tables name, which a sampled users table keeps.
 */
function otherTables(imported: ImportColumns, o: {scale: number; ringsSupplied: boolean; named: () => Set<unknown>}): Record<OtherTable, () => Columns> {
  const order = (schema: {columns: readonly {name: string}[]}) => schema.columns.map((c) => c.name);
  const rate = sampleRate(o.scale);
  return {
    benign_events: () => benignEventsFromImport(imported),
    known_events: () => knownEventsTable(columnsToEvents(asImported(imported, "known_events", order(KNOWN_EVENTS)))),
    rings: () => ringsFromImport(imported, o.ringsSupplied, order(RINGS)),
    users: () => usersFromImport(imported, rate, rate < 1 ? o.named() : undefined),
    events: () => asImported(imported, "events", order(EVENTS)),
    cohort: () => asImported(imported, "cohort", order(COHORT)),
    dsa_flags: () => dsaFlagsFromImport(imported),
    monthly_active: () => monthlyActiveFromImport(imported)
  };
}

/** The tables built from the imported flags: the flag and queue family, the explorer's texts and the attacks with their flag counts. */
const FLAG_FAMILY = [...FLAG_TABLES, "flag_texts", "attacks"] as const;
type FlagFamily = (typeof FLAG_FAMILY)[number];

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
