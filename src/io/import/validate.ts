import {IMPORT_TABLES, importOrder, type ImportTable} from "./contract.js";
import {isError, type Finding} from "./findings.js";
import type {Mapping} from "./values.js";
import {TableValidation, type Checked, type RawTable, type Row, type TableImport} from "./tableValidation.js";

export type {RawTable, RejectedRow, TableImport, Unparsed} from "./tableValidation.js";

/**
 * Validation of a platform's tables against the import contract. It reports every violation in one run
 * and accounts for every row: read = accepted + rejected for each table, in both modes.
 *
 * - "stop" (the default): the result's `ok` is false when anything is wrong, and the caller throws
 *   with the report (`settleImport`).
 * - "quarantine": rows with violations are set aside with their reasons and the rest is accepted;
 *   `ok` is false only for what no row can hold (a missing table or column, an unreadable file).
 *
 * Tables are checked parents first, so a reference is checked against the rows accepted from the
 * referenced table: a row pointing at a rejected row is rejected too ("rejected reference"), and the
 * accepted rows of all tables stay consistent. Each table's own checks are src/io/import/tableValidation.ts.
 */

export type Mode = "stop" | "quarantine";





export interface ImportResult {
  mode: Mode;
  tables: TableImport[];
  /** Every finding, table-level and row-level, errors and warnings, in table order. */
  findings: Finding[];
  ok: boolean;
}

export interface ImportOptions {
  mode?: Mode;
  mapping?: Mapping;
  /** Findings about the import as a whole (the mapping file, missing or unknown files). */
  problems?: readonly Finding[];
  tables?: readonly ImportTable[];
}

/** A row-level finding or a table-level one. */
export const onRow = (f: Finding) => f.row !== null || f.line !== undefined;


/** Rows of a table, 1-based, with their values as read. */
export type LateRows = ReadonlyMap<string, ReadonlyMap<number, Row>>;

/**
 * Every table's keys and references checked, parents first (so a reference is checked against the
 * rows accepted from its parent); returns, per table, the rows rejected here whose values the reader
 * must give again for the rejects file.
 */
export function finishValidations(validations: ReadonlyMap<string, TableValidation>, tables: readonly ImportTable[] = IMPORT_TABLES): Map<string, number[]> {
  const done = new Map<string, Checked>();
  const late = new Map<string, number[]>();
  for (const table of importOrder(tables)) {
    const v = validations.get(table.name);
    if (!v) continue;
    const rows = v.finish(done);
    if (rows.length) late.set(table.name, rows);
    done.set(table.name, v.checked());
  }
  return late;
}

/** The import's result from finished validations and the values of their late rows; required tables that are missing are findings. */
export function importResult(validations: ReadonlyMap<string, TableValidation>, late: LateRows, options: ImportOptions = {}): ImportResult {
  const {mode = "stop", tables = IMPORT_TABLES} = options;
  const findings: Finding[] = [...(options.problems ?? [])];
  for (const t of tables) {
    const reported = findings.some((f) => f.table === t.name);
    if (t.required && !reported && !validations.has(t.name)) findings.push({table: t.name, row: null, column: "*", rule: "missing table", value: "", detail: `a file ${t.name}.csv or ${t.name}.parquet`, severity: "error"});
  }
  const results = new Map<string, TableImport>();
  for (const table of importOrder(tables)) {
    const v = validations.get(table.name);
    if (!v) continue;
    const {result, findings: own} = v.result(late.get(table.name));
    results.set(table.name, result);
    findings.push(...own);
  }
  const errors = findings.filter(isError);
  const ok = mode === "stop" ? errors.length === 0 : !errors.some((f) => !onRow(f));
  // Results in the contract's order (flags first), whatever order the files came in.
  return {mode, tables: tables.flatMap((t) => results.get(t.name) ?? []), findings, ok};
}

/** Every table supplied, all its rows in memory, validated (TableValidation, finishValidations, importResult). */
export function validateImport(raws: readonly RawTable[], options: ImportOptions = {}): ImportResult {
  const {mapping = {}, tables = IMPORT_TABLES} = options;
  const validations = new Map<string, TableValidation>();
  for (const raw of raws) {
    const table = tables.find((t) => t.name === raw.table);
    if (!table) throw new Error(`unknown import table: ${raw.table}`);
    const v = new TableValidation(table, raw, mapping);
    v.push(raw.rows);
    v.end(raw);
    validations.set(raw.table, v);
  }
  const late = finishValidations(validations, tables);
  const values = (name: string, rows: number[]) => new Map(rows.map((r) => [r, validations.get(name)!.rowText((j) => raws.find((x) => x.table === name)!.rows[r - 1][j])]));
  return importResult(validations, new Map([...late].map(([name, rows]) => [name, values(name, rows)])), options);
}
