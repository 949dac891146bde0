import {quoteField} from "../csv.js";
import {rowCount, type Columns} from "../schema.js";
import {postgresLoadScript} from "./postgresSchema.js";
import {IMPORT_TABLES, type ImportColumn, type ImportTable} from "./contract.js";

/**
 * A world's published tables in the import format: each import table is its published table's
 * imported columns (src/io/import/contract.ts), typed as the import types them (timestamps as epoch
 * milliseconds, dates as YYYY-MM-DD, booleans as booleans). Two tables take a subset of rows: appeals
 * is the flags that were appealed, with when and whether the appeal overturned the action.
 *
 * This is what `npm run export` writes (as CSV) and what a build from imported data reads back: the
 * round trip of src/io/import/assemble.ts.
 */
export type ImportColumns = Record<string, Columns>;

/** Rows of a published table that an import table takes (every row, unless it says otherwise). */
const ROWS: Readonly<Record<string, (published: Columns) => number[]>> = {
  appeals: (flags) => rowsWhere(flags.appealed as ArrayLike<boolean | null>)
};

function rowsWhere(column: ArrayLike<boolean | null>): number[] {
  const out: number[] = [];
  for (let i = 0; i < column.length; i++) if (column[i]) out.push(i);
  return out;
}

/** One import table from its published table: the imported columns the published table has, in contract order. */
export function exportTable(table: ImportTable, published: Columns): Columns {
  const pick = ROWS[table.name];
  const rows = pick ? pick(published) : null;
  const out: Columns = {};
  for (const column of table.columns) {
    const values = published[column.name];
    if (values === undefined) continue;
    out[column.name] = rows ? (rows.map((i) => values[i]) as Columns[string]) : values;
  }
  return out;
}

/** Every import table of a world's published tables (those whose published table is there). */
export function exportTables(published: Readonly<Record<string, Columns>>, tables: readonly ImportTable[] = IMPORT_TABLES): ImportColumns {
  const out: ImportColumns = {};
  for (const table of tables) if (published[table.published]) out[table.name] = exportTable(table, published[table.published]);
  return out;
}

/**
 * One value as the import format writes it (src/io/import/values.ts reads it back to the same value):
 * null (or NaN) as an empty field; timestamps as ISO 8601 UTC with Z and milliseconds; dates as
 * YYYY-MM-DD; booleans as true/false; numbers as JavaScript prints them (float32 columns at the
 * precision they are published with); strings as they are, quoted as RFC 4180 needs. Strings are not
 * neutralised for spreadsheets: the file is data, and "=1+1" in a snippet must come back as "=1+1".
 */
function importCell(column: ImportColumn, value: unknown): string {
  if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) return "";
  switch (column.type) {
    case "timestamp": {
      const ms = value as number;
      // The format holds milliseconds; a finer time would be cut, so it is refused rather than written.
      if (!Number.isInteger(ms)) throw new Error(`export: ${column.name} holds ${ms}, not a whole number of milliseconds`);
      return new Date(ms).toISOString();
    }
    case "bool":
      return value ? "true" : "false";
    case "int":
      return String(value);
    case "float":
      return String(column.float32 ? Math.fround(value as number) : value);
    default:
      return quoteField(String(value));
  }
}

/**
 * An import table's rows as a CSV file of the import format: the header is the table's columns that
 * `columns` has, in contract order; RFC 4180 with CRLF line ends. What readImportFolder and
 * validateImport read back as the same typed values.
 */
export function importCsv(table: ImportTable, columns: Columns): string {
  const present = table.columns.filter((c) => columns[c.name] !== undefined);
  const n = rowCount(columns);
  const lines = [present.map((c) => quoteField(c.name)).join(",")];
  for (let i = 0; i < n; i++) lines.push(present.map((c) => importCell(c, columns[c.name][i])).join(","));
  return lines.join("\r\n") + "\r\n";
}

export interface ExportManifest {
  seed: number;
  scale: number;
  tables: {table: string; file: string; rows: number}[];
}

/**
 * The files of `npm run export`, by name: one `<table>.csv` per import table the published tables feed,
 * in contract order, and `manifest.json` (seed, scale, each table's file and rows).
 */
/** The schema the export's load script creates and fills (WORKBOOK_SCHEMA when building from it). */
export const EXPORT_SCHEMA = "workbook_import";

export function exportFiles(published: Readonly<Record<string, Columns>>, {seed, scale}: {seed: number; scale: number}): Record<string, string> {
  const exported = exportTables(published);
  const files: Record<string, string> = {};
  const manifest: ExportManifest = {seed, scale, tables: []};
  for (const table of IMPORT_TABLES) {
    const columns = exported[table.name];
    if (!columns) continue;
    files[`${table.name}.csv`] = importCsv(table, columns);
    manifest.tables.push({table: table.name, file: `${table.name}.csv`, rows: rowCount(columns)});
  }
  // The PostgreSQL load script: `psql "$URL" -f load.sql`, run from this folder, loads the same files.
  const names = manifest.tables.map((t) => t.table);
  files["load.sql"] = postgresLoadScript(EXPORT_SCHEMA, names, Object.fromEntries(names.map((name) => [name, Object.keys(exported[name])])));
  files["manifest.json"] = JSON.stringify(manifest, null, 2) + "\n";
  return files;
}
