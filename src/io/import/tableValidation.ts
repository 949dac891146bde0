import {isError, type Finding, type Rule} from "./findings.js";
import type {ImportColumn, ImportTable} from "./contract.js";
import type {Columns} from "../schema.js";
import {inert} from "./inert.js";
import {rawText, typeRaw, type Mapping, type RawValue, type Typed} from "./values.js";
import {ColumnStore} from "./columnStore.js";
import {BigMap} from "../../core/bigMap.js";
import {bisectLeft} from "d3";

/**
 * One table's validation against its contract as its rows arrive (src/io/import/validate.ts runs one
 * per table, parents first): types and values row by row, then keys and references over the table.
 */

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
  /** Text, or from a column already of the contract's type (Parquet) a number, big integer or boolean (RawValue). */
  rows: readonly (readonly RawValue[])[];
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
  /** The contract's columns the file has (the keys of `accepted`). */
  columns: string[];
  /** Accepted rows, typed in the published forms, for the contract's columns the file has. */
  accepted: Columns;
  /** The 1-based data rows accepted, in order. */
  acceptedRows: number[];
  rejected: RejectedRow[];
  /** Values translated by the mapping file. */
  mapped: number;
}

/** A table's typed values and which of its rows (0-based) were accepted, as its children's references see them. */
export interface Checked {
  typed: ReadonlyMap<string, ColumnStore>;
  accepted: (row: number) => boolean;
  /** The values of the accepted rows in a column it has, built once however many children reference it. */
  acceptedValues: (column: string) => ValueSet;
}

/** The distinct values of a column, for membership tests. */
interface ValueSet {
  has(value: number | string): boolean;
}

type Emit = (rule: Rule, row: number | null, column: string, value: string | null, detail: string, severity?: Finding["severity"]) => void;

/** A table as its reader knows it before its rows: name, file and header, and how many rows it holds where the file says (Parquet). */
export type TableHead = Pick<RawTable, "table" | "file" | "header"> & {expected?: number};

/** What the reader learns by the end of a file: its problems, the records it could not split, each row's line. */
export type TableEnd = Pick<RawTable, "problems" | "unparsed" | "lines">;

export type Row = readonly (string | null)[];

/**
 * One table validated as its rows arrive, so that no table is ever held as text: `push` types and
 * checks each chunk of rows (types, values, lengths, order of times) into compact columns; `end` takes
 * what the reader learned of the file; `finish` checks keys and references to the parents already
 * checked, and names the rows it rejected whose text was not kept (the reader reads them again for
 * the rejects file); `result` gives the table's rows accepted and rejected.
 */
export class TableValidation {
  private readonly stores: [ImportColumn, number, ColumnStore][];
  private readonly reasons = new Map<number, Finding[]>();
  private readonly kept = new Map<number, Row>();
  private readonly found = {rows: [] as Finding[], order: [] as Finding[], file: [] as Finding[], key: [] as Finding[], refs: [] as Finding[]};
  private readonly pairs: {before: string; after: string; a: ColumnStore; b: ColumnStore}[];
  private tail: TableEnd = {};
  private n = 0;
  private mapped = 0;

  constructor(readonly table: ImportTable, readonly head: TableHead, private readonly mapping: Mapping = {}) {
    const present = table.columns.filter((c) => head.header.includes(c.name));
    this.stores = present.map((c) => [c, head.header.indexOf(c.name), new ColumnStore(c, head.expected)]);
    const store = (name: string) => this.stores.find(([c]) => c.name === name)?.[2];
    this.pairs = table.order.flatMap(([before, after]) => {
      const [a, b] = [store(before), store(after)];
      return a && b ? [{before, after, a, b}] : [];
    });
  }

  private emitter(into: Finding[]): Emit {
    const base = {table: this.table.name, ...(this.head.file ? {file: this.head.file} : {})};
    return (rule, row, column, value, detail, severity = "error") => {
      const f: Finding = {...base, row, column, rule, value: inert(value), detail, severity};
      into.push(f);
      if (row !== null) this.reasons.set(row, [...(this.reasons.get(row) ?? []), f]);
    };
  }

  /** The next rows of the file, in order. */
  push(rows: readonly (readonly RawValue[])[]): void {
    this.pushColumns(this.head.header.map((_, j) => rows.map((r) => r[j] ?? null)), rows.length);
  }

  /** The next `length` rows of the file, in order, as columns in the header's order. */
  pushColumns(columns: readonly (readonly RawValue[])[], length: number): void {
    const emitRow = this.emitter(this.found.rows);
    const emitOrder = this.emitter(this.found.order);
    for (let i = 0; i < length; i++) {
      const row = ++this.n;
      for (const [column, j, store] of this.stores) {
        const raw = columns[j][i] ?? null;
        const cell = typeRaw(column, raw, this.mapping);
        store.push(cell.ok ? cell.value : null);
        if (!cell.ok) emitRow(cell.rule, row, column.name, rawText(raw, column.type), cell.detail);
        else if (cell.mapped) this.mapped++;
      }
      for (const {before, after, a, b} of this.pairs) {
        const [x, y] = [a.get(row - 1), b.get(row - 1)];
        if (x !== null && y !== null && (y as number | string) < (x as number | string)) emitOrder("out of order", row, after, rawText(y, "timestamp"), `at or after ${before} (${rawText(x, "timestamp")})`);
      }
      if (this.reasons.has(row)) this.kept.set(row, this.rowText((j) => columns[j][i]));
    }
  }

  /** A row (its value in each header column j) as text, as the rejects file shows it. */
  rowText(at: (j: number) => RawValue | undefined): Row {
    return this.head.header.map((name, j) => rawText(at(j) ?? null, this.table.columns.find((c) => c.name === name)?.type));
  }

  /** The end of the file: its problems, the records its reader could not split, and each row's line. */
  end(tail: TableEnd): void {
    this.tail = tail;
    const emitFile = this.emitter(this.found.file);
    for (const u of tail.unparsed ?? []) {
      const f: Finding = {table: this.table.name, ...(this.head.file ? {file: this.head.file} : {}), row: null, line: u.line, column: "*", rule: u.rule, value: inert(u.text), detail: u.detail, severity: "error"};
      this.found.file.push(f);
      this.reasons.set(-u.line, [...(this.reasons.get(-u.line) ?? []), f]);
    }
    // An unreadable file has no header to check and no rows to count: its own finding says why.
    if ((tail.problems ?? []).some(isError)) return;
    checkHeader(this.table, this.head.header, emitFile);
    if (this.read === 0) emitFile("no rows", null, "*", null, this.table.required ? "at least one row: the table is required" : "rows (read as an empty table)", this.table.required ? "error" : "warning");
  }

  get read(): number {
    return this.n + (this.tail.unparsed?.length ?? 0);
  }

  /** Keys and references checked; the rows rejected here whose values were not kept (1-based, ascending). */
  finish(done: ReadonlyMap<string, Checked>): number[] {
    const typed = this.typed();
    checkKey(this.table, typed, this.n, this.emitter(this.found.key));
    checkReferences(this.table, typed, this.n, done, this.emitter(this.found.refs));
    return [...this.reasons.keys()].filter((r) => r > 0 && !this.kept.has(r)).sort((a, b) => a - b);
  }

  private typed(): Map<string, ColumnStore> {
    return new Map(this.stores.map(([c, , store]) => [c.name, store]));
  }

  /** What its children's references check against (after `finish`). */
  checked(): Checked {
    const typed = this.typed();
    const accepted = (i: number) => !this.reasons.has(i + 1);
    const sets = new Map<string, ValueSet>();
    const acceptedValues = (column: string) => sets.get(column) ?? sets.set(column, valueSet(typed.get(column)!, accepted)).get(column)!;
    return {typed, accepted, acceptedValues};
  }

  /** The table's result, given the values of the rows `finish` named, and its findings. */
  result(late: ReadonlyMap<number, Row> = new Map()): {result: TableImport; findings: Finding[]} {
    const {problems = [], lines} = this.tail;
    const findings = [...problems, ...this.found.file, ...this.found.rows, ...this.found.key, ...this.found.order, ...this.found.refs];
    if (lines) for (const f of findings) if (f.row !== null && lines[f.row - 1] !== undefined) f.line = lines[f.row - 1];
    const base = {table: this.table.name, ...(this.head.file ? {file: this.head.file} : {})};
    const columns = this.stores.map(([c]) => c.name);
    return {result: {...base, read: this.read, mapped: this.mapped, columns, ...this.split(late)}, findings};
  }

  /** The accepted rows' typed columns and the rejected rows with their reasons. */
  private split(late: ReadonlyMap<number, Row>): Pick<TableImport, "accepted" | "acceptedRows" | "rejected"> {
    const {unparsed = [], lines} = this.tail;
    const rejected: RejectedRow[] = unparsed.map((u) => ({row: null, line: u.line, values: u.text, reasons: this.reasons.get(-u.line) ?? []}));
    const acceptedRows: number[] = [];
    for (let row = 1; row <= this.n; row++) {
      const reasons = this.reasons.get(row);
      if (!reasons) {
        acceptedRows.push(row);
        continue;
      }
      const values = this.kept.get(row) ?? late.get(row);
      if (!values) throw new Error(`import ${this.table.name}: the values of rejected row ${row} were not given`);
      const line = lines?.[row - 1];
      rejected.push({row, ...(line !== undefined ? {line} : {}), values: Object.fromEntries(this.head.header.map((h, j) => [h, values[j] ?? null])), reasons});
    }
    const all = acceptedRows.length === this.n;
    const zeroBased = all ? undefined : Int32Array.from(acceptedRows, (r) => r - 1);
    const accepted: Columns = {};
    for (const [column, , store] of this.stores) accepted[column.name] = store.values(zeroBased);
    return {accepted, acceptedRows, rejected};
  }
}

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


/** Rows that share a key: every one of them is rejected. */
function checkKey(table: ImportTable, typed: ReadonlyMap<string, ColumnStore>, n: number, emit: Emit): void {
  const columns = table.key.map((k) => typed.get(k));
  if (columns.length === 0 || columns.some((c) => !c)) return;
  const keyOf = (i: number) => (columns.length === 1 ? columns[0]!.get(i) : keyText(columns.map((c) => c!.get(i))));
  for (const [key, rows] of sharedKeys(columns.length === 1 && columns[0]!.numeric ? sharedNumbers(columns[0]!) : null, n, keyOf)) {
    const text = String(key);
    const list = rows.slice(0, 5).map((r) => r + 1).join(", ") + (rows.length > 5 ? ", ..." : "");
    for (const i of rows) emit("duplicate key", i + 1, table.key.join(", "), text, `a unique (${table.key.join(", ")}); ${rows.length} rows share it: ${list}`);
  }
}

/**
 * The rows (0-based) of each key more than one row has. Given `among`, the only keys that can repeat,
 * only their rows are mapped; otherwise every key is (a map of ten million numbers is half a gigabyte).
 */
function sharedKeys(among: ReadonlySet<number> | null, n: number, keyOf: (i: number) => Typed): Map<number | string, number[]> {
  const first = new BigMap<number | string, number>();
  const shared = new Map<number | string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = keyOf(i);
    if (key === null || typeof key === "boolean" || (among && !among.has(key as number))) continue;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, i);
    else shared.set(key, [...(shared.get(key) ?? [earlier]), i]);
  }
  return shared;
}

/** The numbers a numeric column holds more than once, found by sorting a copy. */
function sharedNumbers(store: ColumnStore): Set<number> {
  const sorted = numbersOf(store, () => true);
  const repeated = new Set<number>();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) repeated.add(sorted[i]);
  return repeated;
}

/** The non-null numbers of the rows `keep` keeps, sorted. */
function numbersOf(store: ColumnStore, keep: (row: number) => boolean): Float64Array {
  const values = new Float64Array(store.length);
  let n = 0;
  for (let i = 0; i < store.length; i++) {
    const v = store.get(i);
    if (v !== null && keep(i)) values[n++] = v as number;
  }
  return values.slice(0, n).sort();
}

/** A key of several columns as text, or null when one of them is null. */
const keyText = (values: Typed[]) => (values.some((v) => v === null) ? null : values.map(String).join(", "));

/**
 * The values of a column in the rows `keep` keeps (every row, or only the accepted ones): numbers in a
 * sorted array searched by bisection (a tenth of a map's memory at ten million flags), others in a map.
 */
function valueSet(store: ColumnStore, keep: (row: number) => boolean): ValueSet {
  if (store.numeric) {
    const sorted = numbersOf(store, keep);
    return {has: (v) => typeof v === "number" && sorted[bisectLeft(sorted, v)] === v};
  }
  const set = new BigMap<number | string, true>();
  for (let i = 0; i < store.length; i++) {
    const v = store.get(i);
    if (v !== null && typeof v !== "boolean" && keep(i)) set.set(v, true);
  }
  return set;
}

/** References to parent tables already checked: absent values are broken, values of rejected rows rejected. */
function checkReferences(table: ImportTable, typed: ReadonlyMap<string, ColumnStore>, n: number, done: ReadonlyMap<string, Checked>, emit: Emit): void {
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
    const accepted = parent.acceptedValues(target);
    let all: ValueSet | undefined;
    for (let i = 0; i < n; i++) {
      const v = values.get(i);
      if (v === null || typeof v === "boolean" || accepted.has(v)) continue;
      all ??= valueSet(parentValues, () => true);
      if (all.has(v)) emit("rejected reference", i + 1, ref.column, String(v), `a ${ref.table}.${target} of an accepted row (that row was rejected)`);
      else emit("broken reference", i + 1, ref.column, String(v), `a ${ref.table}.${target} that exists`);
    }
  }
}
