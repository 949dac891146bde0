import {describe, expect, it} from "vitest";
import {actionCostRows, enforcementActions, evaluatePolicy, orderPolicy, reorderText, type ScoredUserDay} from "../../../src/science/enforcementView.js";

const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const day = (user_id: string, date: string, risk: number, truth_abusive: boolean, sample_weight = 1, band = 0.01): ScoredUserDay => ({user_id, date: utc(date), risk, risk_lo: risk - band, risk_hi: risk + band, truth_abusive, sample_weight});
const policy = {warn: 0.5, rateLimit: 0.7, block: 0.9, escalateUncertain: true};
const costs = {warn: 1, rate_limit: 3, block: 10, missed: 5};

// u1 blocked (abusive), u2 warned (benign: a wrongful warning), u3 allowed (abusive, weight 2: harm left up twice),
// u4 escalated (its band 0.6 to 0.8 straddles the rate-limit threshold), u5 allowed (benign).
const scored = [day("u1", "2025-08-01", 0.95, true), day("u2", "2025-08-01", 0.55, false), day("u3", "2025-08-02", 0.2, true, 2), day("u4", "2025-08-02", 0.7, true, 1, 0.1), day("u5", "2025-08-03", 0.1, false)];

describe("enforcementView", () => {
  it("orderPolicy(thresholds, escalate) keeps rising thresholds and sorts crossed ones, saying so", () => {
    expect(orderPolicy({warn: 0.5, rateLimit: 0.7, block: 0.9}, true)).toEqual({policy, reordered: false});
    expect(orderPolicy({warn: 0.8, rateLimit: 0.6, block: 0.9}, false)).toEqual({policy: {warn: 0.6, rateLimit: 0.8, block: 0.9, escalateUncertain: false}, reordered: true});
    expect(orderPolicy({warn: 0.5, rateLimit: 0.95, block: 0.9}, true).reordered).toBe(true);
  });

  it("reorderText(policy) names the thresholds in use to 2 decimals", () => {
    expect(reorderText({warn: 0.6, rateLimit: 0.8, block: 0.9})).toBe("The thresholds crossed, so they are used in rising order: warn 0.60, rate limit 0.80, block 0.90.");
  });

  it("evaluatePolicy(scored, policy, costs) counts user-days by sample weight per action, with both costs", () => {
    const o = evaluatePolicy(scored, policy, costs);
    expect(o.evalDays).toBe(3);
    expect([o.acted, o.escalated, o.allowed]).toEqual([2, 1, 3]);
    expect([o.abusiveCaught, o.abusiveTotal]).toEqual([1, 4]);
    // Actual: one wrongful warning (1) + two abusive user-days allowed (2 × 5).
    expect(o.totals.actualFalsePositive).toBe(1);
    expect(o.totals.actualMissed).toBe(10);
    // Expected: (1 − 0.95) × 10 + (1 − 0.55) × 1 wrongful; allowed risk 0.2 × 5 × 2 + 0.1 × 5 left up.
    expect(o.totals.expectedFalsePositive).toBeCloseTo(0.95, 12);
    expect(o.totals.expectedMissed).toBeCloseTo(2.5, 12);
  });

  it("actionCostRows(summary, days) gives user-days per day and adds the missed cost to each action's cost", () => {
    const rows = actionCostRows(evaluatePolicy(scored, policy, costs).summary, 3);
    const allow = rows.find((r) => r.action === "allow")!;
    expect(allow.perDay).toBe(1);
    expect(allow.actualCost).toBe(10);
    expect(allow.expectedCost).toBeCloseTo(2.5, 12);
    expect(rows.find((r) => r.action === "warn")!.actualCost).toBe(1);
  });

  it("enforcementActions(scored, policy) gives each user-day its suggested action and nothing else", () => {
    const rows = enforcementActions(scored, policy);
    expect(rows.map((r) => r.action)).toEqual(["block", "warn", "allow", "escalate", "allow"]);
    expect(Object.keys(rows[0])).toEqual(["user_id", "date", "risk", "risk_lo", "risk_hi", "action", "truth_abusive"]);
  });
});
