/**
 * Contracts for published tables. A schema lists every column with its type, nullability, accepted
 * values and range, plus uniqueness and references to other tables. `checkTable` reports every
 * violation at once, so a broken loader's message lists all that is wrong with its output.
 */

export type ColumnType = "int" | "float" | "string" | "bool" | "date" | "timestamp";

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  description: string;
  nullable?: boolean;
  /** Accepted values of a string column. */
  values?: readonly string[];
  min?: number;
  max?: number;
  unique?: boolean;
  /** Store a float column as 32-bit (scores and durations do not need 64). */
  float32?: boolean;
  /** Store strings dictionary-encoded (repeated values). Default: true for columns with `values`. */
  dictionary?: boolean;
  /** Identifies a person or their device, network or payment instrument: pseudonymised on publication. */
  identifier?: boolean;
}

export interface Reference {
  column: string;
  table: string;
  /** Column of the referenced table; defaults to the same name. */
  references?: string;
}

export interface TableSchema {
  name: string;
  description: string;
  columns: readonly ColumnSpec[];
  /** Columns that together identify a row. */
  key?: readonly string[];
  references?: readonly Reference[];
  /** Item-level tables may be sampled at large scales; aggregates never are. */
  grain: string;
  /**
   * The table may have no rows: it is built from an optional import table (ground truth, the event log)
   * that a platform's data may lack. The simulation always fills it.
   */
  mayBeEmpty?: boolean;
}

/** A column of values: numbers (NaN is null), strings or null, booleans. Dates are "YYYY-MM-DD" strings; timestamps are epoch ms. */
export type ColumnData = ArrayLike<number | null> | ArrayLike<string | null> | ArrayLike<boolean | null>;
export type Columns = Record<string, ColumnData>;

export interface Violation {
  table: string;
  rule: string;
  column: string;
  count: number;
  /** Up to five offending row indexes. */
  rows: number[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function rowCount(columns: Columns): number {
  const first = Object.values(columns)[0];
  return first ? first.length : 0;
}

/** A real calendar date as YYYY-MM-DD (Date.parse would roll 2025-02-30 over to March). */
function isIsoDate(v: unknown): boolean {
  if (typeof v !== "string" || !ISO_DATE.test(v)) return false;
  const ms = Date.parse(`${v}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === v;
}

function isNull(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));
}

/**
 * The distinct values of referenced columns, per `others` record: the tables of one build are checked
 * one after another against the same referenced columns (users' ids by several tables), so each set is
 * built once. Published columns are not changed after they are built.
 */
const keySets = new WeakMap<object, Map<ColumnData, Set<unknown>>>();

function keySet(others: Record<string, Columns>, column: ColumnData): Set<unknown> {
  let byColumn = keySets.get(others);
  if (!byColumn) keySets.set(others, (byColumn = new Map()));
  let keys = byColumn.get(column);
  if (!keys) byColumn.set(column, (keys = new Set<unknown>(Array.from(column as ArrayLike<unknown>))));
  return keys;
}

/** Every violation of the schema by these columns; `others` resolves references to other tables. */
export function checkTable(schema: TableSchema, columns: Columns, others: Record<string, Columns> | null = {}): Violation[] {
  const out: Violation[] = [];
  const n = rowCount(columns);
  const report: Report = (rule, column, rows, count = rows.length) => {
    if (count > 0) out.push({table: schema.name, rule, column, count, rows: rows.slice(0, 5)});
  };
  if (n === 0 && !schema.mayBeEmpty) report("non-empty", "*", [0], 1);
  for (const name of Object.keys(columns)) if (!schema.columns.some((c) => c.name === name)) report("unknown column", name, [0], 1);
  for (const spec of schema.columns) {
    const data = columns[spec.name];
    if (!data) {
      report("missing column", spec.name, [0], 1);
      continue;
    }
    if (data.length !== n) report(`length ${data.length} != ${n}`, spec.name, [0], 1);
    for (const [rule, rows] of Object.entries(columnViolations(spec, data))) report(rule, spec.name, rows);
  }
  checkKey(schema, columns, n, report);
  // null: the caller exports a subset of a checked table, whose references were checked at build time.
  if (others !== null) checkReferences(schema, columns, others, report);
  return out;
}

type Report = (rule: string, column: string, rows: number[], count?: number) => void;

/** The rows of one column that break each of its spec's rules (type, accepted values, range, uniqueness), by rule. */
function columnViolations(spec: ColumnSpec, data: ColumnData): Record<string, number[]> {
  const bad: Record<string, number[]> = {};
  const hit = (rule: string, i: number) => (bad[rule] ??= []).push(i);
  const accepted = spec.values ? new Set(spec.values) : null;
  const seen = spec.unique ? new Set<unknown>() : null;
  // A table has a few hundred distinct dates in millions of rows: each is parsed once.
  const dates = new Set<unknown>();
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as unknown;
    if (isNull(v)) {
      if (!spec.nullable) hit("not null", i);
      continue;
    }
    const type = typeRule(spec.type, v, dates);
    if (type) hit(type, i);
    if (accepted && !accepted.has(v as string)) hit(`one of ${spec.values!.join("|")}`, i);
    if (typeof v === "number") {
      if (spec.min !== undefined && v < spec.min) hit(`>= ${spec.min}`, i);
      if (spec.max !== undefined && v > spec.max) hit(`<= ${spec.max}`, i);
    }
    if (seen) {
      if (seen.has(v)) hit("unique", i);
      else seen.add(v);
    }
  }
  return bad;
}

/** The rule a non-null value breaks for its column's type, or null; valid dates are added to `dates` so each is parsed once. */
function typeRule(type: ColumnType, v: unknown, dates: Set<unknown>): string | null {
  switch (type) {
    case "int":
      return typeof v !== "number" || !Number.isInteger(v) ? "integer" : null;
    case "float":
    case "timestamp":
      return typeof v !== "number" || !Number.isFinite(v) ? "finite number" : null;
    case "bool":
      return typeof v !== "boolean" && v !== 0 && v !== 1 ? "boolean" : null;
    case "date":
      if (dates.has(v)) return null;
      if (!isIsoDate(v)) return "date YYYY-MM-DD";
      dates.add(v);
      return null;
    case "string":
      return typeof v !== "string" ? "string" : null;
  }
}

/** Rows that repeat a composite key. */
function checkKey(schema: TableSchema, columns: Columns, n: number, report: Report): void {
  if (!(schema.key && schema.key.length > 1 && schema.key.every((k) => columns[k]))) return;
  const seen = new Set<string>();
  const rows: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = schema.key.map((c) => String(columns[c][i])).join("\u0000");
    if (seen.has(k)) rows.push(i);
    else seen.add(k);
  }
  report(`unique key (${schema.key.join(", ")})`, schema.key.join(","), rows);
}

/** Rows whose reference is not a key of the referenced table. */
function checkReferences(schema: TableSchema, columns: Columns, others: Record<string, Columns>, report: Report): void {
  for (const ref of schema.references ?? []) {
    const target = others[ref.table]?.[ref.references ?? ref.column];
    const data = columns[ref.column];
    if (!data) continue;
    if (!target) {
      report(`reference table ${ref.table} not given`, ref.column, [0], 1);
      continue;
    }
    const keys = keySet(others, target);
    const rows: number[] = [];
    for (let i = 0; i < data.length; i++) if (!isNull(data[i]) && !keys.has(data[i])) rows.push(i);
    report(`references ${ref.table}.${ref.references ?? ref.column}`, ref.column, rows);
  }
}

export function formatViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `  ${v.table}.${v.column}: ${v.rule} (${v.count} rows; first rows ${v.rows.join(", ")})`).join("\n");
}

/** Throws one error that lists every violation. */
export function assertTable(schema: TableSchema, columns: Columns, others: Record<string, Columns> | null = {}): void {
  const violations = checkTable(schema, columns, others);
  if (violations.length > 0) {
    throw new Error(`contract violated: table ${schema.name} has ${violations.length} violation(s)\n${formatViolations(violations)}`);
  }
}

/**
 * The columns as a reader of the published file gets them: float32 columns rounded to 32-bit floats
 * (nulls kept). Files derived at build time are computed from these values, so that a figure in a
 * derived file equals the same figure computed by a page from the published table, to the last bit.
 */
export function asStored(schema: TableSchema, columns: Columns): Columns {
  const out: Columns = {...columns};
  for (const spec of schema.columns) {
    if (!spec.float32 || !(spec.name in columns)) continue;
    const values = columns[spec.name] as ArrayLike<number | null>;
    out[spec.name] = Array.from(values, (v) => (v === null ? null : Math.fround(v)));
  }
  return out;
}
