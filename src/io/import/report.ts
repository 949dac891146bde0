import {formatCount} from "../../core/format.js";
import {isError, type Finding, type Rule} from "./findings.js";
import type {ImportResult} from "./validate.js";

/** Rows read, accepted and rejected per table, and rejected rows per rule: the data-quality figures. */
export interface TableSummary {
  table: string;
  file?: string;
  read: number;
  accepted: number;
  rejected: number;
  /** Rows rejected per rule (a row with two rules counts under both). */
  byRule: Partial<Record<Rule, number>>;
}

export function summarizeImport(result: ImportResult): TableSummary[] {
  return result.tables.map((t) => {
    const byRule: Partial<Record<Rule, number>> = {};
    for (const row of t.rejected) for (const rule of new Set(row.reasons.map((r) => r.rule))) byRule[rule] = (byRule[rule] ?? 0) + 1;
    return {table: t.table, ...(t.file ? {file: t.file} : {}), read: t.read, accepted: t.acceptedRows.length, rejected: t.rejected.length, byRule};
  });
}

const where = (f: Finding) => (f.row !== null ? `row ${f.row}${f.line !== undefined ? ` (line ${f.line})` : ""}` : f.line !== undefined ? `line ${f.line}` : "file");

function findingLine(f: Finding): string {
  const column = f.column === "*" ? "" : `, ${f.column}`;
  const value = f.value ? ` ${f.value}` : "";
  return `    ${where(f)}${column}: ${f.rule}${value} (${f.severity === "error" ? "expected " : ""}${f.detail})`;
}

/** The findings as text, grouped by table, at most `perRule` lines per table, column and rule (with the count of the rest). */
export function formatImportReport(result: ImportResult, perRule = 20): string {
  const errors = result.findings.filter(isError).length;
  const warnings = result.findings.length - errors;
  const head = `import ${result.ok ? "passed" : "failed"} (mode ${result.mode}): ${formatCount(errors)} error(s), ${formatCount(warnings)} warning(s)`;
  const lines = [head];
  const summaries = new Map(summarizeImport(result).map((s) => [s.table, s]));
  const tables = [...new Set(result.findings.map((f) => f.table)), ...summaries.keys()].filter((t, i, all) => all.indexOf(t) === i);
  for (const table of tables) {
    const s = summaries.get(table);
    lines.push(s ? `  ${table}${s.file ? ` (${s.file})` : ""}: read ${formatCount(s.read)}, accepted ${formatCount(s.accepted)}, rejected ${formatCount(s.rejected)}` : `  ${table}:`);
    const own = result.findings.filter((x) => x.table === table);
    const group = (f: Finding) => `${f.severity}\u0000${f.column}\u0000${f.rule}`;
    const totals = new Map<string, number>();
    for (const f of own) totals.set(group(f), (totals.get(group(f)) ?? 0) + 1);
    const shown = new Map<string, number>();
    for (const f of own) {
      const n = (shown.get(group(f)) ?? 0) + 1;
      shown.set(group(f), n);
      if (n <= perRule) lines.push(`${f.severity === "warning" ? "  warning:" : ""}${findingLine(f)}`);
      else if (n === perRule + 1) lines.push(`    ... and ${formatCount(totals.get(group(f))! - perRule)} more ${f.rule} in ${f.column}`);
    }
  }
  return lines.join("\n");
}

/** Throws the report when the import cannot go on: any error in mode stop, a file- or table-level error in quarantine. */
export function settleImport(result: ImportResult): void {
  if (!result.ok) throw new Error(formatImportReport(result));
}
