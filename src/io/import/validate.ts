import type {Columns} from "../schema.js";
import {IMPORT_TABLES, importOrder, type ImportColumn, type ImportTable} from "./contract.js";
import {isError, type Finding, type Rule} from "./findings.js";
import {inert} from "./inert.js";
import {typeCell, type Mapping, type Typed} from "./values.js";

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
 * accepted rows of all tables stay consistent.
 */

export type Mode = "stop" | "quarantine";

/** A record the file's parser could not split into fields, with the rule it broke. */
export interface Unparsed {
  line: number;
  rule: Rule;
  text: string;
  detail: string;
}

/** A table as read from its file: every value a string or null, nothing typed yet. */
export interface RawTable {
  table: string;
  file?: string;
  header: readonly string[];
  rows: readonly (readonly (string | null)[])[];
  unparsed?: readonly Unparsed[];
  /** The file line each row starts on (CSV), for the report. */
  lines?: readonly number[];
  /** Findings about the file as a whole (empty, byte order mark, corrupt), from its reader. */
  problems?: readonly Finding[];
}

export interface RejectedRow {
  /** 1-based data row, or null for a record the parser rejected; `line` is the file line where known. */
  row: number | null;
  line?: number;
  /** The raw values by header name (the record's text for a record the parser rejected). */
  values: Readonly<Record<string, string | null>> | string;
  reasons: Finding[];
}

export interface TableImport {
  table: string;
  file?: string;
  read: number;
  /** Accepted rows, typed in the published forms, for the contract's columns the file has. */
  accepted: Columns;
  /** The 1-based data rows accepted, in order. */
  acceptedRows: number[];
  rejected: RejectedRow[];
  /** Values translated by the mapping file. */
  mapped: number;
}

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

/** A table's typed values for every row read (null where a value failed), and which rows were accepted. */
interface Checked {
  typed: Map<string, Typed[]>;
  accepted: boolean[];
}

/** A row-level finding or a table-level one. */
export const onRow = (f: Finding) => f.row !== null || f.line !== undefined;

type Emit = (rule: Rule, row: number | null, column: string, value: string | null, detail: string, severity?: Finding["severity"]) => void;

/** Findings of the header: duplicated, missing, unknown and derived columns. */
function checkHeader(table: ImportTable, header: readonly string[], emit: Emit): void {
  const seen = new Set<string>();
  for (const name of header) {
    const known = table.columns.some((c) => c.name === name);
    // A header name outside the contract is the platform's text: named inert, like any offending value.
    const column = known ? name : inert(name);
    if (seen.has(name)) emit("duplicate column", null, column, name, "each column once");
    seen.add(name);
    if (known) continue;
    const derived = table.derived.find((d) => d.column === name);
    if (derived) emit("derived column", null, derived.column, name, `not read: the workbook derives it from ${derived.from}`, "warning");
    else emit("unknown column", null, column, name, `not read: the contract's columns are ${table.columns.map((c) => c.name).join(", ")}`, "warning");
  }
  for (const c of table.columns) if (c.required && !seen.has(c.name)) emit("missing column", null, c.name, null, `a required ${c.type} column`);
}

/** Every row's values typed by the contract columns present in the header (the first of a duplicated name). */
function typeRows(table: ImportTable, raw: RawTable, mapping: Mapping, emit: Emit): {typed: Map<string, Typed[]>; mapped: number} {
  const present: [ImportColumn, number][] = table.columns.filter((c) => raw.header.includes(c.name)).map((c) => [c, raw.header.indexOf(c.name)]);
  const typed = new Map<string, Typed[]>(present.map(([c]) => [c.name, new Array<Typed>(raw.rows.length).fill(null)]));
  let mapped = 0;
  raw.rows.forEach((values, i) => {
    for (const [column, j] of present) {
      const cell = typeCell(column, values[j] ?? null, mapping);
      if (cell.ok) {
        typed.get(column.name)![i] = cell.value;
        if (cell.mapped) mapped++;
      } else emit(cell.rule, i + 1, column.name, values[j] ?? null, cell.detail);
    }
  });
  return {typed, mapped};
}

/** Rows whose dates or times are out of the contract's order (a later column before an earlier one). */
function checkOrder(table: ImportTable, typed: Map<string, Typed[]>, n: number, emit: Emit): void {
  const pairs = table.order.flatMap(([before, after]) => {
    const [a, b] = [typed.get(before), typed.get(after)];
    return a && b ? [{before, after, a, b}] : [];
  });
  for (let i = 0; i < n; i++) {
    for (const {before, after, a, b} of pairs) {
      if (a[i] === null || b[i] === null || !((b[i] as number | string) < (a[i] as number | string))) continue;
      emit("out of order", i + 1, after, shown(b[i]), `at or after ${before} (${shown(a[i])})`);
    }
  }
}

/** A typed date or time as the report shows it: timestamps (epoch ms) in ISO 8601 UTC, dates as they are. */
const shown = (v: Typed) => (typeof v === "number" ? new Date(v).toISOString() : String(v));

/** Rows that share a key: every one of them is rejected. */
function checkKey(table: ImportTable, typed: Map<string, Typed[]>, n: number, emit: Emit): void {
  const columns = table.key.map((k) => typed.get(k));
  if (columns.length === 0 || columns.some((c) => !c)) return;
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = columns.map((c) => c![i]);
    if (key.some((v) => v === null)) continue;
    const text = key.map(String).join(", ");
    const rows = groups.get(text);
    if (rows) rows.push(i);
    else groups.set(text, [i]);
  }
  for (const [text, rows] of groups) {
    if (rows.length < 2) continue;
    const list = rows.slice(0, 5).map((r) => r + 1).join(", ") + (rows.length > 5 ? ", ..." : "");
    for (const i of rows) emit("duplicate key", i + 1, table.key.join(", "), text, `a unique (${table.key.join(", ")}); ${rows.length} rows share it: ${list}`);
  }
}

/** References to parent tables already checked: absent values are broken, values of rejected rows rejected. */
function checkReferences(table: ImportTable, typed: Map<string, Typed[]>, done: ReadonlyMap<string, Checked>, emit: Emit): void {
  for (const ref of table.references) {
    const values = typed.get(ref.column);
    if (!values) continue;
    const target = ref.references ?? ref.column;
    const parent = done.get(ref.table);
    const parentValues = parent?.typed.get(target);
    if (!parent || !parentValues) {
      emit("unchecked reference", null, ref.column, null, `${ref.table}.${target} was not supplied`, "warning");
      continue;
    }
    const all = new Set(parentValues);
    const accepted = new Set(parentValues.filter((_, i) => parent.accepted[i]));
    values.forEach((v, i) => {
      if (v === null || accepted.has(v)) return;
      if (all.has(v)) emit("rejected reference", i + 1, ref.column, String(v), `a ${ref.table}.${target} of an accepted row (that row was rejected)`);
      else emit("broken reference", i + 1, ref.column, String(v), `a ${ref.table}.${target} that exists`);
    });
  }
}

/** The accepted rows' typed columns and the rejected rows with their reasons. */
function split(raw: RawTable, typed: Map<string, Typed[]>, reasons: Map<number, Finding[]>): Pick<TableImport, "accepted" | "acceptedRows" | "rejected"> {
  const acceptedRows: number[] = [];
  const rejected: RejectedRow[] = (raw.unparsed ?? []).map((u) => ({row: null, line: u.line, values: u.text, reasons: reasons.get(-u.line) ?? []}));
  raw.rows.forEach((values, i) => {
    const found = reasons.get(i + 1);
    if (!found) return acceptedRows.push(i + 1);
    const line = raw.lines?.[i];
    rejected.push({row: i + 1, ...(line !== undefined ? {line} : {}), values: Object.fromEntries(raw.header.map((h, j) => [h, values[j] ?? null])), reasons: found});
  });
  const accepted: Columns = {};
  for (const [name, values] of typed) accepted[name] = acceptedRows.map((r) => values[r - 1]) as Columns[string];
  return {accepted, acceptedRows, rejected};
}

/** One table validated against its contract and its already-checked parents. */
export function validateTable(table: ImportTable, raw: RawTable, mapping: Mapping = {}, done: ReadonlyMap<string, Checked> = new Map()): {result: TableImport; findings: Finding[]; checked: Checked} {
  const findings: Finding[] = [...(raw.problems ?? [])];
  const reasons = new Map<number, Finding[]>();
  const base = {table: table.name, ...(raw.file ? {file: raw.file} : {})};
  const emit: Emit = (rule, row, column, value, detail, severity = "error") => {
    const line = row !== null ? raw.lines?.[row - 1] : undefined;
    const f: Finding = {...base, row, ...(line !== undefined ? {line} : {}), column, rule, value: inert(value), detail, severity};
    findings.push(f);
    if (row !== null) reasons.set(row, [...(reasons.get(row) ?? []), f]);
  };
  for (const u of raw.unparsed ?? []) {
    const f: Finding = {...base, row: null, line: u.line, column: "*", rule: u.rule, value: inert(u.text), detail: u.detail, severity: "error"};
    findings.push(f);
    reasons.set(-u.line, [...(reasons.get(-u.line) ?? []), f]);
  }
  const read = raw.rows.length + (raw.unparsed?.length ?? 0);
  // An unreadable file has no header to check and no rows to count: its own finding says why.
  if (!(raw.problems ?? []).some(isError)) {
    checkHeader(table, raw.header, emit);
    if (read === 0) emit("no rows", null, "*", null, table.required ? "at least one row: the table is required" : "rows (read as an empty table)", table.required ? "error" : "warning");
  }
  const {typed, mapped} = typeRows(table, raw, mapping, emit);
  checkKey(table, typed, raw.rows.length, emit);
  checkOrder(table, typed, raw.rows.length, emit);
  checkReferences(table, typed, done, emit);
  const parts = split(raw, typed, reasons);
  const accepted = raw.rows.map((_, i) => !reasons.has(i + 1));
  return {result: {...base, read, mapped, ...parts}, findings, checked: {typed, accepted}};
}

/** Every table supplied, validated parents first; required tables that are missing are findings. */
export function validateImport(raws: readonly RawTable[], options: ImportOptions = {}): ImportResult {
  const {mode = "stop", mapping = {}, tables = IMPORT_TABLES} = options;
  const findings: Finding[] = [...(options.problems ?? [])];
  for (const raw of raws) if (!tables.some((t) => t.name === raw.table)) throw new Error(`unknown import table: ${raw.table}`);
  for (const t of tables) {
    const reported = findings.some((f) => f.table === t.name);
    if (t.required && !reported && !raws.some((r) => r.table === t.name)) findings.push({table: t.name, row: null, column: "*", rule: "missing table", value: "", detail: `a file ${t.name}.csv or ${t.name}.parquet`, severity: "error"});
  }
  const done = new Map<string, Checked>();
  const results = new Map<string, TableImport>();
  for (const table of importOrder(tables)) {
    const raw = raws.find((r) => r.table === table.name);
    if (!raw) continue;
    const v = validateTable(table, raw, mapping, done);
    done.set(table.name, v.checked);
    results.set(table.name, v.result);
    findings.push(...v.findings);
  }
  const errors = findings.filter(isError);
  const ok = mode === "stop" ? errors.length === 0 : !errors.some((f) => !onRow(f));
  // Results in the contract's order (flags first), whatever order the files came in.
  return {mode, tables: tables.flatMap((t) => results.get(t.name) ?? []), findings, ok};
}
