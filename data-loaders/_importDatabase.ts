import {readFileSync} from "node:fs";
import pg from "pg";
import {IMPORT_TABLES, type ImportTable} from "../src/io/import/contract.js";
import type {Finding, Rule} from "../src/io/import/findings.js";
import {inert} from "../src/io/import/inert.js";
import {parseMapping} from "../src/io/import/mapping.js";
import {DOCUMENT_COLUMN, DOCUMENT_TABLES, documentTables, MODERATOR_DOCUMENTS} from "../src/io/import/moderatorDocuments.js";
import {validateImport, type ImportResult, type Mode, type RawTable} from "../src/io/import/validate.js";
import type {Mapping} from "../src/io/import/values.js";

/**
 * Reads a platform's tables from a live PostgreSQL database: the same raw tables as the folder source
 * (data-loaders/_importFiles.ts), every value as text in the form a CSV file holds, so that the
 * validator (src/io/import/validate.ts) types and judges both sources alike.
 *
 * - One connection, one read-only transaction (repeatable read: every table from one snapshot), time
 *   zone UTC. Values travel as query parameters (the schema name in the catalog lookup); identifiers are
 *   quoted, and only the contract's table and column names are ever written into SQL, never a name the
 *   database returned.
 * - timestamptz becomes ISO 8601 in UTC with Z (to the microsecond; infinity as written, which the
 *   validator rejects); `timestamp without time zone` its text with no offset, which the validator
 *   reports as a non-UTC timestamp rather than guessing a zone; date YYYY-MM-DD; boolean true/false;
 *   numbers their text; NULL null.
 * - Rows come in a fixed order: by the table's key columns (then ctid) when the table has them, by ctid
 *   otherwise (by every column for a view).
 * - A contract table the schema lacks gives no raw table (a required one is a "missing table"); a column
 *   it lacks is absent from the header; a column outside the contract is a warning and is not read; a
 *   relation outside the contract is an "unknown file" warning.
 * - A relation PostgreSQL cannot read (no privilege, a view that fails) is an "unreadable file" finding.
 * - Moderator sessions may come as seed 004 stores them, one JSON document per moderator in
 *   moderator_documents.document (src/io/import/moderatorDocuments.ts), instead of as three tables.
 */

export interface ImportDatabaseOptions {
  mode?: Mode;
  /** The schema to read (default "public"). */
  schema?: string;
  /** A mapping file (src/io/import/mapping.ts); none by default. */
  mappingFile?: string;
  tables?: readonly ImportTable[];
}

interface Relation {
  /** r table, p partitioned table, v view, m materialized view, f foreign table. */
  kind: string;
  /** Column names and types (format_type), in the relation's order. */
  columns: Map<string, string>;
}

type Client = pg.Client;

/** The relations of a schema and their columns, from the catalog (materialized views included). */
const CATALOG = `SELECT c.relname, c.relkind, a.attname, format_type(a.atttypid, a.atttypmod)
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
ORDER BY c.relname, a.attnum`;

/** A finding about the schema or a whole table. */
const tableFinding = (table: string, rule: Rule, detail: string, severity: Finding["severity"] = "error", value = "", column = "*"): Finding => ({table, row: null, column, rule, value, detail, severity});

/** Runs `work` in one read-only transaction in UTC, committed when it succeeds and rolled back when it throws. */
export async function inReadOnlyTransaction<T>(client: Client, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    await client.query("SET LOCAL TIME ZONE 'UTC'");
    await client.query("SET LOCAL DateStyle = 'ISO, YMD'");
    // Shortest text that reads back as the same double.
    await client.query("SET LOCAL extra_float_digits = 1");
    const out = await work();
    await client.query("COMMIT");
    return out;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

async function catalog(client: Client, schema: string): Promise<Map<string, Relation>> {
  const result = await client.query<[string, string, string | null, string | null]>({text: CATALOG, values: [schema], rowMode: "array"});
  const relations = new Map<string, Relation>();
  for (const [name, kind, column, type] of result.rows) {
    if (!relations.has(name)) relations.set(name, {kind, columns: new Map()});
    if (column !== null) relations.get(name)!.columns.set(column, type ?? "");
  }
  return relations;
}

/** A column's value as the text the validator parses. */
function textOf(client: Client, column: string, type: string): string {
  const c = `t.${client.escapeIdentifier(column)}`;
  if (type !== "timestamp with time zone") return `${c}::text`;
  // to_char writes no era: years before 1 AD, and infinity, keep PostgreSQL's own text for the validator to reject.
  return `CASE WHEN isfinite(${c}) AND ${c} >= '0001-01-01 00:00:00+00' THEN to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') ELSE ${c}::text END`;
}

/** The warnings for a relation's columns outside the contract (not read, never named in SQL). */
function extraColumns(table: ImportTable, relation: Relation): Finding[] {
  return [...relation.columns.keys()]
    .filter((name) => !table.columns.some((c) => c.name === name))
    .map((name) => {
      const derived = table.derived.find((d) => d.column === name);
      if (derived) return tableFinding(table.name, "derived column", `not read: the workbook derives it from ${derived.from}`, "warning", inert(name), derived.column);
      return tableFinding(table.name, "unknown column", `not read: the contract's columns are ${table.columns.map((c) => c.name).join(", ")}`, "warning", inert(name), inert(name));
    });
}

/** One contract table's rows, every value text, in a fixed order. */
async function readTable(client: Client, schema: string, table: ImportTable, relation: Relation): Promise<RawTable> {
  // The contract's own names, in the relation's column order.
  const header = [...relation.columns.keys()].flatMap((name) => table.columns.find((c) => c.name === name)?.name ?? []);
  const problems = extraColumns(table, relation);
  // With no contract column the rows are still counted (SELECT with no columns), as a file's would be.
  const select = header.map((name, i) => `${textOf(client, name, relation.columns.get(name)!)} AS c${i}`).join(", ");
  const hasRowIds = relation.kind !== "v" && relation.kind !== "f";
  const keyed = table.key.length > 0 && table.key.every((k) => relation.columns.has(k));
  // tableoid first: a partitioned table's rows share ctids across its partitions.
  const order = [...(keyed ? table.key.map((k) => `t.${client.escapeIdentifier(k)}`) : []), ...(hasRowIds ? ["t.tableoid", "t.ctid"] : keyed ? [] : header.map((_, i) => String(i + 1)))];
  const from = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(table.name)} AS t`;
  const result = await client.query<(string | null)[]>({text: `SELECT ${select} FROM ${from}${order.length ? ` ORDER BY ${order.join(", ")}` : ""}`, rowMode: "array"});
  return {table: table.name, header, rows: result.rows, problems};
}

/**
 * Runs one relation's read under a savepoint, so that a relation PostgreSQL cannot read (no privilege,
 * a view that fails) is a finding on that table and the other tables are still read.
 */
async function guarded<T>(client: Client, table: string, read: () => Promise<T>, problems: Finding[]): Promise<T | null> {
  await client.query("SAVEPOINT relation");
  try {
    const out = await read();
    await client.query("RELEASE SAVEPOINT relation");
    return out;
  } catch (error) {
    if (!(error instanceof pg.DatabaseError)) throw error;
    await client.query("ROLLBACK TO SAVEPOINT relation");
    problems.push(tableFinding(table, "unreadable file", "a table or view PostgreSQL can read", "error", inert(error.message.split("\n")[0], 120)));
    return null;
  }
}

/** The moderator documents' tables (those the import asks for), or the finding that the documents cannot be read. */
async function readDocuments(client: Client, schema: string, relation: Relation, wanted: readonly string[]): Promise<{raws: RawTable[]; problems: Finding[]}> {
  if (!relation.columns.has(DOCUMENT_COLUMN)) return {raws: [], problems: [tableFinding(MODERATOR_DOCUMENTS, "missing column", "a json or jsonb column holding one document per moderator", "error", "", DOCUMENT_COLUMN)]};
  const c = `t.${client.escapeIdentifier(DOCUMENT_COLUMN)}`;
  const from = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(MODERATOR_DOCUMENTS)} AS t`;
  // Documents in the order of their text, so the identifiers they are numbered by do not depend on storage.
  const result = await client.query<[string | null]>({text: `SELECT ${c}::text FROM ${from} ORDER BY ${c}::text COLLATE "C"`, rowMode: "array"});
  const {raws, problems} = documentTables(result.rows.map((r) => r[0]));
  return {raws: raws.filter((r) => wanted.includes(r.table)), problems};
}

/** Every contract table of the schema read as text, with the schema's findings. */
async function readSchema(client: Client, schema: string, tables: readonly ImportTable[]): Promise<{raws: RawTable[]; problems: Finding[]}> {
  const relations = await catalog(client, schema);
  const names = new Set(tables.map((t) => t.name));
  const problems: Finding[] = [];
  for (const name of relations.keys()) {
    if (names.has(name) || name === MODERATOR_DOCUMENTS) continue;
    problems.push(tableFinding("database", "unknown file", `a table or view named one of ${[...names, MODERATOR_DOCUMENTS].join(", ")}`, "warning", inert(name)));
  }
  const documents = relations.get(MODERATOR_DOCUMENTS);
  const fromDocuments: string[] = documents ? DOCUMENT_TABLES.filter((t) => names.has(t)) : [];
  // A table supplied both ways is read from neither: which one is right cannot be known.
  const both = fromDocuments.filter((t) => relations.has(t));
  for (const t of both) problems.push(tableFinding(t, "ambiguous table", `one source: the table ${t} or the documents of ${MODERATOR_DOCUMENTS}, not both`));
  const raws: RawTable[] = [];
  for (const table of tables) {
    const relation = relations.get(table.name);
    if (relation && !both.includes(table.name)) {
      const raw = await guarded(client, table.name, () => readTable(client, schema, table, relation), problems);
      if (raw) raws.push(raw);
    } else if (!relation && table.required && !fromDocuments.includes(table.name)) problems.push(tableFinding(table.name, "missing table", `a table or view ${table.name} in schema ${inert(schema)}`));
  }
  if (documents && fromDocuments.length > both.length) {
    const read = await guarded(client, MODERATOR_DOCUMENTS, () => readDocuments(client, schema, documents, fromDocuments.filter((t) => !both.includes(t))), problems);
    raws.push(...(read?.raws ?? []));
    problems.push(...(read?.problems ?? []));
  }
  return {raws, problems};
}

function readMapping(path: string | undefined): {mapping: Mapping; findings: Finding[]} {
  if (path === undefined) return {mapping: {}, findings: []};
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return {mapping: {}, findings: [tableFinding("mapping", "invalid mapping", `a mapping file that can be read (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`, "error", inert(path))]};
  }
  return parseMapping(text);
}

/** Every contract table of a database schema read as text, with the schema's and the mapping file's findings. */
export async function readImportDatabase(url: string, options: ImportDatabaseOptions = {}): Promise<{raws: RawTable[]; mapping: Mapping; problems: Finding[]}> {
  const {schema = "public", tables = IMPORT_TABLES} = options;
  const {mapping, findings} = readMapping(options.mappingFile);
  const client = new pg.Client({connectionString: url, application_name: "workbook-import"});
  await client.connect();
  try {
    const {raws, problems} = await inReadOnlyTransaction(client, () => readSchema(client, schema, tables));
    return {raws, mapping, problems: [...findings, ...problems]};
  } finally {
    await client.end();
  }
}

/** A database schema's tables read and validated: every row accounted for (validateImport). */
export async function importDatabase(url: string, options: ImportDatabaseOptions = {}): Promise<ImportResult> {
  const {raws, mapping, problems} = await readImportDatabase(url, options);
  return validateImport(raws, {mode: options.mode, mapping, problems, tables: options.tables});
}
