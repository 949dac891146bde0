import {describe, expect, it} from "vitest";
import {reviewIncident} from "../../../src/incident/reviewIncident.js";
import {fixture, spec} from "./incidentFixture.js";

describe("reviewIncident", () => {
  it("reviewIncident(tables, spec) measures impact, root cause and timing from the flags", () => {
    const r = reviewIncident(fixture(), spec, {baselineDays: 28, detectorWindow: 14, detectorK: 3});
    expect(r.impact).toMatchObject({wrongfulBlocks: 3, expectedWrongfulBlocks: 0, accounts: 3, countries: 2, appealed: 2, overturned: 1, standing: 2, autoBlocksDuring: 4});
    expect(r.impact.precisionBaseline).toBe(1);
    expect(r.impact.precisionDuring).toBe(0.25);
    expect(r.rootCause.threshold).toBe(0.95);
    expect(r.rootCause.benignScoreBaseline).toBeCloseTo(0.3, 12);
    expect(r.rootCause.benignOverThresholdDuring).toBe(1);
    expect(r.durations.toFirstHarmHours).toBeCloseTo(2, 12);
    expect(r.durations.toMitigateHours).toBe(12);
    // Four auto-blocks against a flat two a day: the daily detector fires once the day is over.
    expect(r.durations.toDetectHours).toBe(15);
    expect(r.timeline.map((e) => e.source)).toEqual(["deploy log", "flags", "flags", "flags", "deploy log", "detector", "appeals", "appeals"]);
    expect(r.findings[0]).toMatch(/^3 benign nudity items were blocked automatically/);
    // Daily rows count the category's flags of every route, next to its auto-blocks.
    const incidentDay = r.days.find((d) => d.date === "2025-03-30")!;
    expect(incidentDay).toMatchObject({flags: 4, autoBlocks: 4, wrongfulBlocks: 3});
    expect(r.days.find((d) => d.date === "2025-03-01")).toMatchObject({flags: 3, autoBlocks: 2, wrongfulBlocks: 0});
  });
  it("reviewIncident compares precision and score shift with counts, 95% intervals and pp, and acts only on separated differences", () => {
    const r = reviewIncident(fixture(), spec, {baselineDays: 28, detectorWindow: 14, detectorK: 3});
    // Precision 1 of 4 during against 56 of 56 before: the intervals do not overlap.
    expect(r.impact.precisionComparison.a).toMatchObject({successes: 1, n: 4, small: true});
    expect(r.impact.precisionComparison.b).toMatchObject({successes: 56, n: 56});
    expect(r.impact.precisionComparison.overlap).toBe(false);
    expect(r.findings[2]).toBe("Precision of nudity auto-blocks was 100.0% (56 of 56; 95% CI 93.6–100.0%) in the 28 days before and 25.0% (1 of 4; 95% CI 4.6–69.9%; fewer than 30 cases) during the incident: −75.0 pp; the 95% intervals do not overlap.");
    expect(r.actions.some((a) => a.action.startsWith("Route auto-blocks"))).toBe(true);
    // One wrongful block of four: 3 of 4 against 56 of 56 is not separated, so no action rests on it.
    const f = fixture();
    const truth = (f.flags as unknown as Record<string, unknown[]>).is_violation;
    truth[truth.length - 4] = true;
    truth[truth.length - 3] = true;
    const quiet = reviewIncident(f, spec, {baselineDays: 28, detectorWindow: 14, detectorK: 3});
    expect(quiet.impact.precisionComparison.overlap).toBe(true);
    expect(quiet.findings[2]).toMatch(/the 95% intervals overlap, so the data do not separate them\.$/);
    expect(quiet.actions.some((a) => a.action.startsWith("Route auto-blocks"))).toBe(false);
  });
  it("reviewIncident(tables, spec) rejects a window that ends before it starts", () => {
    expect(() => reviewIncident(fixture(), {...spec, end: spec.start})).toThrow("invalid incident window");
  });
});
