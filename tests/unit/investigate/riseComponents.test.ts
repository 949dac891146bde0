import {describe, expect, it} from "vitest";
import {riseComponents, segmentTotal, type SegmentRow} from "../../../src/investigate/riseComponents.js";

const row = (week: string, surface: SegmentRow["surface"], sender: SegmentRow["sender"], reports: number): SegmentRow => ({week, surface, sender, reports, violations: reports / 2, aiRaised: 0});
const segments = [
  row("2025-05-05", "message", "other", 200), row("2025-05-05", "post_comment", "other", 2000),
  row("2025-05-12", "message", "other", 560), row("2025-05-12", "message", "ring", 480), row("2025-05-12", "post_comment", "ring", 20), row("2025-05-12", "post_comment", "other", 1960)
];

describe("riseComponents", () => {
  it("riseComponents(segments, week, previous) splits the rise into adoption, attacker and the rest", () => {
    const r = riseComponents(segments, "2025-05-12", "2025-05-05");
    expect(r.parts.map((p) => [p.id, p.delta])).toEqual([["adoption", 360], ["attacker", 500], ["baseline", -40]]);
    expect(r.delta).toBe(820);
    expect(r.parts[1].label).toMatch(/^Attacker activity/);
  });
  it("segmentTotal(segments, week, null, null, key) sums any column", () => {
    expect(segmentTotal(segments, "2025-05-12", null, null)).toBe(3020);
    expect(segmentTotal(segments, "2025-05-12", "message", null, "violations")).toBe(520);
    expect(segmentTotal(segments, "2025-06-01", null, null)).toBe(0);
  });
});
