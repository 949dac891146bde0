import {Bool, DateDay, Dictionary, Float32, Float64, Int16, Int32, Int8, Table, TimestampMillisecond, Utf8, makeData, makeVector, tableToIPC, type Data, type DataType, type Vector} from "apache-arrow";
import {assertTable, rowCount, type ColumnSpec, type Columns, type TableSchema} from "./schema.js";

/**
 * Arrow columns built straight into typed arrays, one pass per column: apache-arrow's builders
 * (`vectorFromArray`) box every value through a generic setter, which made encoding most of the large
 * builds' write time. The layout is the builders' own (first-seen dictionary order, zeros under nulls,
 * no validity bitmap without nulls, bitmaps padded to 64 bytes), so the IPC bytes are the same; tests/unit/io/arrow.test.ts checks
 * that against vectorFromArray.
 */

const DAY_MS = 86_400_000;

/** The narrowest dictionary index that holds this many distinct values. */
function indexType(distinct: number): Int8 | Int16 | Int32 {
  return distinct < 128 ? new Int8() : distinct < 32_768 ? new Int16() : new Int32();
}

/** Bytes of a bitmap of n bits as apache-arrow's builders size it (a multiple of 64), which the IPC writer writes whole. */
function bitmapBytes(n: number): number {
  const last = Math.ceil(n / 8) - 1;
  return last - (last % 64) + 64 || 64;
}

const isNull = (v: unknown) => v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));

/** Validity bits (1 = present) and the null count of a column; no bitmap when nothing is null. */
function validity(data: ArrayLike<unknown>): {nullCount: number; nullBitmap?: Uint8Array} {
  let nullCount = 0;
  for (let i = 0; i < data.length; i++) if (isNull(data[i])) nullCount++;
  if (nullCount === 0) return {nullCount};
  const nullBitmap = new Uint8Array(bitmapBytes(data.length));
  for (let i = 0; i < data.length; i++) if (!isNull(data[i])) nullBitmap[i >> 3] |= 1 << (i & 7);
  return {nullCount, nullBitmap};
}

/** UTF-8 bytes and offsets of strings (nulls as empty strings). */
function utf8Data(strings: ArrayLike<unknown>, valid: {nullCount: number; nullBitmap?: Uint8Array} = {nullCount: 0}): Data<Utf8> {
  const encoder = new TextEncoder();
  const valueOffsets = new Int32Array(strings.length + 1);
  let bytes = new Uint8Array(Math.max(64, strings.length * 8));
  let end = 0;
  for (let i = 0; i < strings.length; i++) {
    const s = strings[i];
    if (!isNull(s)) {
      const text = String(s);
      // encodeInto writes at most 3 bytes per UTF-16 unit.
      if (end + text.length * 3 > bytes.length) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, end + text.length * 3));
        grown.set(bytes.subarray(0, end));
        bytes = grown;
      }
      end += encoder.encodeInto(text, bytes.subarray(end)).written;
    }
    valueOffsets[i + 1] = end;
  }
  return makeData({type: new Utf8(), length: strings.length, ...valid, valueOffsets, data: bytes.subarray(0, end)});
}

/** Dictionary indexes in first-seen order, and the dictionary itself. */
function dictionaryData(spec: ColumnSpec, strings: ArrayLike<unknown>, id: number, valid: {nullCount: number; nullBitmap?: Uint8Array}): Data<Dictionary> {
  const index = new Map<string, number>();
  const seen: string[] = [];
  const codes = new Int32Array(strings.length);
  for (let i = 0; i < strings.length; i++) {
    const s = strings[i];
    if (isNull(s)) continue;
    const text = String(s);
    let code = index.get(text);
    if (code === undefined) {
      code = seen.length;
      index.set(text, code);
      seen.push(text);
    }
    codes[i] = code;
  }
  const indices = indexType(spec.values?.length ?? seen.length);
  const data = indices instanceof Int8 ? Int8Array.from(codes) : indices instanceof Int16 ? Int16Array.from(codes) : codes;
  const type = new Dictionary(new Utf8(), indices, id);
  return makeData({type, length: strings.length, ...valid, data, dictionary: makeVector(utf8Data(seen))}) as Data<Dictionary>;
}

/** One column as Arrow data. `id` numbers dictionaries by column: apache-arrow would draw them from a global counter, so the same table encoded twice in one process would differ. */
function columnData(spec: ColumnSpec, data: ArrayLike<unknown>, id: number): Data<DataType> {
  const valid = validity(data);
  const n = data.length;
  const fill = <T extends {length: number; [i: number]: number | bigint}>(out: T, value: (v: any) => number | bigint): T => {
    for (let i = 0; i < n; i++) if (!isNull(data[i])) out[i] = value(data[i]);
    return out;
  };
  switch (spec.type) {
    case "int":
      return makeData({type: new Int32(), length: n, ...valid, data: fill(new Int32Array(n), Number)});
    case "float":
      return spec.float32
        ? makeData({type: new Float32(), length: n, ...valid, data: fill(new Float32Array(n), Number)})
        : makeData({type: new Float64(), length: n, ...valid, data: fill(new Float64Array(n), Number)});
    case "bool": {
      const bits = new Uint8Array(bitmapBytes(n));
      for (let i = 0; i < n; i++) if (!isNull(data[i]) && data[i]) bits[i >> 3] |= 1 << (i & 7);
      return makeData({type: new Bool(), length: n, ...valid, data: bits});
    }
    case "date": {
      const days = new Map<string, number>();
      const day = (v: string) => {
        let d = days.get(v);
        if (d === undefined) days.set(v, (d = Math.floor(new Date(`${v}T00:00:00Z`).valueOf() / DAY_MS)));
        return d;
      };
      return makeData({type: new DateDay(), length: n, ...valid, data: fill(new Int32Array(n), day)});
    }
    case "timestamp":
      return makeData({type: new TimestampMillisecond(), length: n, ...valid, data: fill(new BigInt64Array(n), BigInt) as never});
    case "string":
      // A table with no rows has no record batch to carry a dictionary batch, and readers (arquero)
      // cannot read a dictionary column without one: its strings are plain.
      return (spec.dictionary ?? Boolean(spec.values)) && data.length > 0 ? dictionaryData(spec, data, id, valid) : utf8Data(data, valid);
  }
}

/** Checks the columns against the schema, then builds an Arrow table with the schema's column order and types. */
export function toArrowTable(schema: TableSchema, columns: Columns, others: Record<string, Columns> | null = {}): Table {
  assertTable(schema, columns, others);
  const vectors: Record<string, Vector> = {};
  schema.columns.forEach((spec, id) => {
    vectors[spec.name] = makeVector(columnData(spec, columns[spec.name], id));
  });
  const table = new Table(vectors);
  if (table.numRows !== rowCount(columns)) throw new Error(`arrow table ${schema.name}: ${table.numRows} rows, expected ${rowCount(columns)}`);
  return table;
}

/** Arrow IPC file bytes of a checked table. */
export function encodeArrow(schema: TableSchema, columns: Columns, others: Record<string, Columns> | null = {}): Uint8Array {
  return tableToIPC(toArrowTable(schema, columns, others), "file");
}
