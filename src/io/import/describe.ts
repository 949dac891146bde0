import {toCsv} from "../csv.js";
import {IMPORT_TABLES, type ImportColumn, type ImportTable} from "./contract.js";
import {RULES} from "./findings.js";
import {BOOLEANS} from "./values.js";

/**
 * The import contract as documentation: the rows the site's import-contract page shows and the README
 * section, both generated from the contract so that neither can drift from what the validator checks.
 */

export interface ColumnRow {
  column: string;
  type: string;
  use: "required" | "optional";
  truth: boolean;
  nullable: boolean;
  accepted: string;
  maxLength: number;
  description: string;
}

/** How a type is written in a file. */
export const TYPE_FORMS: Readonly<Record<ImportColumn["type"], string>> = {
  int: "integer",
  float: "decimal number",
  bool: `boolean (${Object.keys(BOOLEANS).sort().reverse().join(", ")}; true and false in any case)`,
  date: "date YYYY-MM-DD (UTC)",
  timestamp: "timestamp ISO 8601 in UTC (…Z or …+00:00)",
  string: "text"
};

function accepted(c: ImportColumn): string {
  if (c.values) return c.values.join(", ");
  if (c.min !== undefined || c.max !== undefined) return `${c.min ?? "−∞"} to ${c.max ?? "∞"}`;
  return "";
}

export function columnRows(table: ImportTable): ColumnRow[] {
  return table.columns.map((c) => ({column: c.name, type: c.type, use: c.required ? "required" : "optional", truth: c.truth, nullable: c.nullable ?? false, accepted: accepted(c), maxLength: c.maxLength, description: c.description}));
}

/** The table's example as the CSV file a platform would write. */
export function exampleCsv(table: ImportTable): string {
  const header = [...new Set(table.example.flatMap((r) => Object.keys(r)))];
  return toCsv(table.example, header).replace(/\r\n/g, "\n");
}

/** One sentence of the table's key, references and derived columns. */
export function tableFacts(table: ImportTable): string {
  const parts = [table.required ? "Required." : "Optional."];
  if (table.truth) parts.push("Ground truth: used only to score detectors.");
  parts.push(`Key: ${table.key.length ? table.key.join(", ") : "none (rows may repeat)"}.`);
  if (table.references.length) parts.push(`References: ${table.references.map((r) => `${r.column} → ${r.table}.${r.references ?? r.column}`).join(", ")} (checked when that table is supplied).`);
  if (table.order.length) parts.push(`In each row: ${table.order.map(([a, b]) => `${b} is not before ${a}`).join(", ")} (when both are given).`);
  if (table.derived.length) parts.push(`Derived by the workbook, not read: ${table.derived.map((d) => `${d.column} (from ${d.from})`).join(", ")}.`);
  return parts.join(" ");
}

const code = (s: string) => `\`${s}\``;

function tableMarkdown(table: ImportTable): string[] {
  const list = (use: boolean) => table.columns.filter((c) => c.required === use).map((c) => `${code(c.name)}${c.truth && !table.truth ? " (truth)" : ""}`).join(", ") || "none";
  return [
    `**${table.name}**: ${table.description} ${tableFacts(table)}`,
    "",
    `Required columns: ${list(true)}. Optional: ${list(false)}.`,
    "",
    "```csv",
    exampleCsv(table).trimEnd(),
    "```",
    ""
  ];
}

/** The README's section on the import contract. */
export function importContractMarkdown(tables: readonly ImportTable[] = IMPORT_TABLES): string {
  const rules = Object.keys(RULES).map(code).join(", ");
  return [
    "Files are `<table>.csv` (UTF-8, comma-separated, RFC 4180 quoting, a header line) or `<table>.parquet`. Every value is typed by the contract, never inferred: " +
      Object.entries(TYPE_FORMS).map(([t, form]) => `${t} as ${form}`).join("; ") + ". An empty value is null. Ground-truth columns (truth) are never required.",
    "",
    ...tables.flatMap(tableMarkdown),
    `Findings are named by rule: ${rules}. The import-contract page of the site explains each, with every column's type, accepted values and limit.`
  ].join("\n");
}
