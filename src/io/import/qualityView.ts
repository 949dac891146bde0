import {formatCount, formatPercent, NONE} from "../../core/format.js";
import type {DataQuality} from "./quality.js";
import {lacking, SECTION_NEEDS} from "./needs.js";

/**
 * The data-quality page's rows and sentences, from data/data_quality.json (src/io/import/quality.ts):
 * what the build read, each table's rows read, accepted and rejected with the identity read = accepted +
 * rejected written out, rejected rows per rule as bars, warnings, and the sample of rejected rows.
 * Every figure comes from the file; nothing is typed in.
 */

/** Where the build's tables came from, as a phrase: "the folder platform", "the PostgreSQL schema moderation". */
export function sourcePhrase(q: DataQuality): string {
  switch (q.source.kind) {
    case "simulation":
      return `the simulation (${q.source.label})`;
    case "files":
      return `the folder ${q.source.label} (CSV or Parquet files)`;
    case "database":
      return `the PostgreSQL schema ${q.source.label}`;
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** The page's opening: the source, the mode and the totals, or that a simulated build imports nothing. */
export function qualitySummary(q: DataQuality): string {
  const {read, accepted, rejected, warnings} = q.totals;
  if (q.source.kind === "simulation") {
    return `This build is ${sourcePhrase(q)}: it imported nothing, so nothing was rejected. The simulated tables are checked against the published tables' contracts when they are written, and a violation fails the build. Below are the rows each import table would hold: ${plural(read, "row")} in ${plural(q.tables.length, "table")}.`;
  }
  const mode = q.mode === "quarantine" ? "rows with a violation were set aside (WORKBOOK_REJECTS=quarantine) and the build went on without them" : "any violation would have stopped the build (WORKBOOK_REJECTS=stop)";
  const share = read > 0 ? ` (${shareText(rejected / read)})` : "";
  return `This build read ${sourcePhrase(q)}: ${plural(read, "row")} in ${plural(q.tables.length, "table")}, ${formatCount(accepted)} accepted and ${formatCount(rejected)} rejected${share}, with ${plural(warnings, "warning")}. In this build ${mode}.`;
}

// Types rather than interfaces: the site's text table takes records.
export type TableQualityRow = {
  table: string;
  file: string;
  read: string;
  accepted: string;
  rejected: string;
  /** The identity, written out: "1,000 = 990 + 10". */
  identity: string;
  share: string;
};

/** One row per table: rows read, accepted and rejected, and the identity read = accepted + rejected. */
export function tableQualityRows(q: DataQuality): TableQualityRow[] {
  return q.tables.map((t) => ({
    table: t.table,
    file: t.file ?? NONE,
    read: formatCount(t.read),
    accepted: formatCount(t.accepted),
    rejected: formatCount(t.rejected),
    identity: `${formatCount(t.read)} = ${formatCount(t.accepted)} + ${formatCount(t.rejected)}${t.read === t.accepted + t.rejected ? "" : " (does not hold)"}`,
    share: t.read > 0 ? shareText(t.rejected / t.read) : NONE
  }));
}

export interface RuleBar {
  /** "flags: unknown value". */
  label: string;
  table: string;
  rule: string;
  rows: number;
  /** The bar's hover text: a sentence with the count and what the rule means. */
  title: string;
}

/** Rejected rows per table and rule, most first, each with a sentence saying what the rule means. */
export function ruleBars(q: DataQuality): RuleBar[] {
  return q.rules
    .map((r) => ({
      label: `${r.table}: ${r.rule}`,
      table: r.table,
      rule: r.rule,
      rows: r.rows,
      title: `${plural(r.rows, "row")} of ${r.table} ${r.rows === 1 ? "was" : "were"} rejected for "${r.rule}". ${r.description}`
    }))
    .sort((a, b) => b.rows - a.rows || a.label.localeCompare(b.label));
}

export type WarningRow = {
  table: string;
  rule: string;
  count: string;
  columns: string;
  meaning: string;
};

/** Warnings per table and rule: what was read differently from what the files might suggest (no row is rejected). */
export function warningRows(q: DataQuality): WarningRow[] {
  return q.warnings.map((w) => ({table: w.table, rule: w.rule, count: formatCount(w.count), columns: w.columns.join(", "), meaning: w.description}));
}

export type SampleRow = {
  table: string;
  row: string;
  line: string;
  column: string;
  rule: string;
  value: string;
  detail: string;
};

/** The sampled reasons as table rows (a record the parser could not split has no row number). */
export function sampleRows(q: DataQuality): SampleRow[] {
  return q.sample.map((s) => ({
    table: s.table,
    row: s.row === null ? NONE : formatCount(s.row),
    line: s.line === null ? NONE : formatCount(s.line),
    column: s.column,
    rule: s.rule,
    value: s.value,
    detail: s.detail
  }));
}

/** What the rejects file holds, and how much of it the sample shows. */
export function rejectsNote(q: DataQuality): string {
  const {rejected} = q.totals;
  if (rejected === 0) return `The rejects file ${q.rejectsFile} holds its header line alone: no row was rejected.`;
  const shown = Math.min(rejected, q.sampleRows);
  const sample = shown < rejected ? `The table above shows the reasons of the first ${formatCount(shown)} of them, in table order.` : "The table above shows all of them.";
  const value = q.valuesWithheld ? "offending value (withheld: this build is in privacy mode)" : "offending value (shortened and written inert)";
  return `${plural(rejected, "rejected row")}, each with every reason, ${rejected === 1 ? "is" : "are"} in ${q.rejectsFile}: one line per row and reason, with its table, file, row, file line, column, rule, ${value} and detail. ${sample}`;
}

/** A rejected share to two decimals of a percent, but never a non-zero share written as 0.00%. */
export function shareText(share: number): string {
  return share > 0 && share < 0.00005 ? "< 0.01%" : formatPercent(share, 2);
}

export type MissingRow = {section: string; columns: string; enables: string};

/** The sections the data cannot feed: where each is, the absent columns it needs and what they would show. */
export function missingRows(q: DataQuality): MissingRow[] {
  return SECTION_NEEDS.flatMap(({where, need}) => {
    const short = lacking(need, q.absent);
    return short ? [{section: where, columns: short.columns.join(", "), enables: need.enables}] : [];
  });
}

/** What the data lacks, as a sentence: how many import columns are absent, from which tables. */
export function absentNote(q: DataQuality): string {
  if (q.absent.length === 0) return q.source.kind === "simulation" ? "The simulation has every column of the import contract: every section of every page is drawn." : "The data has every column of the import contract: every section of every page is drawn.";
  const tables = [...new Set(q.absent.map((c) => c.split(".")[0]))];
  const whole = tables.filter((t) => !q.tables.some((s) => s.table === t));
  const wholeText = whole.length ? `, and ${plural(whole.length, "table")} not supplied at all (${whole.join(", ")})` : "";
  return `The data lacks ${plural(q.absent.length, "import column")} of the contract in ${plural(tables.length, "table")}${wholeText}: the published tables hold nulls or no rows there (data_quality.json lists them). The sections below say so on their pages instead of showing an empty chart or a 0%.`;
}
