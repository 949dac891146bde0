import {describe, expect, it} from "vitest";
import {createRng, pick, weightTotal} from "../../../src/core/random.js";

describe("pick", () => {
  it("draws index i with probability weights[i] / total", () => {
    // r = u * 4 against [1, 0, 3]: u in [0, 0.25) -> 0, never 1, [0.25, 1) -> 2.
    const counts = [0, 0, 0];
    const rng = createRng("pick");
    for (let i = 0; i < 4000; i++) counts[pick(rng, [1, 0, 3])]++;
    expect(counts[1]).toBe(0);
    expect(counts[0] / 4000).toBeCloseTo(0.25, 1);
  });

  it("gives the same draws with a total computed once", () => {
    const weights = [2, 1.4, 1, 0.8, 0.7, 0.1, 3.3];
    expect(weightTotal(weights)).toBe(weights.reduce((a, b) => a + b, 0));
    const a = createRng(5);
    const b = createRng(5);
    const total = weightTotal(weights);
    for (let i = 0; i < 1000; i++) expect(pick(a, weights, total)).toBe(pick(b, weights));
  });
});
