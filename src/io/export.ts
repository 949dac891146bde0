import {encodeArrow} from "./arrow.js";
import {columnsToCsv} from "./csv.js";
import type {Columns, TableSchema} from "./schema.js";

/**
 * Downloads of (filtered) rows of a published table, as pages hold them after `toRows`: Date objects
 * go back to the contract's forms (dates as YYYY-MM-DD, timestamps as epoch ms), so the Arrow file
 * keeps the published schema and the CSV is the same as the loader's.
 */
export function rowsToColumns(rows: readonly Record<string, unknown>[], schema: TableSchema): Columns {
  const columns: Columns = {};
  for (const spec of schema.columns) {
    columns[spec.name] = rows.map((row) => {
      const v = row[spec.name];
      if (v instanceof Date) return spec.type === "date" ? v.toISOString().slice(0, 10) : v.getTime();
      return (v ?? null) as never;
    }) as Columns[string];
  }
  return columns;
}

export function rowsToCsv(rows: readonly Record<string, unknown>[], schema: TableSchema): string {
  const columns = rowsToColumns(rows, schema);
  for (const spec of schema.columns) {
    if (spec.type !== "timestamp") continue;
    columns[spec.name] = Array.from(columns[spec.name] as ArrayLike<number | null>, (v) => (v === null || Number.isNaN(v) ? null : new Date(v).toISOString()));
  }
  return columnsToCsv(columns, schema.columns.map((c) => c.name));
}

/** Arrow file bytes of the rows, checked against the contract (references were checked at build time). */
export function rowsToArrow(rows: readonly Record<string, unknown>[], schema: TableSchema): Uint8Array {
  return encodeArrow(schema, rowsToColumns(rows, schema), null);
}
