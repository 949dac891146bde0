import {describe, expect, it} from "vitest";
import {comparisonPeriod, months, presetOf, presetPeriod, previousPeriod, quarters, withinCalendar} from "../../../src/metrics/periods.js";

describe("periods", () => {
  it("previousPeriod(from, to) is the period of equal length just before", () => {
    expect(previousPeriod("2025-06-01", "2025-08-31")).toMatchObject({from: "2025-03-01", to: "2025-05-31"});
    expect(previousPeriod("2025-03-02", "2025-03-02")).toMatchObject({from: "2025-03-01", to: "2025-03-01"});
    expect(() => previousPeriod("2025-03-02", "2025-03-01")).toThrow("invalid period");
  });
  it("withinCalendar(period) is false for days before the simulation", () => {
    expect(withinCalendar(previousPeriod("2025-03-01", "2025-03-10"))).toBe(false);
    expect(withinCalendar({from: "2025-03-01", to: "2025-08-31"})).toBe(true);
  });
  it("quarters() and months() split the half-year", () => {
    expect(quarters().map((q) => [q.from, q.to])).toEqual([["2025-03-01", "2025-05-31"], ["2025-06-01", "2025-08-31"]]);
    expect(months().map((m) => m.label)).toEqual(["March", "April", "May", "June", "July", "August"]);
  });
});

describe("the shared period control's rules", () => {
  it("presetPeriod(preset, asOf) ends on asOf, clipped to the calendar", () => {
    expect(presetPeriod("Last 7 days", "2025-08-31")).toEqual({from: "2025-08-25", to: "2025-08-31"});
    expect(presetPeriod("Last 90 days", "2025-03-20")).toEqual({from: "2025-03-01", to: "2025-03-20"});
    expect(presetPeriod("Half-year", "2025-06-01")).toEqual({from: "2025-03-01", to: "2025-08-31"});
    expect(presetPeriod("Custom", "2025-06-01")).toBeNull();
  });
  it("presetOf(dates, asOf) names the preset or says Custom", () => {
    expect(presetOf({from: "2025-06-03", to: "2025-08-31"}, "2025-08-31")).toBe("Last 90 days");
    expect(presetOf({from: "2025-06-04", to: "2025-08-31"}, "2025-08-31")).toBe("Custom");
  });
  it("comparisonPeriod(kind, period) is the previous period, the same days a month earlier, or none", () => {
    expect(comparisonPeriod("Previous period", {from: "2025-08-25", to: "2025-08-31"})).toEqual({label: "previous period", from: "2025-08-18", to: "2025-08-24"});
    expect(comparisonPeriod("Same period last month", {from: "2025-07-31", to: "2025-08-31"})).toEqual({label: "same period last month", from: "2025-06-30", to: "2025-07-31"});
    expect(comparisonPeriod("None", {from: "2025-08-25", to: "2025-08-31"})).toBeNull();
    // Before the calendar: no partial comparison.
    expect(comparisonPeriod("Same period last month", {from: "2025-03-01", to: "2025-03-31"})).toBeNull();
  });
});
