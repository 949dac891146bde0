import {describe, expect, it} from "vitest";
import {DEFAULT_COSTS, suggestAction, summarizeActions, totalCosts} from "../../../src/detect/enforcementPolicy.js";

const c = (risk: number, lo = risk, hi = risk) => ({risk, risk_lo: lo, risk_hi: hi});

describe("suggestAction", () => {
  it("suggestAction(case) follows the default thresholds 0.5, 0.7, 0.9", () => {
    expect(suggestAction(c(0.2))).toBe("allow");
    expect(suggestAction(c(0.5))).toBe("warn");
    expect(suggestAction(c(0.75))).toBe("rate_limit");
    expect(suggestAction(c(0.95))).toBe("block");
  });
  it("suggestAction escalates a band straddling the block or rate-limit threshold, not the warn one", () => {
    expect(suggestAction(c(0.91, 0.85, 0.95))).toBe("escalate");
    expect(suggestAction(c(0.69, 0.65, 0.72))).toBe("escalate");
    expect(suggestAction(c(0.5, 0.45, 0.55))).toBe("warn");
    expect(suggestAction(c(0.91, 0.85, 0.95), {warn: 0.5, rateLimit: 0.7, block: 0.9, escalateUncertain: false})).toBe("block");
  });
  it("suggestAction rejects thresholds out of order", () => {
    expect(() => suggestAction(c(0.5), {warn: 0.8, rateLimit: 0.7, block: 0.9})).toThrow("invalid policy: thresholds must rise warn 0.8 <= rate_limit 0.7 <= block 0.9");
  });
});

describe("summarizeActions", () => {
  it("summarizeActions(cases) counts volumes and expected and actual false-positive costs", () => {
    const cases = [{...c(0.95), truth: false}, {...c(0.95), truth: true}, {...c(0.6), truth: false}, {...c(0.1), truth: false}];
    const s = Object.fromEntries(summarizeActions(cases).map((r) => [r.action, r]));
    expect(s.block.cases).toBe(2);
    expect(s.block.expectedFalsePositives).toBeCloseTo(0.1, 12);
    expect(s.block.expectedCost).toBeCloseTo(0.1 * DEFAULT_COSTS.block, 12);
    expect(s.block.actualFalsePositives).toBe(1);
    expect(s.block.actualCost).toBe(DEFAULT_COSTS.block);
    expect(s.warn).toMatchObject({cases: 1, actualFalsePositives: 1, actualCost: 1});
    expect(s.warn.expectedCost).toBeCloseTo(0.4, 12);
    expect(s.allow).toMatchObject({cases: 1, expectedCost: 0, actualCost: 0, actualMissed: 0});
  });
  it("summarizeActions(cases, policy, costs) prices the harm left up on allowed abusive cases", () => {
    const cases = [{...c(0.3), truth: true}, {...c(0.2), truth: false}, {...c(0.95), truth: false}];
    const s = Object.fromEntries(summarizeActions(cases, undefined, {...DEFAULT_COSTS, missed: 4}).map((r) => [r.action, r]));
    expect(s.allow.expectedMissed).toBeCloseTo(0.5, 12);
    expect(s.allow.expectedMissedCost).toBeCloseTo(2, 12);
    expect(s.allow).toMatchObject({actualMissed: 1, actualMissedCost: 4});
    expect(s.block).toMatchObject({actualMissed: 0, actualMissedCost: 0, actualCost: DEFAULT_COSTS.block});
  });
  it("summarizeActions counts each case as its count, and a count of 1 changes nothing", () => {
    const cases = [{...c(0.95), truth: false}, {...c(0.6), truth: true}, {...c(0.3), truth: true}];
    const costs = {...DEFAULT_COSTS, missed: 4};
    const s = Object.fromEntries(summarizeActions(cases.map((x, i) => ({...x, count: [2, 1, 3][i]})), undefined, costs).map((r) => [r.action, r]));
    expect(s.block).toMatchObject({cases: 2, actualFalsePositives: 2, actualCost: 2 * DEFAULT_COSTS.block});
    expect(s.block.expectedFalsePositives).toBeCloseTo(0.1, 12);
    expect(s.allow).toMatchObject({cases: 3, actualMissed: 3, actualMissedCost: 12});
    expect(s.allow.expectedMissed).toBeCloseTo(0.9, 12);
    expect(summarizeActions(cases.map((x) => ({...x, count: 1})), undefined, costs)).toEqual(summarizeActions(cases, undefined, costs));
  });
  it("totalCosts(summary) adds wrongful actions and harm left up, expected and actual", () => {
    const cases = [{...c(0.3), truth: true}, {...c(0.95), truth: false}];
    const t = totalCosts(summarizeActions(cases, undefined, {...DEFAULT_COSTS, missed: 4}));
    expect(t.expectedFalsePositive).toBeCloseTo(0.05 * DEFAULT_COSTS.block, 12);
    expect(t.expectedMissed).toBeCloseTo(0.3 * 4, 12);
    expect(t.expected).toBeCloseTo(t.expectedFalsePositive + t.expectedMissed, 12);
    expect(t).toMatchObject({actualFalsePositive: DEFAULT_COSTS.block, actualMissed: 4, actual: DEFAULT_COSTS.block + 4});
  });
});
