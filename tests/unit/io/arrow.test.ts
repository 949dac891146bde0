import {Bool, DateDay, Dictionary, Float32, Float64, Int16, Int32, Int8, Table, TimestampMillisecond, Utf8, tableFromIPC, tableToIPC, vectorFromArray, type DataType, type Vector} from "apache-arrow";
import * as aq from "arquero";
import {describe, expect, it} from "vitest";
import {encodeArrow} from "../../../src/io/arrow.js";
import type {ColumnSpec, Columns, TableSchema} from "../../../src/io/schema.js";

/**
 * The reference: the same table through apache-arrow's own builders (vectorFromArray), with the
 * types the contracts ask for. encodeArrow fills typed arrays itself and must give the same bytes.
 */
function referenceBytes(schema: TableSchema, columns: Columns): Uint8Array {
  const vectors: Record<string, Vector> = {};
  schema.columns.forEach((spec, id) => {
    const data = Array.from(columns[spec.name] as ArrayLike<unknown>, (v) =>
      v === null || v === undefined || (typeof v === "number" && Number.isNaN(v)) ? null : spec.type === "date" ? new Date(`${v}T00:00:00Z`) : spec.type === "bool" ? Boolean(v) : v
    );
    const distinct = spec.values?.length ?? new Set(data.filter((v) => v !== null)).size;
    const index = distinct < 128 ? new Int8() : distinct < 32_768 ? new Int16() : new Int32();
    const types: Record<string, DataType> = {
      int: new Int32(),
      float: spec.float32 ? new Float32() : new Float64(),
      bool: new Bool(),
      date: new DateDay(),
      timestamp: new TimestampMillisecond(),
      string: spec.dictionary ?? Boolean(spec.values) ? new Dictionary(new Utf8(), index, id) : new Utf8()
    };
    vectors[spec.name] = vectorFromArray(data, types[spec.type] as never) as Vector;
  });
  return tableToIPC(new Table(vectors), "file");
}

const col = (name: string, type: ColumnSpec["type"], extra: Partial<ColumnSpec> = {}): ColumnSpec => ({name, type, description: name, nullable: true, ...extra});

const SCHEMA: TableSchema = {
  name: "fixture",
  description: "every column type, with nulls",
  grain: "one row per fixture value",
  columns: [
    col("n", "int"),
    col("x", "float"),
    col("score", "float", {float32: true}),
    col("ok", "bool"),
    col("day", "date"),
    col("ts", "timestamp"),
    col("text", "string"),
    col("kind", "string", {values: ["a", "b", "c"]}),
    col("who", "string", {dictionary: true})
  ]
};

function fixture(n: number): Columns {
  const pick = <T>(fn: (i: number) => T) => Array.from({length: n}, (_, i) => fn(i));
  return {
    n: pick((i) => (i % 7 === 3 ? null : i * 3 - 50)),
    x: pick((i) => (i % 5 === 1 ? NaN : i / 3)),
    score: pick((i) => (i % 11 === 0 ? null : Math.sin(i))),
    ok: pick((i) => (i % 9 === 4 ? null : i % 2 === 0)),
    day: pick((i) => (i % 13 === 6 ? null : `2025-0${3 + (i % 6)}-${String(1 + (i % 28)).padStart(2, "0")}`)),
    ts: pick((i) => (i % 17 === 2 ? null : Date.UTC(2025, 2, 1) + i * 3_600_123)),
    text: pick((i) => (i % 4 === 0 ? null : i % 3 === 0 ? "" : `n° ${i} — ünïcödé 🚩 <b>`)),
    kind: pick((i) => (i % 10 === 0 ? null : ["c", "a", "b"][i % 3])),
    who: pick((i) => (i % 8 === 5 ? null : `U${(i * 7919) % 300}`))
  };
}

describe("encodeArrow", () => {
  for (const n of [1, 7, 8, 9, 513, 2000]) {
    it(`encodeArrow(schema, ${n} rows) gives the bytes of apache-arrow's builders`, () => {
      const columns = fixture(n);
      expect(Buffer.from(encodeArrow(SCHEMA, columns, null)).equals(Buffer.from(referenceBytes(SCHEMA, columns)))).toBe(true);
    });
  }

  it("encodeArrow writes a table with no rows that arquero reads, its dictionary columns as plain strings (no batch carries a dictionary)", () => {
    const empty = encodeArrow({...SCHEMA, mayBeEmpty: true}, Object.fromEntries(SCHEMA.columns.map((c) => [c.name, []])), null);
    expect(String(tableFromIPC(empty).schema.fields.find((f) => f.name === "kind")!.type)).toBe("Utf8");
    const table = aq.fromArrow(empty);
    expect([table.numRows(), table.columnNames()]).toEqual([0, SCHEMA.columns.map((c) => c.name)]);
  });

  it("encodeArrow picks the narrowest dictionary index and reads back every value", () => {
    const columns = fixture(2000);
    const table = tableFromIPC(encodeArrow(SCHEMA, columns, null));
    expect(String(table.schema.fields.find((f) => f.name === "kind")!.type)).toBe("Dictionary<Int8, Utf8>");
    expect(String(table.schema.fields.find((f) => f.name === "who")!.type)).toBe("Dictionary<Int16, Utf8>");
    expect(table.getChild("who")!.get(5)).toBeNull();
    expect(table.getChild("who")!.get(6)).toBe(`U${(6 * 7919) % 300}`);
    expect(table.getChild("text")!.get(7)).toBe("n° 7 — ünïcödé 🚩 <b>");
    expect(table.getChild("x")!.get(1)).toBeNull();
    expect(table.getChild("day")!.get(0)).toBe(Date.UTC(2025, 2, 1));
    expect(table.getChild("ts")!.get(3)).toBe(Date.UTC(2025, 2, 1) + 3 * 3_600_123);
  });

  it("encodeArrow checks the contract first and names the culprit", () => {
    const columns = {...fixture(3), kind: ["a", "z", "b"]};
    expect(() => encodeArrow(SCHEMA, columns, null)).toThrow(/kind/);
  });
});
