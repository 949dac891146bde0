import {describe, expect, it} from "vitest";
import {buildReviewQueue} from "../../../src/science/buildReviewQueue.js";
import type {ScoredUserDay} from "../../../src/science/trainDetector.js";

const s = (user_id: string, date: string, risk: number, lo = risk, hi = risk): ScoredUserDay => ({user_id, date, risk, risk_lo: lo, risk_hi: hi, heuristic: 0, truth_abusive: risk > 0.5, reasons: ""});

describe("buildReviewQueue", () => {
  const scored = [s("A", "2025-08-31", 0.95), s("B", "2025-08-30", 0.8, 0.6, 0.95), s("C", "2025-08-31", 0.2), s("D", "2025-08-20", 0.99), s("E", "2025-08-29", 0.55)];
  const input = {
    scored,
    ageOf: () => 3,
    texts: [
      {flag_id: 1, date: "2025-08-01", actor_id: "A", category: "spam", snippet: "<b>old</b>"},
      {flag_id: 2, date: "2025-08-31", actor_id: "A", category: "spam", snippet: "=HYPERLINK(1)"},
      {flag_id: 3, date: "2025-09-01", actor_id: "A", category: "spam", snippet: "after the case"}
    ],
    componentOf: (u: string) => (u === "A" || u === "E" ? {component: 0, size: 2} : {component: 1, size: 1}),
    shared: [{kind: "device" as const, identifier: "D1", accounts: [0, 4]}],
    accountId: (i: number) => "ABCDE"[i]
  };
  it("buildReviewQueue(input, {days: 7}) keeps the last week's non-allowed cases by risk plus band width", () => {
    const q = buildReviewQueue(input, {days: 7});
    expect(q.from).toBe("2025-08-25");
    expect(q.to).toBe("2025-08-31");
    // B: 0.8 + 0.35 = 1.15 (escalated), A: 0.95, E: 0.55; C is allowed, D is older than the window.
    expect(q.cases.map((c) => [c.user_id, c.suggested_action])).toEqual([["B", "escalate"], ["A", "block"], ["E", "warn"]]);
    expect(q.cases[0].priority).toBeCloseTo(1.15, 12);
    expect(q.candidates).toBe(3);
    expect(q.cases.map((c) => c.rank)).toEqual([1, 2, 3]);
  });
  it("buildReviewQueue enriches a case with its texts up to the day and its linked accounts", () => {
    const q = buildReviewQueue(input, {days: 7, capacity: 2});
    expect(q.cases).toHaveLength(2);
    const a = q.cases.find((c) => c.user_id === "A")!;
    expect(a.case_id).toBe("CASE-20250831-A");
    expect(a.snippets).toBe(2);
    expect(q.snippets.filter((t) => t.case_id === a.case_id).map((t) => t.snippet)).toEqual(["=HYPERLINK(1)", "<b>old</b>"]);
    expect(q.links).toEqual([{case_id: a.case_id, linked_user_id: "E", via: "device", identifier: "D1"}]);
    expect(a.linked_accounts).toBe(1);
  });
  it("buildReviewQueue rejects no input and a bad window", () => {
    expect(() => buildReviewQueue({...input, scored: []})).toThrow("invalid queue input: no scored user-days");
    expect(() => buildReviewQueue(input, {days: 0})).toThrow("invalid days: 0");
  });
});
