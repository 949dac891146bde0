import {describe, expect, it} from "vitest";
import {binShares, psi, psiBand, psiOfShares, psiWithEdges, referenceEdges} from "../../../src/detect/psi.js";

describe("psi", () => {
  it("psi(x, x) is 0 and the band is stable", () => {
    const x = Array.from({length: 100}, (_, i) => i);
    const r = psi(x, x);
    expect(r.psi).toBe(0);
    expect(r.band).toBe("stable");
    expect(r.bins.length).toBe(10);
  });
  it("psiWithEdges(reference, recent, [0.5]) sums (a - e) ln(a / e) over two bins", () => {
    // Reference half/half; recent 80/20: 0.3 ln(0.8/0.5) + (-0.3) ln(0.2/0.5).
    const r = psiWithEdges([0, 0, 1, 1], [0, 0, 0, 0, 1], [0.5]);
    const expected = 0.3 * Math.log(0.8 / 0.5) - 0.3 * Math.log(0.2 / 0.5);
    expect(r.psi).toBeCloseTo(expected, 12);
    expect(r.band).toBe("significant");
    expect(r.bins[0]).toMatchObject({lo: -Infinity, hi: 0.5, reference: 0.5, recent: 0.8});
  });
  it("psiWithEdges replaces an empty bin's share by epsilon", () => {
    const r = psiWithEdges([0, 0], [1, 1], [0.5], 1e-4);
    const expected = (1e-4 - 1) * Math.log(1e-4 / 1) + (1 - 1e-4) * Math.log(1 / 1e-4);
    expect(r.psi).toBeCloseTo(expected, 10);
  });
  it("referenceEdges(counts) merges tied quantiles and leaves the top bin open", () => {
    // Deciles of mostly zeros: one edge at 0, then the top bin holds everything above.
    expect(referenceEdges([0, 0, 0, 0, 0, 0, 0, 0, 1, 5])).toEqual([0, 1]);
    expect(referenceEdges([3, 3, 3])).toEqual([]);
  });
  it("psi ignores NaN values and rejects empty input and bad options", () => {
    expect(psi([1, 2, NaN, 3, 4], [1, 2, 3, 4, NaN]).psi).toBeCloseTo(0, 12);
    expect(() => psi([], [1])).toThrow("invalid reference: no finite values");
    expect(() => psi([1, 2], [NaN])).toThrow("invalid values: no finite values");
    expect(() => psi([1, 2], [1], {bins: 1})).toThrow("invalid bins: 1");
  });
  it("psiBand(psi) reads 0.1 and 0.25 as the band limits", () => {
    expect(psiBand(0.099)).toBe("stable");
    expect(psiBand(0.1)).toBe("moderate");
    expect(psiBand(0.25)).toBe("moderate");
    expect(psiBand(0.26)).toBe("significant");
  });
});

describe("psiOfShares", () => {
  it("binShares(values, edges) puts each finite value in the first bin whose upper edge holds it", () => {
    // Bins (-inf, 1], (1, 3], (3, inf): 0, 1 | 2, 3 | 4; NaN is left out.
    expect(binShares([0, 1, 2, 3, 4, NaN], [1, 3])).toEqual([0.4, 0.4, 0.2]);
  });
  it("psiOfShares(binShares(reference, edges), recent, edges) equals psiWithEdges(reference, recent, edges)", () => {
    const reference = [1, 2, 2, 3, 5, 8, 8, 9, 10, 12];
    const edges = referenceEdges(reference, 4);
    for (const recent of [[1, 1, 1], [2, 3, 9, 30], reference]) expect(psiOfShares(binShares(reference, edges), recent, edges)).toEqual(psiWithEdges(reference, recent, edges));
    expect(() => psiOfShares([0.5, 0.5], [1], edges)).toThrow(`length mismatch: 2 reference shares, ${edges.length + 1} bins`);
  });
});
