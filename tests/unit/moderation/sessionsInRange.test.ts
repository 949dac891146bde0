import {describe, expect, it} from "vitest";
import {qaFigure, qaOverlap, sessionsInRange} from "../../../src/moderation/sessionsInRange.js";

const at = (iso: string) => Date.parse(iso);
const sessions = [
  {session_id: 1, start_ts: at("2025-06-02T23:59:00Z")},
  {session_id: 2, start_ts: new Date("2025-06-03T00:00:00Z")},
  {session_id: 3, start_ts: at("2025-08-31T12:00:00Z")}
];

describe("sessionsInRange", () => {
  it("sessionsInRange(sessions, range) keeps sessions that started on a UTC day in the range, both ends included", () => {
    expect(sessionsInRange(sessions, {from: "2025-06-03", to: "2025-08-31"}).map((s) => s.session_id)).toEqual([2, 3]);
    expect(sessionsInRange(sessions, {from: "2025-06-02", to: "2025-06-02"}).map((s) => s.session_id)).toEqual([1]);
    expect(() => sessionsInRange(sessions, {from: "2025-06-03", to: "2025-06-02"})).toThrow("invalid range");
  });
});

describe("qaFigure", () => {
  it("qaFigure(correct, checked) gives the rate, its Wilson interval and marks fewer than 30 decisions", () => {
    const f = qaFigure(19, 20);
    expect(f.value).toBe(0.95);
    expect(f.lower).toBeCloseTo(0.7639, 3);
    expect(f.upper).toBeCloseTo(0.9911, 3);
    expect(f.small).toBe(true);
    expect(qaFigure(950, 1000).small).toBe(false);
    expect(Number.isNaN(qaFigure(0, 0).value)).toBe(true);
  });
  it("qaOverlap(a, b) says whether two rates' intervals overlap", () => {
    expect(qaOverlap(qaFigure(19, 20), qaFigure(900, 1000))).toBe(true);
    expect(qaOverlap(qaFigure(990, 1000), qaFigure(900, 1000))).toBe(false);
    expect(qaOverlap(qaFigure(0, 0), qaFigure(900, 1000))).toBe(true);
  });
});
