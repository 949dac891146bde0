import {tableFromArrays, tableToIPC} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {loadArrow, toRows} from "../../../src/io/readArrow.js";

function attachment(bytes: Uint8Array, name = "data/x.arrow") {
  return {name, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer};
}

const table = tableFromArrays({
  date: [new Date(Date.UTC(2025, 2, 1)), new Date(Date.UTC(2025, 2, 2))],
  n: Int8Array.from([6, 0]),
  big: BigInt64Array.from([1n, 2n]),
  flag: [true, false],
  label: ["Sat", "Sun"]
});

describe("loadArrow", () => {
  it("loadArrow(attachment) reads the file format", async () => {
    const t = await loadArrow(attachment(tableToIPC(table, "file")));
    expect(t.numRows).toBe(2);
    expect(t.schema.fields.map((f) => f.name)).toEqual(["date", "n", "big", "flag", "label"]);
  });

  it("loadArrow(attachment) reads the stream format", async () => {
    const t = await loadArrow(attachment(tableToIPC(table, "stream")));
    expect(t.getChild("label")!.toArray()).toEqual(["Sat", "Sun"]);
  });

  it("loadArrow(bytes) reads an ArrayBuffer, a Uint8Array or a promise of either", async () => {
    const bytes = tableToIPC(table, "file");
    const buffer = bytes.slice().buffer as ArrayBuffer;
    expect((await loadArrow(buffer)).numRows).toBe(2);
    expect((await loadArrow(bytes)).numRows).toBe(2);
    expect((await loadArrow(Promise.resolve(buffer))).numRows).toBe(2);
  });

  it("loadArrow(bytes) reads a Uint8Array view into a larger buffer", async () => {
    const bytes = tableToIPC(table, "stream");
    const padded = new Uint8Array(bytes.length + 16);
    padded.set(bytes, 8);
    expect((await loadArrow(padded.subarray(8, 8 + bytes.length))).numRows).toBe(2);
  });

  it("loadArrow(bytes, name) names the file in errors", async () => {
    await expect(loadArrow(new ArrayBuffer(0), "data/flags.arrow")).rejects.toThrow("empty arrow file: data/flags.arrow");
    await expect(loadArrow(new ArrayBuffer(0))).rejects.toThrow("empty arrow file: arrow file");
  });

  it("loadArrow(attachment) rejects an empty file, naming it", async () => {
    await expect(loadArrow(attachment(new Uint8Array(0), "data/empty.arrow"))).rejects.toThrow("empty arrow file: data/empty.arrow");
  });

  it("loadArrow(attachment) rejects bytes that are not Arrow, naming the file", async () => {
    const junk = new TextEncoder().encode("<!DOCTYPE html><html>not found</html>");
    await expect(loadArrow(attachment(junk, "data/missing.arrow"))).rejects.toThrow(/^invalid arrow file: data\/missing\.arrow/);
  });
});

describe("toRows", () => {
  it("toRows(table) gives plain objects with Date and number values", () => {
    const rows = toRows(table);
    expect(rows).toEqual([
      {date: new Date("2025-03-01T00:00:00Z"), n: 6, big: 1, flag: true, label: "Sat"},
      {date: new Date("2025-03-02T00:00:00Z"), n: 0, big: 2, flag: false, label: "Sun"}
    ]);
    expect(rows[0].date).toBeInstanceOf(Date);
  });

  it("toRows(table) keeps nulls", () => {
    const t = tableFromArrays({x: [1.5, null as unknown as number]});
    expect(toRows(t)).toEqual([{x: 1.5}, {x: null}]);
  });

  it("toRows(empty table) is empty", () => {
    expect(toRows(table.slice(0, 0))).toEqual([]);
  });
});
