import {formatTimestamp} from "../../core/calendar.js";
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
 * This is what `npm run export` writes (as CSV, streamed piece by piece through exportCsv, which
 * scripts/ may convert to Parquet) and what a build from imported data reads back: the round trip of
 * src/io/import/assemble.ts.
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
 * How the import format writes a column's values (src/io/import/values.ts reads each back to the same value):
 * null (or NaN) as an empty field; timestamps as ISO 8601 UTC with Z and milliseconds; dates as
 * YYYY-MM-DD; booleans as true/false; numbers as JavaScript prints them (float32 columns at the
 * precision they are published with); strings as they are, quoted as RFC 4180 needs. Strings are not
 * neutralised for spreadsheets: the file is data, and "=1+1" in a snippet must come back as "=1+1".
 */
function cellFormat(column: ImportColumn): (value: unknown) => string {
  const format = valueFormat(column);
  return (value) => (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value)) ? "" : format(value));
}

/** How cellFormat writes a value that is not null, by the column's type. */
function valueFormat(column: ImportColumn): (value: unknown) => string {
  switch (column.type) {
    case "timestamp":
      return (value) => {
        const ms = value as number;
        // The format holds milliseconds; a finer time would be cut, so it is refused rather than written.
        if (!Number.isInteger(ms)) throw new Error(`export: ${column.name} holds ${ms}, not a whole number of milliseconds`);
        return formatTimestamp(ms);
      };
    case "bool":
      return (value) => (value ? "true" : "false");
    case "int":
      return String;
    case "float":
      return column.float32 ? (value) => String(Math.fround(value as number)) : String;
    default:
      return (value) => quoteField(String(value));
  }
}

/** Rows per chunk of CSV text: a few megabytes at most, written and dropped one at a time. */
export const CSV_CHUNK_ROWS = 10_000;

/**
 * An import table's rows as CSV text of the import format, in chunks of at most `rowsPerChunk` lines:
 * the header first (unless `header` is false: rows that continue a file), then the rows. The header is
 * the table's columns that `columns` has, in contract order; RFC 4180 with CRLF line ends, so the
 * chunks joined are the file.
 */
export function* importCsvChunks(table: ImportTable, columns: Columns, rowsPerChunk = CSV_CHUNK_ROWS, {header = true} = {}): Generator<string> {
  if (!(Number.isInteger(rowsPerChunk) && rowsPerChunk >= 1)) throw new Error(`importCsvChunks: rowsPerChunk must be a positive integer, not ${rowsPerChunk}`);
  const present = table.columns.filter((c) => columns[c.name] !== undefined);
  if (header) yield present.map((c) => quoteField(c.name)).join(",") + "\r\n";
  const values = present.map((c) => columns[c.name]);
  const formats = present.map(cellFormat);
  const n = rowCount(columns);
  for (let start = 0; start < n; start += rowsPerChunk) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(n, start + rowsPerChunk); i++) lines.push(formats.map((format, j) => format(values[j][i])).join(","));
    yield lines.join("\r\n") + "\r\n";
  }
}

/**
 * An import table's rows as a CSV file of the import format (importCsvChunks, joined). What
 * readImportFolder and validateImport read back as the same typed values.
 */
export function importCsv(table: ImportTable, columns: Columns): string {
  return Array.from(importCsvChunks(table, columns)).join("");
}

/**
 * Published tables in pieces, by name: each piece is the table's columns for some of its rows, the
 * pieces in row order, so that a table of millions of rows is exported without being held whole. A
 * table with no pieces is not exported.
 */
export type PublishedPieces = Readonly<Record<string, () => Iterable<Columns>>>;

/** Published tables, each as one piece: those the import tables take, read only when exported. */
export function wholeTables(published: Readonly<Record<string, Columns>>, tables: readonly ImportTable[] = IMPORT_TABLES): PublishedPieces {
  const out: Record<string, () => Iterable<Columns>> = {};
  for (const t of tables) out[t.published] = () => (published[t.published] ? [published[t.published]] : []);
  return out;
}

/**
 * A step of writing an export's CSV files: text to append to an import table's file (its header with
 * the first rows), with the file's columns and the number of rows in the text; or the end of the file.
 */
export type CsvStep = {kind: "rows"; table: string; columns: readonly string[]; rows: number; text: Iterable<string>} | {kind: "end"; table: string};

/**
 * Every import table's CSV file, as steps: published table by published table, and piece by piece,
 * each import table that the published table feeds takes its rows of the piece (exportTable). The
 * text of a step is produced as it is read, chunk by chunk, so that it can go to a file and be dropped.
 */
export function* exportCsv(published: PublishedPieces, rowsPerChunk = CSV_CHUNK_ROWS, tables: readonly ImportTable[] = IMPORT_TABLES): Generator<CsvStep> {
  for (const name of new Set(tables.map((t) => t.published))) {
    const fed = tables.filter((t) => t.published === name);
    const started = new Set<string>();
    for (const piece of published[name]?.() ?? []) {
      for (const table of fed) {
        const columns = exportTable(table, piece);
        yield {kind: "rows", table: table.name, columns: Object.keys(columns), rows: rowCount(columns), text: importCsvChunks(table, columns, rowsPerChunk, {header: !started.has(table.name)})};
        started.add(table.name);
      }
    }
    for (const table of fed) if (started.has(table.name)) yield {kind: "end", table: table.name};
  }
}

/** The formats `npm run export` writes the import tables in. */
export const EXPORT_FORMATS = ["csv", "parquet"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An exported table: its import table, file, columns and rows. */
export interface ExportedTable {
  table: string;
  file: string;
  columns: readonly string[];
  rows: number;
}

/** Where steps' text goes: appended to a table's file; at the file's end, what the file holds. */
export interface CsvSink {
  write(table: string, text: string): void;
  end(table: ExportedTable): void;
}

/**
 * Writes an export's steps to `sink`, and returns what was written: each table's file (`<table>.<format>`,
 * the file a CSV becomes), columns and rows, in contract order.
 */
export function drainCsv(steps: Iterable<CsvStep>, sink: CsvSink, format: ExportFormat = "csv", tables: readonly ImportTable[] = IMPORT_TABLES): ExportedTable[] {
  const written = new Map<string, ExportedTable>();
  for (const step of steps) {
    if (step.kind === "end") {
      sink.end(written.get(step.table)!);
      continue;
    }
    for (const text of step.text) sink.write(step.table, text);
    const t = written.get(step.table);
    if (t) t.rows += step.rows;
    else written.set(step.table, {table: step.table, file: `${step.table}.${format}`, columns: step.columns, rows: step.rows});
  }
  return tables.flatMap((t) => written.get(t.name) ?? []);
}

export interface ExportManifest {
  seed: number;
  scale: number;
  format: ExportFormat;
  tables: {table: string; file: string; rows: number}[];
}

/** The schema the export's load script creates and fills (WORKBOOK_SCHEMA when building from it). */
export const EXPORT_SCHEMA = "workbook_import";

/** manifest.json of an export: seed, scale, format, and each table's file and rows. */
export function exportManifest({seed, scale, format}: {seed: number; scale: number; format: ExportFormat}, tables: readonly ExportedTable[]): string {
  const manifest: ExportManifest = {seed, scale, format, tables: tables.map(({table, file, rows}) => ({table, file, rows}))};
  return JSON.stringify(manifest, null, 2) + "\n";
}

/** load.sql of a CSV export: `psql "$URL" -f load.sql`, run from the export's folder, loads its CSV files. */
export function exportLoadScript(tables: readonly ExportedTable[]): string {
  return postgresLoadScript(EXPORT_SCHEMA, tables.map((t) => t.table), Object.fromEntries(tables.map((t) => [t.table, t.columns])));
}

/**
 * The files of `npm run export` in CSV, by name, from a world's published tables: one `<table>.csv`
 * per import table the published tables feed, in contract order, `load.sql` and `manifest.json`.
 */
export function exportFiles(published: Readonly<Record<string, Columns>>, {seed, scale}: {seed: number; scale: number}): Record<string, string> {
  const texts: Record<string, string[]> = {};
  const tables = drainCsv(exportCsv(wholeTables(published)), {write: (table, text) => (texts[table] ??= []).push(text), end: () => {}});
  const files: Record<string, string> = {};
  for (const t of tables) files[t.file] = texts[t.table].join("");
  files["load.sql"] = exportLoadScript(tables);
  files["manifest.json"] = exportManifest({seed, scale, format: "csv"}, tables);
  return files;
}
