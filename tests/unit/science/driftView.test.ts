import {describe, expect, it} from "vitest";
import type {FeatureDrift} from "../../../src/science/featureDrift.js";
import {rankDrift, weeklyDrift} from "../../../src/science/driftView.js";

const feature = (name: string, psi: number, band: FeatureDrift["band"]): FeatureDrift => ({feature: name, label: name.toUpperCase(), psi, band, reference_mean: 1, recent_mean: 1, bins: []});
const features = [feature("a", 0.05, "stable"), feature("b", 0.4, "significant"), feature("c", 0.12, "moderate"), feature("d", 0.3, "significant")];

describe("driftView", () => {
  it("rankDrift(features) orders by falling PSI and groups the significant and moderate shifts in that order", () => {
    const r = rankDrift(features);
    expect(r.ranked.map((f) => f.feature)).toEqual(["b", "d", "c", "a"]);
    expect(r.top.feature).toBe("b");
    expect(r.significant.map((f) => f.feature)).toEqual(["b", "d"]);
    expect(r.moderate.map((f) => f.feature)).toEqual(["c"]);
    expect(r.labelOf.get("c")).toBe("C");
    expect(features.map((f) => f.feature)).toEqual(["a", "b", "c", "d"]);
  });

  it("rankDrift([]) throws", () => {
    expect(() => rankDrift([])).toThrow("invalid features: none");
  });

  it("weeklyDrift(drift) dates each week at UTC midnight and labels its feature", () => {
    const rows = weeklyDrift({features, weekly: [{week_start: "2025-03-03", feature: "d", psi: 0.2, rows: 70}]});
    expect(rows).toEqual([{week_start: new Date(Date.UTC(2025, 2, 3)), feature: "d", psi: 0.2, rows: 70, label: "D"}]);
  });
});
