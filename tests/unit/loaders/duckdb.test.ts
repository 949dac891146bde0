import {describe, expect, it} from "vitest";
import {openDuckDB} from "../../../data-loaders/_duckdb.js";
import type {TableSchema} from "../../../src/io/schema.js";

const SAMPLE: TableSchema = {
  name: "sample",
  description: "Every column type, with nulls.",
  grain: "row",
  columns: [
    {name: "id", type: "int", description: ""},
    {name: "x", type: "float", nullable: true, description: ""},
    {name: "s", type: "string", nullable: true, description: ""},
    {name: "b", type: "bool", description: ""},
    {name: "d", type: "date", nullable: true, description: ""},
    {name: "t", type: "timestamp", description: ""}
  ]
};

// 5,000 rows: more than two of DuckDB's 2,048-row chunks.
const n = 5000;
const columns = {
  id: Array.from({length: n}, (_, i) => i),
  x: Array.from({length: n}, (_, i) => (i % 7 === 0 ? NaN : i / 8)),
  s: Array.from({length: n}, (_, i) => (i % 5 === 0 ? null : `é${i % 13}`)),
  b: Array.from({length: n}, (_, i) => i % 3 === 0),
  d: Array.from({length: n}, (_, i) => (i % 11 === 0 ? null : `2025-0${1 + (i % 9)}-1${i % 10}`)),
  t: Array.from({length: n}, (_, i) => Date.UTC(2025, 5, 1) + i * 61_001)
};

describe("openDuckDB", () => {
  it("openDuckDB(tables).query(sql) gives back every value loaded: NaN and null as null, dates as YYYY-MM-DD, timestamps as epoch ms", async () => {
    const db = await openDuckDB({sample: columns} as never, {sample: SAMPLE});
    try {
      const rows = await db.query("SELECT * FROM sample ORDER BY id");
      expect(rows.length).toBe(n);
      rows.forEach((r, i) => expect(r).toEqual({id: i, x: Number.isNaN(columns.x[i]) ? null : columns.x[i], s: columns.s[i], b: columns.b[i], d: columns.d[i], t: columns.t[i]}));
    } finally {
      db.close();
    }
  });
  it("openDuckDB(tables).query(sql) reads BIGINT counts and DECIMAL arithmetic as numbers", async () => {
    const db = await openDuckDB({sample: columns} as never, {sample: SAMPLE});
    try {
      const [r] = await db.query("SELECT count(*) AS rows, count(s) AS strings, 1.5 * 2 AS decimal, max(d) AS last, min(t) AS first FROM sample");
      expect(r).toEqual({rows: n, strings: n - n / 5, decimal: 3, last: "2025-09-19", first: Date.UTC(2025, 5, 1)});
    } finally {
      db.close();
    }
  });
});
