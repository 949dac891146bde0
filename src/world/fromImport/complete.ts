import {SCHEMAS, type TableName} from "../../io/contracts.js";
import {rowCount, type Columns, type TableSchema} from "../../io/schema.js";
import {IMPORT_TABLES, type ImportTable} from "../../io/import/contract.js";
import type {ImportColumns} from "../../io/import/exportTables.js";

/**
 * A platform's imported tables completed where the contract lets the data be silent: a table the
 * platform did not supply whose published table may be empty (the ground-truth tables, known_events)
 * becomes a table with no rows, and a ground-truth column a supplied table lacks becomes a column of
 * nulls. The published tables are then built by one code path, empty or null exactly there; what was
 * supplied is recorded apart (absentColumns, src/io/import/quality.ts), so a page says "not in the
 * imported data" rather than showing an empty table as a zero. Any other absent table or column is
 * left absent, and the builder that needs it stops with the columns it needs.
 */
export function completeImport(imported: ImportColumns, tables: readonly ImportTable[] = IMPORT_TABLES): ImportColumns {
  const out: ImportColumns = {...imported};
  for (const table of tables) {
    const given = imported[table.name];
    if (!given && table.required) continue;
    const n = given ? rowCount(given) : 0;
    const columns: Columns = {...given};
    for (const column of table.columns) if (!given || column.truth) columns[column.name] ??= new Array(n).fill(null);
    out[table.name] = columns;
  }
  return out;
}

/**
 * Published columns that an optional import table feeds, by that table: without it the builders would
 * read its absence as zeros (no active user, no appeal) and the KPIs would show a confident 0 where the
 * data says nothing, so they are null instead (nullFedColumns), and the KPI cards say which column
 * would give them a value (src/metrics/unrecorded.ts).
 */
export const FED_COLUMNS: Readonly<Record<string, Readonly<Partial<Record<TableName, readonly string[]>>>>> = {
  daily_activity: {daily_country: ["active_users", "content_created", "report_rate"]},
  appeals: {daily_country: ["appeals", "successful_appeals", "appeal_rate", "appeal_success_rate"], flags: ["appealed", "appeal_ts", "overturned"]}
};

/** Published table `name` with the columns that an import table the platform did not supply feeds set to null. */
export function nullFedColumns(name: TableName, columns: Columns, supplied: readonly string[]): Columns {
  const out = {...columns};
  for (const [table, fed] of Object.entries(FED_COLUMNS)) {
    if (supplied.includes(table)) continue;
    for (const column of fed[name] ?? []) out[column] = new Array(rowCount(columns)).fill(null);
  }
  return out;
}

/**
 * The published contracts as a build from imported tables can meet them: any table may have no rows
 * (one the platform's tables cannot give is published empty, and the pages say what it needs), and a
 * reference into a table built from an import table the platform did not supply is not checked (the
 * import's validation reported it as an unchecked reference, since it could not check it either), and
 * the columns such a table feeds (FED_COLUMNS) may be null.
 */
export function importSchemas(schemas: Record<TableName, TableSchema>, supplied: readonly string[], tables: readonly ImportTable[] = IMPORT_TABLES): Record<TableName, TableSchema> {
  const given = new Set(tables.filter((t) => supplied.includes(t.name)).map((t) => t.published));
  const unchecked = new Set(tables.map((t) => t.published).filter((p) => !given.has(p)));
  const nulled = new Set(Object.entries(FED_COLUMNS).filter(([t]) => !supplied.includes(t)).flatMap(([, fed]) => Object.entries(fed).flatMap(([table, columns]) => columns!.map((c) => `${table}.${c}`))));
  const relax = (schema: TableSchema): TableSchema => ({
    ...schema,
    mayBeEmpty: true,
    references: schema.references?.filter((r) => !unchecked.has(r.table)),
    columns: schema.columns.map((c) => (nulled.has(`${schema.name}.${c.name}`) ? {...c, nullable: true} : c))
  });
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, relax(schema)])) as Record<TableName, TableSchema>;
}
