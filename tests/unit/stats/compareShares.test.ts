import {describe, expect, it} from "vitest";
import {compareShares, countedShare, differenceText, shareText} from "../../../src/stats/compareShares.js";

describe("compareShares", () => {
  it("countedShare(successes, n) carries the 95% Wilson interval and marks n < 30", () => {
    const s = countedShare(6, 9);
    expect(s.estimate).toBeCloseTo(2 / 3, 12);
    expect(s.lower).toBeCloseTo(0.3542, 4);
    expect(s.upper).toBeCloseTo(0.8794, 4);
    expect(s.small).toBe(true);
    expect(countedShare(300, 1000).small).toBe(false);
    expect(Number.isNaN(countedShare(0, 0).lower)).toBe(true);
  });
  it("compareShares(a, b) gives the difference and whether the intervals overlap", () => {
    const apart = compareShares(countedShare(80, 100), countedShare(20, 100));
    expect(apart.difference).toBeCloseTo(0.6, 12);
    expect(apart.overlap).toBe(false);
    // The appeals example: 14.5% (7.9–24.7%) against 4.5% (2.4–8.4%) overlap at the edges.
    expect(compareShares(countedShare(10, 69), countedShare(9, 199)).overlap).toBe(true);
    expect(compareShares(countedShare(6, 20), countedShare(4, 20)).overlap).toBe(true);
    expect(compareShares(countedShare(0, 0), countedShare(4, 20)).overlap).toBe(true);
  });
  it("shareText and differenceText state counts, the interval and pp", () => {
    expect(shareText(countedShare(6, 9), 0)).toBe("67% (6 of 9; 95% CI 35.4–87.9%; fewer than 30 cases)");
    expect(differenceText(compareShares(countedShare(6, 20), countedShare(4, 20)))).toBe("+10.0 pp; the 95% intervals overlap, so the data do not separate them");
  });
});
