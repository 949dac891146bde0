import {describe, expect, it} from "vitest";
import {clusterText, ringText, type ArmSummary} from "../../../src/experiment/readExperiment.js";
import type {Comparison} from "../../../src/stats/compareEstimates.js";

const cmp = (difference: number, halfWidth: number, se = halfWidth / 1.96): Comparison => ({difference, lower: difference - halfWidth, upper: difference + halfWidth, se, relative: -0.5, relativeLower: -0.8, relativeUpper: 0.2, z: difference / se, p: 0.3, confidence: 0.95});

describe("readExperiment's sentences", () => {
  it("clusterText(...) counts randomisation units and compares the interval with the per-account one", () => {
    const arm = (clusters: number, rings: number, units: number) => ({clusters, rings, units}) as ArmSummary;
    expect(clusterText({control: arm(24, 1, 68), treatment: arm(38, 1, 107), harm: cmp(-0.23, 0.5286), perAccountHarm: cmp(-0.23, 0.1845)})).toBe(
      "Rings were randomised as a whole: 62 units (2 rings and 60 accounts outside rings) for 175 accounts. Standard errors count those units: the abusive-share interval is ±52.86 pp wide either side, against ±18.45 pp if every account were independent."
    );
  });
  it("ringText(...) gives an interval only with two or more rings in each arm", () => {
    const ring = (controlRings: number, treatmentRings: number, se: number) => ({...cmp(-4.3, 1, se), relative: -0.585, controlUnits: 45, treatmentUnits: 70, controlRings, treatmentRings});
    expect(ringText(ring(0, 2, 0.5))).toBe("Ring accounts alone cannot be compared: 0 rings in control and 2 rings in treatment, 45 and 70 accounts.");
    expect(ringText(ring(1, 1, NaN))).toContain("−58.5% abusive messages per account-day (1 ring in control and 1 ring in treatment, 45 and 70 accounts); with fewer than two rings in an arm there is no interval");
    expect(ringText(ring(2, 3, 0.5))).toContain("(95% CI −80.0% to +20.0%; 2 rings in control and 3 rings in treatment");
  });
});
