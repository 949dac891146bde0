import {describe, expect, it} from "vitest";
import {ColumnBuffer} from "../../../src/world/columnBuffer.js";

describe("ColumnBuffer", () => {
  it("row() returns 0, 1, 2, ... and grows every column past its capacity, keeping each column's type and rows", () => {
    const buffer = new ColumnBuffer({ts: new Float64Array(2), user: new Int32Array(2), flag: new Uint8Array(2)}, 2);
    for (let i = 0; i < 5; i++) {
      const k = buffer.row();
      expect(k).toBe(i);
      buffer.cols.ts[k] = i + 0.5;
      buffer.cols.user[k] = -i;
      buffer.cols.flag[k] = i % 2;
    }
    expect(buffer.length).toBe(5);
    expect(buffer.cols.ts).toBeInstanceOf(Float64Array);
    expect(buffer.cols.user).toBeInstanceOf(Int32Array);
    expect(buffer.cols.flag).toBeInstanceOf(Uint8Array);
    expect(buffer.cols.ts.length).toBe(8);
    expect([...buffer.cols.ts.subarray(0, 5)]).toEqual([0.5, 1.5, 2.5, 3.5, 4.5]);
    expect([...buffer.cols.user.subarray(0, 5)]).toEqual([0, -1, -2, -3, -4]);
    expect([...buffer.cols.flag.subarray(0, 5)]).toEqual([0, 1, 0, 1, 0]);
  });

  it("trimmed() gives the filled rows as views of the columns, with the length", () => {
    const buffer = new ColumnBuffer({a: new Int16Array(4)}, 4);
    buffer.cols.a[buffer.row()] = 7;
    buffer.cols.a[buffer.row()] = 9;
    const t = buffer.trimmed();
    expect(t.length).toBe(2);
    expect([...t.a]).toEqual([7, 9]);
    expect(t.a.buffer).toBe(buffer.cols.a.buffer);
  });

  it("grows from a capacity of 0", () => {
    const buffer = new ColumnBuffer({a: new Float32Array(0)}, 0);
    for (const value of [1, 2]) {
      // row() may replace the arrays: read cols after it.
      const k = buffer.row();
      buffer.cols.a[k] = value;
    }
    expect([...buffer.trimmed().a]).toEqual([1, 2]);
  });

  it("rejects a column whose length is not the capacity", () => {
    expect(() => new ColumnBuffer({a: new Int32Array(3), b: new Int32Array(4)}, 4)).toThrow(/column a has 3 rows, not 4/);
  });
});
