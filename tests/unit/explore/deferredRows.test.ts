import {describe, expect, it} from "vitest";
import {deferredRows} from "../../../src/explore/deferredRows.js";

describe("deferredRows(length, build)", () => {
  it("gives its length without building, and builds once on the first read of a row", () => {
    let builds = 0;
    const rows = deferredRows(2, () => (builds++, [{a: 1}, {a: 2}]));
    expect(rows.length).toBe(2);
    expect(builds).toBe(0);
    expect(rows.map((r) => r.a)).toEqual([1, 2]);
    expect(rows[1]).toEqual({a: 2});
    expect([...rows]).toEqual([{a: 1}, {a: 2}]);
    expect(builds).toBe(1);
  });
  it("throws when the rows built are not as many as it promised", () => {
    expect(() => deferredRows(3, () => [1]).map((x) => x)).toThrow("deferredRows: built 1 rows, expected 3");
  });
});
