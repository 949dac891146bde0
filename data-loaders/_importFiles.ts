import {readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {csvParseRows} from "d3-dsv";
import {IMPORT_TABLES, type ImportColumn, type ImportTable} from "../src/io/import/contract.js";
import type {Finding, Rule} from "../src/io/import/findings.js";
import {inert} from "../src/io/import/inert.js";
import {quoteLiteral} from "../src/io/import/postgresSchema.js";
import {parseMapping} from "../src/io/import/mapping.js";
import {finishValidations, importResult, type ImportResult, type Mode, type RawTable, type Unparsed} from "../src/io/import/validate.js";
import {TableValidation, type TableEnd, type TableHead} from "../src/io/import/tableValidation.js";
import type {Mapping, RawValue} from "../src/io/import/values.js";

/**
 * Reads a platform's tables from a folder, <dir>/<table>.csv or <dir>/<table>.parquet, with DuckDB,
 * every column as text (the contract types them, src/io/import/validate.ts), and turns every problem of
 * the files into a named finding rather than an exception:
 *
 * - CSV is RFC 4180: comma-delimited, double-quoted, "" escapes a quote, the first line is the header;
 *   LF and CRLF line ends are both read. DuckDB parses it strictly with store_rejects, so a record it
 *   cannot split (an unclosed quote, a field count that differs from the header's, bytes that are not
 *   UTF-8) becomes a rejected row with its line, while the other rows are read.
 * - A UTF-8 byte order mark is accepted and stripped, with a warning (spreadsheets write one; it is not
 *   data). A UTF-16 byte order mark, or a header that is not UTF-8, makes the file unreadable.
 * - Parquet columns are cast to text (timestamps with a time zone as "... +00", read in UTC). A Parquet
 *   file DuckDB cannot open (truncated, not Parquet) is "corrupt parquet".
 * - Header names never reach SQL: columns are read by position.
 * - Files that are not a table of the contract are reported (warning) and not read; dotfiles are skipped.
 */

export interface ImportFolderOptions {
  mode?: Mode;
  /** A mapping file; default <dir>/mapping.json when it exists. */
  mappingFile?: string;
  tables?: readonly ImportTable[];
  /** A DuckDB connection to read with (its session's time zone is set to UTC); default a new in-memory database. */
  connection?: DuckDBConnection;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16_BOMS = [[0xff, 0xfe], [0xfe, 0xff]];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

const fileFinding = (table: string, file: string, rule: Rule, detail: string, severity: Finding["severity"] = "error", value = ""): Finding => ({table, ...(file ? {file} : {}), row: null, column: "*", rule, value, detail, severity});

/** DuckDB's reject error types, as import rules. */
const REJECT_RULES: Record<string, [Rule, string]> = {
  "INVALID ENCODING": ["invalid encoding", "UTF-8 text"],
  "UNQUOTED VALUE": ["malformed quoting", "a closed quote around the whole field, with quotes inside doubled"],
  "TOO MANY COLUMNS": ["wrong field count", "as many fields as the header (quote a field that holds a comma)"],
  "MISSING COLUMNS": ["wrong field count", "as many fields as the header"],
  "LINE SIZE OVER MAXIMUM": ["too long", "a line under DuckDB's maximum line size"]
};

/** The header of a CSV's bytes (after any byte order mark), or the finding that makes the file unreadable. */
function csvHeader(table: string, file: string, bytes: Uint8Array): {header: string[]; problems: Finding[]} {
  if (bytes.length === 0) return {header: [], problems: [fileFinding(table, file, "empty file", "a header line and rows")]};
  if (UTF16_BOMS.some((bom) => startsWith(bytes, bom))) return {header: [], problems: [fileFinding(table, file, "invalid encoding", "UTF-8 text (the file is UTF-16)")]};
  const bom = startsWith(bytes, UTF8_BOM);
  const problems = bom ? [fileFinding(table, file, "byte order mark", "stripped; the data is unchanged", "warning")] : [];
  const start = bom ? 3 : 0;
  const end = bytes.indexOf(0x0a, start);
  let text: string;
  try {
    text = new TextDecoder("utf-8", {fatal: true}).decode(bytes.subarray(start, end < 0 ? bytes.length : end));
  } catch {
    return {header: [], problems: [...problems, fileFinding(table, file, "invalid encoding", "a UTF-8 header line (line 1)")]};
  }
  const header = csvParseRows(text.replace(/\r$/, ""))[0] ?? [];
  if (header.length === 0 || (header.length === 1 && header[0] === "")) return {header: [], problems: [...problems, fileFinding(table, file, "empty file", "a header line and rows")]};
  return {header, problems};
}

const QUOTE = 0x22, COMMA = 0x2c, LF = 0x0a, CR = 0x0d;

/**
 * The file line each data record starts on, scanning as RFC 4180 does (a quote opens a field only at
 * its start; "" inside a quoted field is a quote), skipping blank lines as DuckDB does; and the record
 * whose quote is never closed, if any (it runs to the end of the file). A quoted field may hold line
 * ends, so a record's line is not its index plus one.
 */
export function scanRecords(bytes: Uint8Array, start: number): {lines: number[]; unclosed: {line: number; offset: number} | null} {
  const lines: number[] = [];
  let line = 2, recordLine = 2, recordStart = start, content = false, fieldStart = true, quoted = false;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (quoted) {
      if (b === QUOTE && bytes[i + 1] === QUOTE) i++;
      else if (b === QUOTE) quoted = false;
      else if (b === LF) line++;
      continue;
    }
    if (b === LF) {
      if (content) lines.push(recordLine);
      recordLine = ++line;
      recordStart = i + 1;
      content = false;
      fieldStart = true;
    } else if (b !== CR) {
      content = true;
      if (b === QUOTE && fieldStart) quoted = true;
      fieldStart = b === COMMA;
    }
  }
  if (content) lines.push(recordLine);
  return {lines, unclosed: quoted ? {line: recordLine, offset: recordStart} : null};
}

/**
 * The records DuckDB did not account for, made findings: a record with an unclosed quote at the end of
 * the file (DuckDB drops it without a reject), then any other difference between the records the file
 * holds and the rows read plus rejected (a file-level error, since no row can hold it). Gives each
 * parsed row's line when the counts agree.
 */
function reconcile(table: string, file: string, rows: number, unparsed: Unparsed[], bytes: Uint8Array): TableEnd {
  const headerEnd = bytes.indexOf(LF);
  if (headerEnd < 0) return {unparsed, problems: []};
  const {lines, unclosed} = scanRecords(bytes, headerEnd + 1);
  if (unclosed && !unparsed.some((u) => u.line === unclosed.line)) {
    const text = new TextDecoder("utf-8").decode(bytes.subarray(unclosed.offset, unclosed.offset + 400));
    unparsed.push({line: unclosed.line, rule: "malformed quoting", text, detail: "a closing quote (the field runs to the end of the file)"});
  }
  const rejected = new Set(unparsed.map((u) => u.line));
  const parsed = lines.filter((l) => !rejected.has(l));
  if (parsed.length === rows) return {unparsed, lines: parsed, problems: []};
  const counts = `${rows} rows read and ${unparsed.length} rejected of the ${lines.length} records the file holds`;
  return {unparsed, problems: [fileFinding(table, file, "unparsable row", `every record read or rejected; DuckDB returned ${counts}`)]};
}

/** Where a reader sends a table: its head once the header is known; the function it returns takes the rows, a chunk of columns at a time, in file order. */
export type Sink = (head: TableHead) => Push;
type Push = (columns: RawValue[][], length: number) => void;

/** A query's rows, streamed a DuckDB chunk (2,048 rows) at a time as columns; returns how many. */
async function streamRows(connection: DuckDBConnection, sql: string, push: Push): Promise<number> {
  const result = await connection.stream(sql);
  let n = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    n += chunk.rowCount;
    push(chunk.getColumns() as RawValue[][], chunk.rowCount);
  }
  return n;
}

let scans = 0;

/** A CSV file's query (every column as text) and its rejects table. */
function csvQuery(path: string, columns: number): {sql: string; rejects: string} {
  const n = ++scans;
  const types = `{${Array.from({length: columns}, (_, j) => `'c${j}': 'VARCHAR'`).join(", ")}}`;
  const options = `columns=${types}, header=true, auto_detect=false, delim=',', quote='"', escape='"', strict_mode=true, parallel=false, store_rejects=true, rejects_table='rejects_${n}', rejects_scan='scans_${n}'`;
  return {sql: `SELECT * FROM read_csv(${quoteLiteral(path)}, ${options})`, rejects: `rejects_${n}`};
}

/** The records DuckDB rejected, with their lines and rules. */
async function csvRejects(connection: DuckDBConnection, rejectsTable: string): Promise<Unparsed[]> {
  const rejects = await connection.runAndReadAll(`SELECT line, error_type, csv_line, error_message FROM ${rejectsTable} ORDER BY line`);
  const unparsed: Unparsed[] = [];
  for (const [line, type, text, message] of rejects.getRows()) {
    if (unparsed.some((u) => u.line === Number(line))) continue;
    const [rule, detail] = REJECT_RULES[String(type)] ?? ["unparsable row", String(message).split("\n")[0]];
    unparsed.push({line: Number(line), rule, text: String(text ?? "").replace(/^\r?\n/, ""), detail});
  }
  return unparsed;
}

const unreadable = (table: string, file: string, rule: Rule, expected: string, error: unknown) => fileFinding(table, file, rule, expected, "error", inert((error as Error).message.split("\n")[0], 120));

/** A CSV file's rows as text, sent to `sink`; the records DuckDB rejected and the file's problems. */
export async function readCsv(connection: DuckDBConnection, path: string, table: string, sink: Sink, file = path): Promise<TableEnd> {
  const bytes = readFileSync(path);
  const {header, problems} = csvHeader(table, file, bytes);
  const push = sink({table, file, header});
  if (header.length === 0) return {problems};
  const {sql, rejects} = csvQuery(path, header.length);
  try {
    const rows = await streamRows(connection, sql, push);
    const end = reconcile(table, file, rows, await csvRejects(connection, rejects), bytes);
    return {...end, problems: [...problems, ...(end.problems ?? [])]};
  } catch (error) {
    return {problems: [...problems, unreadable(table, file, "unreadable file", "a CSV file DuckDB can read", error)]};
  }
}

/** Parquet types read as they are when the contract's column has the same type; any other column is cast to text. */
const TYPED: Readonly<Record<string, (type: string) => boolean>> = {
  int: (t) => /^(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(t),
  float: (t) => t === "DOUBLE",
  bool: (t) => t === "BOOLEAN",
  timestamp: (t) => t === "TIMESTAMP WITH TIME ZONE"
};

/**
 * The expression that reads the Parquet column at `position` (1-based; names never reach SQL): as it is
 * where its type is the contract column's (a timestamp with a time zone as epoch ms), else as text. A
 * FLOAT column is read as text, so that it keeps the value its text has (0.61, not 0.6100000143).
 */
function parquetColumn(position: number, type: string, column: ImportColumn | undefined): string {
  if (!column || !TYPED[column.type]?.(type)) return `#${position}::VARCHAR`;
  return column.type === "timestamp" ? `epoch_us(#${position})::DOUBLE / 1000` : `#${position}`;
}

/** A Parquet file's rows, typed columns as they are and the others as text, sent to `sink`; or the finding that it cannot be read. */
export async function readParquet(connection: DuckDBConnection, path: string, table: string, sink: Sink, file = path): Promise<TableEnd> {
  if (statSync(path).size === 0) {
    sink({table, file, header: []});
    return {problems: [fileFinding(table, file, "empty file", "a Parquet file")]};
  }
  const source = `read_parquet(${quoteLiteral(path)})`;
  let described: string[][];
  try {
    described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRows().map((r) => [String(r[0]), String(r[1])]);
  } catch (error) {
    sink({table, file, header: []});
    return {problems: [unreadable(table, file, "corrupt parquet", "a Parquet file DuckDB can read", error)]};
  }
  const header = described.map(([name]) => name);
  const columns = IMPORT_TABLES.find((t) => t.name === table)?.columns ?? [];
  const select = described.map(([name, type], j) => parquetColumn(j + 1, type, header.indexOf(name) === j ? columns.find((c) => c.name === name) : undefined));
  // The row count is in the file's metadata: the columns are sized once.
  const expected = await connection.runAndReadAll(`SELECT count(*) FROM ${source}`).then((r) => Number(r.getRows()[0][0]), () => undefined);
  const push = sink({table, file, header, expected});
  try {
    await streamRows(connection, `SELECT ${select.join(", ")} FROM ${source}`, push);
    return {};
  } catch (error) {
    return {problems: [unreadable(table, file, "corrupt parquet", "a Parquet file DuckDB can read", error)]};
  }
}

/** The tables' files in a folder, and the findings about the folder itself (ambiguous and unknown files). */
/** Files `npm run export` writes beside the tables (what it exported, and the PostgreSQL load script): not tables, not unknown. */
const EXPORT_FILES = ["manifest.json", "load.sql"];

function folderFiles(dir: string, tables: readonly ImportTable[], mappingFile: string): {files: {table: string; file: string; format: "csv" | "parquet"}[]; problems: Finding[]} {
  const names = readdirSync(dir).filter((f) => !f.startsWith(".")).sort();
  const files: {table: string; file: string; format: "csv" | "parquet"}[] = [];
  const problems: Finding[] = [];
  for (const name of names) {
    const m = /^(.+)\.(csv|parquet)$/.exec(name);
    if (join(dir, name) === mappingFile || EXPORT_FILES.includes(name)) continue;
    if (!m || !tables.some((t) => t.name === m[1])) {
      // The name is the platform's text: it goes in the value, inert, not in the file field.
      problems.push(fileFinding("folder", "", "unknown file", `a file named <table>.csv or <table>.parquet, table one of ${tables.map((t) => t.name).join(", ")}`, "warning", inert(name)));
      continue;
    }
    files.push({table: m[1], file: name, format: m[2] as "csv" | "parquet"});
  }
  for (const t of tables) {
    const both = files.filter((f) => f.table === t.name);
    if (both.length > 1) problems.push(fileFinding(t.name, both.map((f) => f.file).join(", "), "ambiguous table", "one file per table"));
  }
  return {files: files.filter((f) => files.filter((g) => g.table === f.table).length === 1), problems};
}

function readMapping(path: string): {mapping: Mapping; findings: Finding[]} {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return {mapping: {}, findings: []};
  }
  return parseMapping(text);
}

type FolderFile = {table: string; file: string; format: "csv" | "parquet"};

/** Runs `work` on the options' connection, or on a new in-memory database closed after it; either way in UTC. */
async function withConnection<T>(options: ImportFolderOptions, work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  // One thread: rows come back in file order, so row numbers are the file's.
  const instance = options.connection ? null : await DuckDBInstance.create(":memory:", {threads: "1"});
  const connection = options.connection ?? (await instance!.connect());
  try {
    await connection.run("SET TimeZone = 'UTC'");
    return await work(connection);
  } finally {
    if (instance) {
      connection.closeSync();
      instance.closeSync();
    }
  }
}

/** One table file streamed to `sink`. */
const readFile = (connection: DuckDBConnection, dir: string, f: FolderFile, sink: Sink) => (f.format === "csv" ? readCsv : readParquet)(connection, join(dir, f.file), f.table, sink, f.file);

/** The folder's table files, its mapping, and the findings about the folder and the mapping file. */
function folder(dir: string, options: ImportFolderOptions): {files: FolderFile[]; mapping: Mapping; problems: Finding[]; tables: readonly ImportTable[]} {
  const tables = options.tables ?? IMPORT_TABLES;
  const mappingFile = options.mappingFile ?? join(dir, "mapping.json");
  const {files, problems} = folderFiles(dir, tables, mappingFile);
  const {mapping, findings} = readMapping(mappingFile);
  return {files, mapping, problems: [...findings, ...problems], tables};
}

/** Every table file of a folder read as text, all rows in memory, with the folder's and the mapping file's findings. */
export async function readImportFolder(dir: string, options: ImportFolderOptions = {}): Promise<{raws: RawTable[]; mapping: Mapping; problems: Finding[]}> {
  const {files, mapping, problems} = folder(dir, options);
  const raws = await withConnection(options, async (connection) => {
    const out: RawTable[] = [];
    for (const f of files) {
      const rows: RawValue[][] = [];
      let head: TableHead = {table: f.table, header: []};
      const end = await readFile(connection, dir, f, (h) => ((head = h), (columns, length) => {
        for (let i = 0; i < length; i++) rows.push(columns.map((c) => c[i]));
      }));
      out.push({...head, rows, ...end});
    }
    return out;
  });
  return {raws, mapping, problems};
}

/**
 * A folder's tables read and validated as they stream (TableValidation), so that no table is held as
 * text: every row accounted for. The rows that keys and references reject are read again from their
 * files for the rejects file.
 */
export async function importFolder(dir: string, options: ImportFolderOptions = {}): Promise<ImportResult> {
  const {files, mapping, problems, tables} = folder(dir, options);
  return withConnection(options, async (connection) => {
    const validations = new Map<string, TableValidation>();
    for (const f of files) {
      const table = tables.find((t) => t.name === f.table)!;
      let v: TableValidation | undefined;
      const end = await readFile(connection, dir, f, (head) => ((v = new TableValidation(table, head, mapping)), (columns, length) => v!.pushColumns(columns, length)));
      v!.end(end);
      validations.set(f.table, v!);
    }
    const late = new Map<string, Map<number, readonly (string | null)[]>>();
    for (const [name, rows] of finishValidations(validations, tables)) late.set(name, await rowsOf(connection, dir, files.find((f) => f.table === name)!, rows, validations.get(name)!));
    return importResult(validations, late, {mode: options.mode, problems, tables});
  });
}

/** The rows `wanted` (1-based, ascending) of a table file, read again, as text. */
async function rowsOf(connection: DuckDBConnection, dir: string, f: FolderFile, wanted: readonly number[], v: TableValidation): Promise<Map<number, readonly (string | null)[]>> {
  const out = new Map<number, readonly (string | null)[]>();
  let row = 0, k = 0;
  await readFile(connection, dir, f, () => (columns, length) => {
    for (let i = 0; i < length; i++) if (++row === wanted[k]) out.set(wanted[k++], v.rowText((j) => columns[j][i]));
  });
  return out;
}
