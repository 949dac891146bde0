import type {ColumnType} from "../schema.js";
import {importTable, type ImportTable} from "./contract.js";

/**
 * The import contract as PostgreSQL: the DDL of each import table and the psql script that loads an
 * export's CSV files into a schema, so that a world exported in the import format can be read back by
 * the database source (data-loaders/_importDatabase.ts) exactly as a platform's own tables would be.
 * Timestamps are timestamptz (an instant, read back in UTC); a column is NOT NULL only when the contract
 * requires it and does not accept null, so a table holds whatever the validator would judge.
 */

/** The PostgreSQL type of each contract type. */
export const POSTGRES_TYPES: Readonly<Record<ColumnType, string>> = {
  int: "bigint",
  float: "double precision",
  bool: "boolean",
  date: "date",
  timestamp: "timestamptz",
  string: "text"
};

/** An identifier quoted for SQL: in double quotes, a double quote doubled (as pg's escapeIdentifier does). */
export const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A string literal for SQL (PostgreSQL, psql and DuckDB alike): in single quotes, a single quote doubled. */
export const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

const fail = (message: string): never => {
  throw new Error(`import contract: ${message}`);
};

const tableOf = (table: ImportTable | string) => (typeof table === "string" ? importTable(table) : table);

/**
 * CREATE TABLE for one import table in a schema: every contract column with its type, or only `only`
 * (in that order) when the platform has some of the optional columns. A column the table has is read
 * as supplied, so an optional column filled with NULL would be judged as missing values, not as absent.
 */
export function createTableSql(schema: string, table: ImportTable | string, only?: readonly string[]): string {
  const t = tableOf(table);
  const picked = only ? only.map((name) => t.columns.find((c) => c.name === name) ?? fail(`${t.name} has no column ${name}`)) : t.columns;
  const columns = picked.map((c) => `  ${quoteIdentifier(c.name)} ${POSTGRES_TYPES[c.type]}${c.required && !c.nullable ? " NOT NULL" : ""}`);
  return `CREATE TABLE ${quoteIdentifier(schema)}.${quoteIdentifier(t.name)} (\n${columns.join(",\n")}\n);`;
}

/**
 * A psql script that creates the schema and the tables and loads each table from `<table>.csv` (RFC 4180
 * with a header line, as the export writes it) in one transaction that stops at the first error. psql
 * resolves \copy's file against its working directory, so the script is run from its own folder:
 * `cd <folder> && psql "$DATABASE_URL" -f load.sql`. `columns` gives a file's columns when the file does
 * not hold every contract column in contract order: the table is created with those columns only (the
 * header line itself is skipped, not matched).
 * An existing table is an error rather than being replaced or appended to.
 */
export function postgresLoadScript(schema: string, tables: readonly string[], columns: Readonly<Record<string, readonly string[]>> = {}): string {
  // A psql meta-command ends at the line's end: a schema name that holds one cannot be written in it.
  if (/[\u0000-\u001f]/.test(schema)) throw new Error(`postgresLoadScript: schema name ${JSON.stringify(schema)} holds a control character`);
  const lines = [
    `-- Loads the workbook's import tables into schema ${schema} from the CSV files beside this script.`,
    "-- Run it from this folder: psql \"$DATABASE_URL\" -f <this file>. Every timestamp in the files is UTC.",
    "\\set ON_ERROR_STOP on",
    "BEGIN;",
    "SET LOCAL TIME ZONE 'UTC';",
    `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)};`
  ];
  for (const name of tables) lines.push(createTableSql(schema, name, columns[name]));
  for (const name of tables) {
    const list = columns[name] ?? importTable(name).columns.map((c) => c.name);
    const target = `${quoteIdentifier(schema)}.${quoteIdentifier(name)} (${list.map(quoteIdentifier).join(", ")})`;
    lines.push(`\\copy ${target} FROM ${quoteLiteral(`${name}.csv`)} WITH (FORMAT csv, HEADER true)`);
  }
  lines.push("COMMIT;", "");
  return lines.join("\n");
}
