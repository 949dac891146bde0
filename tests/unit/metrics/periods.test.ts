import {describe, expect, it} from "vitest";
import {months, previousPeriod, quarters, withinCalendar} from "../../../src/metrics/periods.js";

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
