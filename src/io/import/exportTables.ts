import type {Columns} from "../schema.js";
import {IMPORT_TABLES, type ImportTable} from "./contract.js";

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
