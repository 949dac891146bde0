import {describe, expect, it} from "vitest";
import {capAt, capGuardrailText, clusterRows, designText, forestRows, pValueText, recommendedCapText, relativeCiText, sampleRows} from "../../../src/experiment/experimentView.js";
import type {ArmSummary} from "../../../src/experiment/readExperiment.js";
import type {Comparison} from "../../../src/stats/compareEstimates.js";

/** A comparison with only the fields the page reads; the rest are NaN. */
const cmp = (difference: number, lower: number, upper: number, relative = NaN, relativeLower = NaN, relativeUpper = NaN): Comparison =>
  ({difference, lower, upper, relative, relativeLower, relativeUpper, se: NaN, z: NaN, p: NaN, confidence: 0.95});

describe("experimentView", () => {
  it("relativeCiText(cmp, confidence) states the relative interval at the level", () => {
    expect(relativeCiText({relativeLower: -0.401, relativeUpper: -0.123}, 0.95)).toBe("95% CI −40.1% to −12.3%");
    expect(relativeCiText({relativeLower: NaN, relativeUpper: 0.05}, 0.9)).toBe("90% CI – to +5.0%");
  });
  it("pValueText(p) bounds tiny p-values and prints a dash for none", () => {
    expect(pValueText(0.0004)).toBe("< 0.001");
    expect(pValueText(0.04219)).toBe("= 0.042");
    expect(pValueText(null)).toBe("–");
    expect(pValueText(NaN)).toBe("–");
  });
  it("designText(sampleRatio) is the designed split", () => {
    expect(designText({expected: 0.5})).toBe("50/50");
    expect(designText({expected: 0.8})).toBe("80/20");
  });
  it("sampleRows(arms) counts the other abusive accounts as the rest, a missing kind as 0", () => {
    const arm = {arm: "control", clusters: 90, rings: 2, units: 100, byActor: {benign: 80, ring_member: 12, spammer: 8}, population: 5000, cappedUnits: 3} as unknown as ArmSummary;
    expect(sampleRows([arm, {...arm, arm: "treatment", byActor: {benign: 95}} as ArmSummary])).toEqual([
      {arm: "control", clusters: 90, rings: 2, units: 100, benign: 80, ring: 12, other: 8, population: 5000, capped: 3},
      {arm: "treatment", clusters: 90, rings: 2, units: 100, benign: 95, ring: 0, other: 5, population: 5000, capped: 3}
    ]);
  });
  it("forestRows(x) keeps the ring-only row only when it has an interval, and gives the guardrail its margin", () => {
    const x = {harm: cmp(0, 0, 0, -0.3, -0.5, -0.1), harmPerDay: cmp(0, 0, 0, -0.2, -0.4, 0), ringHarmPerDay: cmp(0, 0, 0, -0.6, NaN, NaN), benignVolume: cmp(0, 0, 0, -0.01, -0.05, 0.03), rule: {maxVolumeLoss: 0.05}} as never;
    const rows = forestRows(x);
    expect(rows.map((r) => r.role)).toEqual(["primary", "secondary", "guardrail"]);
    expect(rows[0]).toEqual({metric: "Abusive message share (primary)", relative: -0.3, lower: -0.5, upper: -0.1, role: "primary"});
    expect(rows[2]).toMatchObject({metric: "Ordinary accounts' messages per day (guardrail)", margin: -0.05});
    expect(forestRows({...(x as object), ringHarmPerDay: cmp(0, 0, 0, -0.6, -0.8, -0.3)} as never)).toHaveLength(4);
  });
  it("clusterRows(x) formats shares in pp and rates as numbers, with a note where an interval is missing", () => {
    const rows = clusterRows({
      harm: cmp(-0.0123, -0.02, -0.0046), harmPerDay: cmp(-0.5, -0.9, -0.1), ringHarmPerDay: cmp(-3, NaN, NaN),
      perAccount: {harm: cmp(-0.0123, -0.015, -0.0096), harmPerDay: cmp(-0.5, -0.7, -0.3), ringHarmPerDay: cmp(-3, NaN, NaN)}
    });
    expect(rows[0]).toEqual({metric: "Abusive message share", difference: "−1.23 pp", cluster: "−2.00 pp to −0.46 pp", account: "−1.50 pp to −0.96 pp"});
    expect(rows[1]).toEqual({metric: "Abusive messages per new account-day", difference: "−0.50", cluster: "−0.90 to −0.10", account: "−0.70 to −0.30"});
    expect(rows[2]).toEqual({metric: "Ring accounts only, per account-day", difference: "−3.00", cluster: "no interval (under two rings an arm)", account: "–"});
  });
  it("capAt, recommendedCapText and capGuardrailText read the cap what-if", () => {
    const caps = [{cap: 1, ordinaryStopped: 0.2, abusiveStopped: 0.9, ordinaryDaysCapped: 0.3}, {cap: 2, ordinaryStopped: 0.04, abusiveStopped: 0.7, ordinaryDaysCapped: 0.1}];
    expect(capAt(caps, 2)).toBe(caps[1]);
    expect(capAt(caps, 3)).toBeUndefined();
    expect(recommendedCapText(caps[1], 2)).toBe("2 a day");
    expect(recommendedCapText(null, 2)).toBe("none up to 2 a day");
    expect(capGuardrailText(caps[1], 0.05)).toBe("Within the friction guardrail.");
    expect(capGuardrailText({ordinaryStopped: 0.05}, 0.05)).toBe("Within the friction guardrail.");
    expect(capGuardrailText(caps[0], 0.05)).toBe("Over the friction guardrail.");
  });
});
