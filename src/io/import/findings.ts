/**
 * What an import can find wrong, by rule. Each rule has one name, used in the report, the rejects file
 * and the tests. A finding on a row rejects that row (quarantine sets it aside); a finding on a whole
 * file or table (row null) cannot be quarantined, so it stops the import in either mode. Warnings never
 * stop it: they say what was read differently from what the file might suggest.
 */

export const RULES = {
  "missing table": "A required table has no file (or no table or view in the database schema).",
  "ambiguous table": "A table has two sources: both a CSV and a Parquet file, or both a database table and moderator documents (neither is read).",
  "unknown file": "A file in the folder, or a table or view in the database schema, that is not a table of the contract (warning: not read).",
  "empty file": "The file has no bytes, or no header line.",
  "corrupt parquet": "The Parquet file cannot be read (truncated or not Parquet).",
  "unreadable file": "The file cannot be opened or parsed at all.",
  "byte order mark": "The file starts with a UTF-8 byte order mark (warning: stripped, the data is unchanged).",
  "invalid encoding": "Bytes that are not UTF-8 (e.g. Latin-1 or UTF-16): the row, or the header, is rejected.",
  "malformed quoting": "A quoted field is not closed, or a quote appears inside an unquoted field.",
  "wrong field count": "A row has more or fewer fields than the header (often an unquoted delimiter inside a field).",
  "unparsable row": "A record the CSV parser could not read for another reason (its message is the detail).",
  "duplicate column": "The header names a column twice.",
  "missing column": "A required column is not in the header.",
  "unknown column": "A column that is not in the contract (warning: not read).",
  "derived column": "A column the workbook computes from others (warning: not read; the workbook derives it).",
  "no rows": "The file has a header and no rows (an error for a required table, a warning otherwise).",
  "missing value": "An empty value in a column that does not accept null.",
  "wrong type": "The value is not of the column's type (integer, number, boolean true|false|1|0, date YYYY-MM-DD, timestamp ISO 8601).",
  "impossible date": "A date or time in the right form that does not exist (2025-02-30, 24:10).",
  "non-UTC timestamp": "A timestamp without an offset, or with an offset other than Z / +00:00.",
  "unknown value": "A value outside the column's accepted values that the mapping file does not map.",
  "out of range": "A number below the column's minimum or above its maximum.",
  "too long": "A value longer than the column's limit (it is rejected, never truncated).",
  "out of order": "A date or time before one it cannot precede in the same row (a decision before its flag was raised, a case opened after its decision, a session or event that ends before it starts).",
  "duplicate key": "Rows that share the table's key: every one of them is rejected (which one is right cannot be known).",
  "broken reference": "A value that no row of the referenced table has.",
  "rejected reference": "A value whose row in the referenced table was rejected.",
  "unchecked reference": "The referenced table was not supplied, so the column is not checked (warning).",
  "invalid mapping": "The mapping file is not valid JSON of {column: {platform value: contract value}}, or maps to a value the contract does not accept."
} as const;

export type Rule = keyof typeof RULES;

export interface Finding {
  table: string;
  /** The file read, when there is one. */
  file?: string;
  /** 1-based data row (header not counted) among the rows the parser read; null for the file or table. */
  row: number | null;
  /** 1-based line of the file the record starts on (CSV; the header is line 1). */
  line?: number;
  /** The column, or "*" for a whole row, file or table. */
  column: string;
  rule: Rule;
  /** The offending value, shortened and rendered inert ("" when there is none). */
  value: string;
  /** What was expected, or what happened. */
  detail: string;
  severity: "error" | "warning";
}

export const isError = (f: Finding) => f.severity === "error";
