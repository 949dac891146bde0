import {describe, expect, it} from "vitest";
import {relateIdleToAccuracy, summarizeModerators} from "../../../src/moderation/summarizeModerators.js";

const s = (id: number, reviewer: string, duration: number, idle: number, cases: number) => ({session_id: id, reviewer_id: reviewer, start_ts: 0, duration_s: duration, items: cases, unique_items: cases, cases, idle_inactivity_s: idle / 2, idle_pause_s: idle / 2});

describe("summarizeModerators", () => {
  it("summarizeModerators(sessions, qa, reviewers) gives throughput, idle share and a Wilson QA interval", () => {
    const rows = summarizeModerators(
      [s(1, "R01", 3600, 360, 3), s(2, "R01", 3600, 0, 1), s(3, "R02", 1800, 900, 2)],
      [{session_id: 1, cases_checked: 3, cases_correct: 3}, {session_id: 2, cases_checked: 1, cases_correct: 0}, {session_id: 3, cases_checked: 2, cases_correct: 1}],
      [{reviewer_id: "R01", hub: "Manila", accuracy: 0.95}, {reviewer_id: "R02", hub: "Dublin", accuracy: 0.9}, {reviewer_id: "R03", hub: "Austin", accuracy: 0.97}]
    );
    expect(rows[0]).toMatchObject({reviewer_id: "R01", sessions: 2, hours: 2, cases: 4, decisionsPerHour: 2, idleShare: 0.05, checked: 4, correct: 3, qaPass: 0.75, accuracy: 0.95});
    expect(rows[0].qaLower).toBeLessThan(0.75);
    expect(rows[0].qaUpper).toBeGreaterThan(0.75);
    expect(rows[1]).toMatchObject({reviewer_id: "R02", idleShare: 0.5, qaPass: 0.5});
    // A reviewer without sessions stays in the table, with NaN rates.
    expect(rows[2].sessions).toBe(0);
    expect(Number.isNaN(rows[2].qaPass)).toBe(true);
  });
  it("relateIdleToAccuracy(rows) fits a falling line when idle moderators are less accurate", () => {
    const rows = [0.02, 0.05, 0.08, 0.11, 0.14].map((idle, i) => ({reviewer_id: `R${i}`, hub: "", sessions: 1, hours: 1, cases: 1, decisionsPerHour: 1, idleShare: idle, checked: 100, correct: 0, qaPass: 0.99 - 0.5 * idle, qaLower: 0, qaUpper: 1, accuracy: 0.99 - 0.5 * idle}));
    const r = relateIdleToAccuracy(rows);
    expect(r.slope).toBeCloseTo(-0.5, 10);
    expect(r.intercept).toBeCloseTo(0.99, 10);
    expect(r.correlation.r).toBeCloseTo(-1, 10);
    expect(r.truthCorrelation.n).toBe(5);
  });
  it("relateIdleToAccuracy(ties in idle share) has no line", () => {
    const rows = [0.9, 0.95].map((qa, i) => ({reviewer_id: `R${i}`, hub: "", sessions: 1, hours: 1, cases: 1, decisionsPerHour: 1, idleShare: 0.1, checked: 1, correct: 1, qaPass: qa, qaLower: 0, qaUpper: 1, accuracy: qa}));
    expect(Number.isNaN(relateIdleToAccuracy(rows).slope)).toBe(true);
  });
});
