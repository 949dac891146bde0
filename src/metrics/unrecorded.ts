import {DERIVED_FIELDS, type KpiTables, type Row} from "./computeKpi.js";
import type {Filter, Formula} from "./definitions.js";

/**
 * The flag columns a KPI needs that the data does not record: null in every row. A platform's import
 * may lack a column (ground truth above all, src/io/import/needs.ts); its published tables then hold
 * nulls there, and a filter on it would match no flag and show a confident 0%. The KPI has no value
 * instead, and its card says which column would give it one.
 */

/** The flag fields a formula's filters and values read. */
function formulaFields(f: Formula): string[] {
  const keys = (filter: Filter) => Object.keys(filter);
  switch (f.kind) {
    case "sum":
      return f.measure.table === "flags" ? keys(f.measure.count) : [];
    case "ratio":
      return [f.numerator, f.denominator].flatMap((m) => (m.table === "flags" ? keys(m.count) : []));
    case "quantile":
      return [f.field, ...keys(f.where)];
    case "recurrence":
      return ["actor_id", ...keys(f.offence)];
    default:
      return [];
  }
}

/** A field as the published columns it is computed from (a derived field's own inputs, recursively). */
function baseColumns(field: string): string[] {
  const derived = DERIVED_FIELDS[field];
  return derived ? derived.from.flatMap(baseColumns) : [field];
}

/** Whether some rows have the column and every one of them holds null there. */
function allNull(rows: readonly Row[] | undefined, column: string): boolean | undefined {
  if (!rows?.length || !(column in rows[0])) return undefined;
  return rows.every((r) => r[column] === null || r[column] === undefined);
}

/** The daily_country columns a formula sums. */
function dailySums(f: Formula): string[] {
  const measures = f.kind === "sum" ? [f.measure] : f.kind === "ratio" ? [f.numerator, f.denominator] : [];
  return measures.flatMap((m) => (m.table === "daily_country" ? [m.sum] : []));
}

/**
 * The columns (as "flags.<column>" or "daily_country.<column>") the formula reads that the data holds
 * only nulls in: an import without an optional table publishes what it feeds as null (appeals, the
 * activity denominators).
 */
export function unrecordedColumns(formula: Formula, tables: KpiTables): string[] {
  const columns = [...new Set(formulaFields(formula).flatMap(baseColumns))];
  const sources = [...(tables.flag_cubes ?? []), tables.flags];
  const flags = columns.filter((c) => sources.map((rows) => allNull(rows, c)).find((x) => x !== undefined) === true).map((c) => `flags.${c}`);
  const daily = [...new Set(dailySums(formula))].filter((c) => allNull(tables.daily_country, c) === true).map((c) => `daily_country.${c}`);
  return [...flags, ...daily];
}
