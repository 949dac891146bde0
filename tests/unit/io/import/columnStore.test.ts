import {describe, expect, it} from "vitest";
import {ColumnStore} from "../../../../src/io/import/columnStore.js";

describe("ColumnStore", () => {
  it("keeps a numeric column without nulls as a Float64Array, growing past its first block", () => {
    const s = new ColumnStore({type: "timestamp"});
    for (let i = 0; i < 3000; i++) s.push(i * 1000);
    expect([s.length, s.get(2999), s.values() instanceof Float64Array, (s.values() as Float64Array)[1500]]).toEqual([3000, 2_999_000, true, 1_500_000]);
  });

  it("sizes a numeric column to the rows expected, and gives as many values as arrived, fewer or more", () => {
    const fewer = new ColumnStore({type: "int"}, 5000);
    for (const v of [1, 2, 3]) fewer.push(v);
    const more = new ColumnStore({type: "int"}, 2);
    for (const v of [1, 2, 3]) more.push(v);
    expect([fewer.values(), more.values(), fewer.numeric, new ColumnStore({type: "date"}).numeric]).toEqual([Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 3), true, false]);
  });

  it("gives a numeric column with a null as a Float64Array with NaN there (get says null), and a subset of rows as asked", () => {
    const s = new ColumnStore({type: "float"});
    for (const v of [0.5, null, 2]) s.push(v);
    expect([s.values(), s.get(1), s.get(2)]).toEqual([Float64Array.of(0.5, NaN, 2), null, 2]);
    expect([s.values(Int32Array.of(0, 2)), s.values([1, 2])]).toEqual([Float64Array.of(0.5, 2), Float64Array.of(NaN, 2)]);
  });

  it("keeps every value of an identifier column whose values mostly differ, past the row where it stops interning them", () => {
    const ids = new ColumnStore({type: "string", identifier: true});
    for (let i = 0; i < 1_000_050; i++) ids.push(i % 7 === 0 ? null : `u${i % 1_000_020}`);
    const values = ids.values() as (string | null)[];
    expect([values.length, values[1], values[7], values[1_000_021], values[1_000_049]]).toEqual([1_000_050, "u1", null, "u1", "u29"]);
  });

  it("keeps text columns as arrays, null where a value is null", () => {
    const category = new ColumnStore({type: "string", identifier: true});
    const a = ["sp", "am"].join("");
    const b = ["s", "pam"].join("");
    category.push(a);
    category.push(b);
    category.push(null);
    const values = category.values() as (string | null)[];
    expect(values).toEqual(["spam", "spam", null]);
    const text = new ColumnStore({type: "string"});
    text.push("hi");
    expect([text.values(), new ColumnStore({type: "bool"}).values()]).toEqual([["hi"], []]);
  });
});
