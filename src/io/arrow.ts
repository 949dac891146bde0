import {Bool, DateDay, Dictionary, Float32, Float64, Int16, Int32, Int8, Table, TimestampMillisecond, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector} from "apache-arrow";
import {assertTable, rowCount, type ColumnSpec, type Columns, type TableSchema} from "./schema.js";

/** The narrowest dictionary index that holds this many distinct values. */
function indexType(distinct: number): Int8 | Int16 | Int32 {
  return distinct < 128 ? new Int8() : distinct < 32_768 ? new Int16() : new Int32();
}

/** `id` numbers dictionaries by column: apache-arrow would draw them from a global counter, so the same table encoded twice in one process would differ. */
function arrowType(spec: ColumnSpec, data: ArrayLike<unknown>, id: number): DataType {
  switch (spec.type) {
    case "int":
      return new Int32();
    case "float":
      return spec.float32 ? new Float32() : new Float64();
    case "bool":
      return new Bool();
    case "date":
      return new DateDay();
    case "timestamp":
      return new TimestampMillisecond();
    case "string":
      if (!(spec.dictionary ?? Boolean(spec.values))) return new Utf8();
      return new Dictionary(new Utf8(), indexType(spec.values?.length ?? new Set(Array.from(data)).size), id);
  }
}

function values(spec: ColumnSpec, data: ArrayLike<unknown>): unknown[] {
  const out = new Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) out[i] = null;
    else if (spec.type === "date") out[i] = new Date(`${v as string}T00:00:00Z`);
    else if (spec.type === "bool") out[i] = Boolean(v);
    else out[i] = v;
  }
  return out;
}

/** Checks the columns against the schema, then builds an Arrow table with the schema's column order and types. */
export function toArrowTable(schema: TableSchema, columns: Columns, others: Record<string, Columns> | null = {}): Table {
  assertTable(schema, columns, others);
  const vectors: Record<string, Vector> = {};
  schema.columns.forEach((spec, id) => {
    vectors[spec.name] = vectorFromArray(values(spec, columns[spec.name]), arrowType(spec, columns[spec.name], id) as never) as Vector;
  });
  const table = new Table(vectors);
  if (table.numRows !== rowCount(columns)) throw new Error(`arrow table ${schema.name}: ${table.numRows} rows, expected ${rowCount(columns)}`);
  return table;
}

/** Arrow IPC file bytes of a checked table. */
export function encodeArrow(schema: TableSchema, columns: Columns, others: Record<string, Columns> | null = {}): Uint8Array {
  return tableToIPC(toArrowTable(schema, columns, others), "file");
}
