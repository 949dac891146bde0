import {describe, expect, it} from "vitest";
import {decomposeChange} from "../../../src/investigate/decomposeChange.js";

describe("decomposeChange", () => {
  it("decomposeChange(parts) gives deltas and shares that add up to the total change", () => {
    const d = decomposeChange([{id: "a", previous: 200, current: 560}, {id: "b", previous: 0, current: 500}, {id: "c", previous: 2000, current: 1960}]);
    expect(d).toMatchObject({previous: 2200, current: 3020, delta: 820});
    expect(d.change).toBeCloseTo(820 / 2200, 12);
    expect(d.parts.map((p) => p.delta)).toEqual([360, 500, -40]);
    expect(d.parts.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 12);
    expect(d.parts[2].share).toBeLessThan(0);
  });
  it("decomposeChange(no change) has NaN shares", () => {
    const d = decomposeChange([{id: "a", previous: 5, current: 6}, {id: "b", previous: 5, current: 4}]);
    expect(d.delta).toBe(0);
    expect(d.parts.every((p) => Number.isNaN(p.share))).toBe(true);
  });
  it("decomposeChange([]) is zero and a NaN part throws", () => {
    expect(decomposeChange([])).toMatchObject({previous: 0, current: 0, delta: 0, parts: []});
    expect(() => decomposeChange([{id: "x", previous: NaN, current: 1}])).toThrow("invalid part: x");
  });
});
