import {describe, expect, it} from "vitest";
import {findSpikeWeek, weekOverWeek} from "../../../src/investigate/findSpikeWeek.js";

const weeks = [
  {week: "2025-04-28", days: 7, reports: 100},
  {week: "2025-05-12", days: 7, reports: 150},
  {week: "2025-05-05", days: 7, reports: 110},
  {week: "2025-05-19", days: 7, reports: 180},
  {week: "2025-05-26", days: 7, reports: 90},
  {week: "2025-07-07", days: 7, reports: 400}
];

describe("findSpikeWeek", () => {
  it("weekOverWeek(weeks) sorts and compares each full week with the one before", () => {
    const w = weekOverWeek(weeks);
    expect(w.map((x) => x.week)).toEqual(["2025-04-28", "2025-05-05", "2025-05-12", "2025-05-19", "2025-05-26", "2025-07-07"]);
    expect(Number.isNaN(w[0].change)).toBe(true);
    expect(w[1].change).toBeCloseTo(0.1, 12);
    expect(w[2].change).toBeCloseTo(150 / 110 - 1, 12);
    // A gap in the weeks: no comparison.
    expect(Number.isNaN(w[5].change)).toBe(true);
  });
  it("weekOverWeek(weeks) never compares a partial week", () => {
    const w = weekOverWeek([{week: "2025-02-24", days: 2, reports: 10}, {week: "2025-03-03", days: 7, reports: 100}, {week: "2025-03-10", days: 3, reports: 20}]);
    expect(w.every((x) => Number.isNaN(x.change))).toBe(true);
  });
  it("findSpikeWeek(weeks, launch) takes the largest rise within the search window", () => {
    const w = weekOverWeek(weeks);
    expect(findSpikeWeek(w, "2025-05-07")?.week).toBe("2025-05-12");
    // Ties keep the earlier week.
    const tie = weekOverWeek([{week: "2025-05-05", days: 7, reports: 100}, {week: "2025-05-12", days: 7, reports: 150}, {week: "2025-05-19", days: 7, reports: 225}]);
    expect(findSpikeWeek(tie, "2025-05-05")?.week).toBe("2025-05-12");
  });
  it("findSpikeWeek(weeks, launch, {searchDays: 0}) only considers the launch week", () => {
    expect(findSpikeWeek(weekOverWeek(weeks), "2025-05-07", {searchDays: 0})?.week).toBe("2025-05-05");
  });
  it("findSpikeWeek([]) is null and bad inputs throw", () => {
    expect(findSpikeWeek([], "2025-05-05")).toBeNull();
    expect(() => findSpikeWeek([], "May 5")).toThrow("invalid launch date: May 5");
    expect(() => findSpikeWeek([], "2025-05-05", {searchDays: -1})).toThrow("invalid search window: -1");
  });
});
