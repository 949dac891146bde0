import {describe, expect, it} from "vitest";
import {timeOrder} from "../../../src/world/order.js";
import {createRng} from "../../../src/core/random.js";

const DAY = 86_400_000;
const comparatorOrder = (ts: Float64Array, a: number, n: number) =>
  Array.from({length: n}, (_, i) => i).sort((x, y) => ts[a + x] - ts[a + y] || x - y);

describe("timeOrder", () => {
  it("orders by time and keeps row order among ties", () => {
    const origin = Date.UTC(2025, 2, 1);
    const ts = new Float64Array([origin + 500, origin, origin + 500, origin + 20, origin]);
    expect([...timeOrder(ts, 0, 5, origin, new Int32Array(5))]).toEqual([1, 4, 3, 0, 2]);
  });

  it("orders a range, counting rows from its start", () => {
    const ts = new Float64Array([9, 9, 3000, 1000, 2000, 9]);
    expect([...timeOrder(ts, 2, 3, 0, new Int32Array(3))]).toEqual([1, 2, 0]);
  });

  it("gives the comparator sort's order, by radix or not (fractional, early or far times)", () => {
    const rng = createRng(1);
    const origin = Date.UTC(2025, 5, 1);
    const cases = {
      "whole ms in one day": () => origin + Math.floor(rng() * DAY),
      "many ties": () => origin + Math.floor(rng() * 50),
      fractional: () => origin + rng() * DAY,
      "before the origin": () => origin - 1000 + Math.floor(rng() * DAY),
      "up to 2^32 ms (three digits)": () => origin + Math.floor(rng() * 2 ** 32),
      "past 2^32 ms": () => origin + Math.floor(rng() * 2 ** 33)
    };
    // Below 4,096 rows the radix digits are narrower.
    for (const n of [300, 6000]) {
      for (const [name, draw] of Object.entries(cases)) {
        const ts = Float64Array.from({length: n + 200}, () => draw());
        expect([...timeOrder(ts, 100, n, origin, new Int32Array(n))], `${name}, ${n} rows`).toEqual(comparatorOrder(ts, 100, n));
      }
    }
  });

  it("rejects an order buffer too small", () => {
    expect(() => timeOrder(new Float64Array(3), 0, 3, 0, new Int32Array(2))).toThrow(/order holds 2 rows, needs 3/);
  });
});
