import {describe, expect, it} from "vitest";
import {clampRange, inRange, OPS_RANGE, rangeDates, toDay, weekRange, WORLD_RANGE} from "../../../src/ops/range.js";

describe("range", () => {
  it("OPS_RANGE is the last 90 days of the world", () => {
    expect(OPS_RANGE).toEqual({from: "2025-06-03", to: "2025-08-31"});
    expect(rangeDates(OPS_RANGE)).toHaveLength(90);
  });
  it("clampRange(a, b) swaps reversed inputs and clamps to the world", () => {
    expect(clampRange("2025-07-10", "2025-07-01")).toEqual({from: "2025-07-01", to: "2025-07-10"});
    expect(clampRange("2024-01-01", "2026-01-01")).toEqual(WORLD_RANGE);
    expect(clampRange(new Date("2025-06-03T00:00:00Z"), null)).toEqual({from: "2025-06-03", to: "2025-08-31"});
    expect(clampRange("2025-09-10", "2025-09-12")).toEqual({from: "2025-08-31", to: "2025-08-31"});
  });
  it("weekRange(monday) is the seven days from the Monday, cut to the world's first and last day", () => {
    expect(weekRange("2025-06-02")).toEqual({from: "2025-06-02", to: "2025-06-08"});
    // The world starts on Saturday 2025-03-01 and ends on Sunday 2025-08-31.
    expect(weekRange("2025-02-24")).toEqual({from: "2025-03-01", to: "2025-03-02"});
    expect(weekRange("2025-08-25")).toEqual({from: "2025-08-25", to: "2025-08-31"});
    expect(weekRange("2025-08-28")).toEqual({from: "2025-08-28", to: "2025-08-31"});
    expect(weekRange("2025-06-02", {from: "2025-06-04", to: "2025-06-30"})).toEqual({from: "2025-06-04", to: "2025-06-08"});
  });
  it("toDay(value) reads Dates, epoch ms and strings as UTC days; inRange is inclusive", () => {
    expect(toDay(Date.UTC(2025, 5, 3, 23, 59))).toBe("2025-06-03");
    expect(toDay("2025-06-03T10:00:00Z")).toBe("2025-06-03");
    expect(inRange("2025-08-31", OPS_RANGE)).toBe(true);
    expect(inRange("2025-06-02", OPS_RANGE)).toBe(false);
  });
});
