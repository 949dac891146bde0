import {toCsv} from "../csv.js";
import {rowCount, type Columns} from "../schema.js";
import {IMPORT_TABLES, type ImportTable} from "./contract.js";
import {exportTables} from "./exportTables.js";
import {RULES, type Finding, type Rule} from "./findings.js";
import {summarizeImport, type TableSummary} from "./report.js";
import type {ImportResult, Mode, TableImport} from "./validate.js";

/**
 * The data-quality figures of a build, as the data-quality page reads them (data/data_quality.json):
 * which source the build read, and for every table its rows read, accepted and rejected (read =
 * accepted + rejected, asserted here), rejected rows per rule, warnings, and a sample of the rejected
 * rows' reasons. The full list of reasons is the rejects file (rejectsCsv). Nothing here names a URL, a
 * password or a folder's path: the source is labelled by the folder's base name or the schema's name;
 * in privacy mode no offending value is published either (WITHHELD).
 */

/**
 * What a published report shows instead of an offending value in privacy mode: a rejected value can be
 * anything a platform's file held (an e-mail address in an id column, a message's text), and privacy
 * mode publishes no raw identifier or text. The table, row, file line, column, rule and detail stay, so
 * an analyst with the source can find each row.
 */
export const WITHHELD = "(withheld: privacy mode)";

export interface QualityOptions {
  /** Privacy mode (WORKBOOK_PRIVACY): offending values are withheld. */
  privacy?: boolean;
}

/** Rejected rows whose reasons the page shows; every reason is in the rejects file. */
export const SAMPLE_ROWS = 200;
export const REJECTS_FILE = "rejects.csv";

export interface QualitySource {
  kind: "simulation" | "files" | "database";
  /** The folder's base name, the schema's name, or "seed N". */
  label: string;
}

/** Rejected rows of one table under one rule (a row with two rules counts under both). */
export interface RuleCount {
  table: string;
  rule: Rule;
  description: string;
  rows: number;
}

/** Warnings of one table under one rule (warnings never reject a row). */
export interface WarningCount {
  table: string;
  rule: Rule;
  description: string;
  count: number;
  /** The columns they name ("*" for a whole file). */
  columns: string[];
}

/** One reason a row was rejected, as the rejects file writes it; `value` is already inert. */
export interface RejectReason {
  table: string;
  /** 1-based data row, or null for a record the parser could not split. */
  row: number | null;
  line: number | null;
  column: string;
  rule: Rule;
  value: string;
  detail: string;
}

export interface DataQuality {
  source: QualitySource;
  /** What the import did with rejected rows; null for the simulation, which imports nothing. */
  mode: Mode | null;
  tables: TableSummary[];
  totals: {read: number; accepted: number; rejected: number; warnings: number};
  rules: RuleCount[];
  warnings: WarningCount[];
  /** The reasons of the first SAMPLE_ROWS rejected rows, in table order. */
  sample: RejectReason[];
  sampleRows: number;
  /** Privacy mode: the sample and the rejects file show WITHHELD for every offending value. */
  valuesWithheld: boolean;
  rejectsFile: typeof REJECTS_FILE;
  /**
   * The import columns, as table.column, that the data does not supply: every column of a table it
   * lacks, and the optional columns its tables lack. The published tables hold nulls or no rows there,
   * and a page section that needs one says so (src/io/import/needs.ts). Empty for the simulation.
   */
  absent: string[];
}

/** The contract's columns, as table.column, that the imported tables do not have. */
export function absentColumns(result: Pick<ImportResult, "tables">, tables: readonly ImportTable[] = IMPORT_TABLES): string[] {
  const supplied = new Map(result.tables.map((t) => [t.table, t.columns]));
  return tables.flatMap((t) => t.columns.filter((c) => !supplied.get(t.name)?.includes(c.name)).map((c) => `${t.name}.${c.name}`));
}

/** The label of an imported source: a folder's base name or a schema's name, never a path or URL. */
export function sourceLabel(source: {kind: "files"; dir: string} | {kind: "database"; schema: string}): QualitySource {
  if (source.kind === "database") return {kind: "database", label: source.schema};
  const base = source.dir.replace(/[\\/]+$/, "").split(/[\\/]/).pop() ?? "";
  return {kind: "files", label: base || source.dir};
}

/** Throws unless every table's rows read equal its rows accepted plus its rows rejected. */
function assertAccounted(tables: readonly TableSummary[]): void {
  for (const t of tables) {
    if (t.read !== t.accepted + t.rejected) throw new Error(`data quality: table ${t.table} read ${t.read} rows but accepted ${t.accepted} and rejected ${t.rejected} (read must equal accepted + rejected)`);
  }
}

function totals(tables: readonly TableSummary[], warnings: number): DataQuality["totals"] {
  const sum = (k: "read" | "accepted" | "rejected") => tables.reduce((s, t) => s + t[k], 0);
  return {read: sum("read"), accepted: sum("accepted"), rejected: sum("rejected"), warnings};
}

function ruleCounts(tables: readonly TableSummary[]): RuleCount[] {
  return tables.flatMap((t) => (Object.entries(t.byRule) as [Rule, number][]).map(([rule, rows]) => ({table: t.table, rule, description: RULES[rule], rows})));
}

function warningCounts(result: ImportResult): WarningCount[] {
  const counts = new Map<string, WarningCount>();
  for (const f of result.findings) {
    if (f.severity !== "warning") continue;
    const key = `${f.table}\u0000${f.rule}`;
    const w = counts.get(key) ?? {table: f.table, rule: f.rule, description: RULES[f.rule], count: 0, columns: []};
    w.count++;
    if (!w.columns.includes(f.column)) w.columns.push(f.column);
    counts.set(key, w);
  }
  return [...counts.values()];
}

/**
 * Source records that yield no table rows because they are malformed, such as a moderator document
 * (seed 004's JSONB) that is not the expected shape: their findings name a source table that is not an
 * import table, with a row. They are rejected like rows, so the page and the rejects file list them.
 */
export function sourceRejects(result: Pick<ImportResult, "tables" | "findings">): TableImport[] {
  const imported = new Set(result.tables.map((t) => t.table));
  const bySource = new Map<string, Map<number, Finding[]>>();
  for (const f of result.findings) {
    if (f.severity !== "error" || f.row === null || imported.has(f.table)) continue;
    const rows = bySource.get(f.table) ?? bySource.set(f.table, new Map()).get(f.table)!;
    rows.set(f.row, [...(rows.get(f.row) ?? []), f]);
  }
  return [...bySource].map(([table, rows]) => ({
    table, read: rows.size, columns: [], accepted: {}, acceptedRows: [], mapped: 0,
    rejected: [...rows].map(([row, found]) => ({row, values: {}, reasons: found}))
  }));
}

/** One line per (rejected row, reason), in table order. */
function reasons(tables: readonly TableImport[], {privacy = false}: QualityOptions, maxRows = Infinity): RejectReason[] {
  const out: RejectReason[] = [];
  let rows = 0;
  for (const t of tables) {
    for (const r of t.rejected) {
      if (rows++ >= maxRows) return out;
      for (const f of r.reasons) out.push({table: t.table, row: r.row, line: f.line ?? r.line ?? null, column: f.column, rule: f.rule, value: privacy && f.value !== "" ? WITHHELD : f.value, detail: f.detail});
    }
  }
  return out;
}

/** The data quality of an import (ImportResult of validateImport), for a source labelled by sourceLabel. */
export function dataQuality(result: ImportResult, source: QualitySource, options: QualityOptions = {}): DataQuality {
  if (/:\/\/|@/.test(source.label)) throw new Error("data quality: a source label must be a folder's base name or a schema's name, never a URL");
  const all = {...result, tables: [...result.tables, ...sourceRejects(result)]};
  const tables = summarizeImport(all);
  assertAccounted(tables);
  const warnings = warningCounts(result);
  return {
    source: {kind: source.kind, label: source.label},
    mode: result.mode,
    tables,
    totals: totals(tables, warnings.reduce((s, w) => s + w.count, 0)),
    rules: ruleCounts(tables),
    warnings,
    sample: reasons(all.tables, options, SAMPLE_ROWS),
    sampleRows: SAMPLE_ROWS,
    valuesWithheld: options.privacy === true,
    rejectsFile: REJECTS_FILE,
    absent: absentColumns(result)
  };
}

/**
 * The data quality of a simulated build: every import table the published tables feed, with its rows
 * (as the export would write them) read and accepted, none rejected. The simulation is checked by the
 * published tables' contracts when they are encoded, not by the import's validator.
 */
export function simulationQuality(tables: Readonly<Record<string, Columns>>, seed: number): DataQuality {
  const exported = exportTables(tables, IMPORT_TABLES);
  const summaries: TableSummary[] = Object.entries(exported).map(([table, columns]) => {
    const rows = rowCount(columns);
    return {table, read: rows, accepted: rows, rejected: 0, byRule: {}};
  });
  assertAccounted(summaries);
  return {source: {kind: "simulation", label: `seed ${seed}`}, mode: null, tables: summaries, totals: totals(summaries, 0), rules: [], warnings: [], sample: [], sampleRows: SAMPLE_ROWS, valuesWithheld: false, rejectsFile: REJECTS_FILE, absent: []};
}

export const REJECTS_COLUMNS = ["table", "file", "row", "line", "column", "rule", "value", "detail"] as const;

/**
 * The rejects file: one line per (rejected row, reason) with its table, file, row, file line, column,
 * rule, offending value (inert) and detail; RFC 4180, with formulas neutralised as in every download
 * (src/io/csv.ts); in privacy mode the values are withheld. With no rejected rows (a simulated build:
 * `{tables: []}`), the header line alone.
 */
export function rejectsCsv(result: {tables: readonly TableImport[]; findings?: ImportResult["findings"]}, options: QualityOptions = {}): string {
  const tables = [...result.tables, ...sourceRejects({tables: result.tables as TableImport[], findings: result.findings ?? []})];
  const files = new Map(tables.map((t) => [t.table, t.file ?? null]));
  const rows = reasons(tables, options).map((r) => ({...r, file: files.get(r.table)}));
  return toCsv(rows, REJECTS_COLUMNS);
}
