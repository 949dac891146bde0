/**
 * CSV export that is safe to open in a spreadsheet. A string cell that starts with a formula trigger
 * (`=`, `+`, `-`, `@`, tab, carriage return, line feed, or their full-width forms) is prefixed with a
 * single quote, as OWASP's CSV-injection guidance recommends, so it shows as text instead of running.
 * Numbers stay numbers: only strings are neutralised. Quoting follows RFC 4180.
 */

const TRIGGERS = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A string that a spreadsheet will show as text, never evaluate. */
export function neutraliseCell(value: string): string {
  return TRIGGERS.test(value) ? `'${value}` : value;
}

/**
 * A field as RFC 4180 writes it: quoted (with quotes doubled) when it holds a quote, a comma or a line
 * end, or has spaces at either end; the text itself is never changed. Not neutralised: for files that are
 * data (the import format), not spreadsheets.
 */
export function quoteField(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().replace(/T00:00:00\.000Z$/, "").replace(/\.000Z$/, "Z");
  return quoteField(neutraliseCell(String(value)));
}

/** CSV text of rows (objects) with the given column order; CRLF line ends as RFC 4180. */
export function toCsv(rows: Iterable<Record<string, unknown>>, columns: readonly string[]): string {
  const lines = [columns.map((c) => quoteField(neutraliseCell(c))).join(",")];
  for (const row of rows) lines.push(columns.map((c) => formatCell(row[c])).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** CSV text of columnar data (each column an array-like of the same length). */
export function columnsToCsv(columns: Record<string, ArrayLike<unknown>>, order: readonly string[] = Object.keys(columns)): string {
  const n = order.length ? columns[order[0]].length : 0;
  const lines = [order.map((c) => quoteField(neutraliseCell(c))).join(",")];
  for (let i = 0; i < n; i++) lines.push(order.map((c) => formatCell(columns[c][i])).join(","));
  return lines.join("\r\n") + "\r\n";
}
