import {encodeArrow} from "./arrow.js";
import {columnsToCsv, toCsv} from "./csv.js";
import type {Columns, TableSchema} from "./schema.js";
import {slug} from "./urlState.js";

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

/** Rows of plain objects from columns, the other way round; `names` picks and orders the columns (default: all). */
export function columnsToRows<R = Record<string, unknown>>(columns: Readonly<Record<string, ArrayLike<unknown>>>, names: readonly string[] = Object.keys(columns)): R[] {
  const n = names.length ? columns[names[0]].length : 0;
  const rows: R[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    for (const name of names) row[name] = columns[name][i];
    rows[i] = row as R;
  }
  return rows;
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

/**
 * CSV of rows that have no published schema (the rows a chart draws): the columns are every key of
 * every row, in the order first seen. Strings are neutralised as in every download (csv.ts); a Date
 * is written as a date or an ISO timestamp, and an array or object value as its JSON text.
 */
export function recordsToCsv(rows: readonly object[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) if (!seen.has(key)) seen.add(key), columns.push(key);
  const flat = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) out[key] = value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : value;
    return out;
  });
  return toCsv(flat, columns);
}

/**
 * The file name (without extension) of a saved chart: the chart's name, then its title when it has
 * one, each as a slug (the title cut to 60 characters at a hyphen), e.g. "trend--daily-flag-volume".
 */
export function chartFileName(name: string, title?: string | null): string {
  const base = slug(name) || "chart";
  let rest = slug(title ?? "");
  if (rest.length > 60) rest = rest.slice(0, 60).replace(/-[^-]*$/, "");
  return rest && rest !== base ? `${base}--${rest}` : base;
}
