/**
 * The data dictionary page's tables, from the contracts (src/io/contracts.ts): a row per table, and
 * per table its key and references in a sentence and a row per column with its accepted values.
 */
import {formatCount} from "../core/format.js";
import type {ColumnSpec, TableSchema} from "./schema.js";

export interface TableRow {
  table: string;
  rows: number | undefined;
  columns: number;
  grain: string;
  description: string;
}

export interface ColumnRow {
  column: string;
  type: string;
  nullable: "yes" | "no";
  rule: string;
  identifier: "yes" | "";
  description: string;
}

/** A column's accepted values, range and uniqueness, joined with "; " ("" when it has none). */
export function columnRule(c: Pick<ColumnSpec, "values" | "min" | "max" | "unique">): string {
  return [
    c.values ? `one of ${c.values.join(", ")}` : null,
    c.min !== undefined || c.max !== undefined ? `range ${c.min ?? "−∞"} to ${c.max ?? "∞"}` : null,
    c.unique ? "unique" : null
  ].filter(Boolean).join("; ");
}

/** A row per table, in contract order; `rows` gives each table's published row count. */
export function tableRows(schemas: readonly TableSchema[], rows: ReadonlyMap<string, number>): TableRow[] {
  return schemas.map((s) => ({table: s.name, rows: rows.get(s.name), columns: s.columns.length, grain: s.grain, description: s.description}));
}

/** "N rows. Description Key: a, b. References: x → t.y." above a table's columns. */
export function tableIntro(s: TableSchema, rows: number): string {
  const references = s.references?.length ? ` References: ${s.references.map((r) => `${r.column} → ${r.table}.${r.references ?? r.column}`).join(", ")}.` : "";
  return `${formatCount(rows)} rows. ${s.description} Key: ${(s.key ?? []).join(", ") || "none"}.${references}`;
}

/** A row per column of a table, in contract order. */
export function columnRows(s: TableSchema): ColumnRow[] {
  return s.columns.map((c) => ({column: c.name, type: c.type, nullable: c.nullable ? "yes" : "no", rule: columnRule(c), identifier: c.identifier ? "yes" : "", description: c.description}));
}
