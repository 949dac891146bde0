import {DuckDBDataChunk, DuckDBDateValue, DuckDBInstance, DuckDBTimestampValue, DuckDBTypeId, JSDuckDBValueConverter, type DuckDBConnection, type DuckDBValue, type DuckDBValueConverter} from "@duckdb/node-api";
import {SCHEMAS, type TableName} from "../src/io/contracts.js";
import type {ColumnSpec, Columns, TableSchema} from "../src/io/schema.js";

/**
 * Published tables in an in-memory DuckDB, for loaders that run SQL at build time. DuckDB cannot read
 * Arrow IPC here (the extension would have to be downloaded), so the columns go in through the
 * Appender, typed from their contracts: dates become DATE, timestamps (epoch ms) TIMESTAMP.
 *
 *     const db = await openDuckDB({flags: tables.flags, users: tables.users});
 *     try { rows = await db.query("SELECT count(*) AS n FROM flags"); } finally { db.close(); }
 *
 * Query results come back as plain rows: integers as numbers, DATE as "YYYY-MM-DD", TIMESTAMP as epoch
 * ms, so they can go straight into JSON and into the same code that reads the published tables.
 */

export type Row = Record<string, number | string | boolean | null>;

export interface DuckDB {
  query(sql: string): Promise<Row[]>;
  close(): void;
}

const SQL_TYPES: Record<ColumnSpec["type"], string> = {int: "INTEGER", float: "DOUBLE", string: "VARCHAR", bool: "BOOLEAN", date: "DATE", timestamp: "TIMESTAMP"};

const DAY_MS = 86_400_000;

/** A value as the appender takes it: dates become DATE (days), timestamps (epoch ms) TIMESTAMP (µs). */
function toDuckDB(spec: ColumnSpec, value: unknown): DuckDBValue {
  if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) return null;
  if (spec.type === "date") return new DuckDBDateValue(Math.floor(Date.parse(`${value as string}T00:00:00Z`) / DAY_MS));
  if (spec.type === "timestamp") return new DuckDBTimestampValue(BigInt(new Date(value as number).getTime()) * 1000n);
  if (spec.type === "bool") return Boolean(value);
  return value as DuckDBValue;
}

/** Rows per data chunk: DuckDB's vector size. */
const CHUNK_ROWS = 2048;

async function load(connection: DuckDBConnection, schema: TableSchema, columns: Columns): Promise<void> {
  const specs = schema.columns;
  for (const spec of specs) if (!(spec.name in columns)) throw new Error(`duckdb: table ${schema.name} has no column ${spec.name}`);
  await connection.run(`CREATE TABLE "${schema.name}" (${specs.map((s) => `"${s.name}" ${SQL_TYPES[s.type]}`).join(", ")})`);
  const appender = await connection.createAppender(schema.name);
  const types = specs.map((_, j) => appender.columnType(j));
  const data = specs.map((s) => columns[s.name] as ArrayLike<unknown>);
  const n = data[0]?.length ?? 0;
  // Column by column, a chunk at a time: the appender's row-by-row writer copies and converts each row.
  const values: DuckDBValue[] = [];
  for (let start = 0; start < n; start += CHUNK_ROWS) {
    const rows = Math.min(CHUNK_ROWS, n - start);
    const chunk = DuckDBDataChunk.create(types, rows);
    values.length = rows;
    for (let j = 0; j < specs.length; j++) {
      for (let i = 0; i < rows; i++) values[i] = toDuckDB(specs[j], data[j][start + i]);
      chunk.setColumnValues(j, values);
    }
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}

function fromDuckDB(typeId: DuckDBTypeId, value: unknown): number | string | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return typeId === DuckDBTypeId.DATE ? value.toISOString().slice(0, 10) : value.getTime();
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  // DECIMAL and friends: their string form is exact.
  return Number(String(value));
}

/**
 * Reads a result value as fromDuckDB reads the JS converter's value, with each distinct DATE converted
 * once: a table of user-days holds a few hundred dates in a hundred thousand rows.
 */
function rowValueConverter(): DuckDBValueConverter<number | string | boolean> {
  const dates = new Map<number, string>();
  return (value, type) => {
    if (value === null || value === undefined) return null;
    if (type.typeId === DuckDBTypeId.DATE) {
      const days = (value as DuckDBDateValue).days;
      let date = dates.get(days);
      if (date === undefined) dates.set(days, (date = fromDuckDB(type.typeId, JSDuckDBValueConverter(value, type, JSDuckDBValueConverter)) as string));
      return date;
    }
    return fromDuckDB(type.typeId, JSDuckDBValueConverter(value, type, JSDuckDBValueConverter));
  };
}

/** An in-memory database holding the given published tables (each checked against its contract's columns). */
export async function openDuckDB(tables: Partial<Record<TableName, Columns>>, schemas: Record<string, TableSchema> = SCHEMAS): Promise<DuckDB> {
  // One thread: parallel aggregation would add floating-point sums in a varying order, and the build must be byte-identical.
  const instance = await DuckDBInstance.create(":memory:", {threads: "1"});
  const connection = await instance.connect();
  try {
    for (const [name, columns] of Object.entries(tables) as [TableName, Columns][]) {
      const schema = schemas[name];
      if (!schema) throw new Error(`duckdb: no schema for table ${name}`);
      await load(connection, schema, columns);
    }
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    throw error;
  }
  return {
    async query(sql) {
      let reader;
      try {
        reader = await connection.runAndReadAll(sql);
      } catch (error) {
        throw new Error(`duckdb query failed: ${(error as Error).message.split("\n")[0]}\n${sql}`);
      }
      const names = reader.columnNames();
      const columns = reader.convertColumns(rowValueConverter());
      const rows: Row[] = [];
      for (let i = 0; i < reader.currentRowCount; i++) {
        const row: Row = {};
        for (let j = 0; j < names.length; j++) row[names[j]] = columns[j][i];
        rows.push(row);
      }
      return rows;
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    }
  };
}
