import {describe, expect, it} from "vitest";
import {dateRange} from "../../../src/core/calendar.js";
import {latestWeek, twoWeekDates, weekOverWeek} from "../../../src/ops/weekOverWeek.js";

describe("weekOverWeek", () => {
  // 16 days: weeks end on the last day, so the first two days fall outside two whole weeks.
  const dates = dateRange("2025-06-01", "2025-06-16");
  const daily = dates.map((date, i) => ({date, key: "spam", count: i < 2 ? 100 : i < 9 ? 10 : 15}));
  it("weekOverWeek(daily) counts 7-day weeks ending on the last date and compares each with the week before", () => {
    const weeks = weekOverWeek(daily);
    expect(weeks.map((w) => [w.start, w.end, w.count])).toEqual([["2025-06-03", "2025-06-09", 70], ["2025-06-10", "2025-06-16", 105]]);
    expect(weeks[0].previous).toBeNaN();
    expect(weeks[1].change).toBeCloseTo(0.5);
  });
  it("weekOverWeek(daily) gives NaN change after a zero week, and nothing under 7 days", () => {
    const zero = dates.slice(2).map((date, i) => ({date, key: "a", count: i < 7 ? 0 : 1}));
    expect(weekOverWeek(zero)[1].change).toBeNaN();
    expect(weekOverWeek(daily.slice(0, 6))).toEqual([]);
    expect(weekOverWeek([])).toEqual([]);
  });
});

describe("latestWeek", () => {
  it("latestWeek(weekOverWeek(daily over twoWeekDates)) sums every key of the latest week, including keys with no flags the week before", () => {
    const dates = twoWeekDates("2025-08-17", "2025-03-01");
    expect([dates[0], dates.length]).toEqual(["2025-08-04", 14]);
    const daily = [
      ...dates.map((date, i) => ({date, key: "spam", count: i < 7 ? 10 : 20})),
      ...dates.map((date, i) => ({date, key: "nudity", count: i < 7 ? 0 : 3}))
    ];
    const w = latestWeek(weekOverWeek(daily))!;
    expect([w.start, w.end, w.count, w.previous]).toEqual(["2025-08-11", "2025-08-17", 161, 70]);
    expect(w.change).toBeCloseTo(91 / 70);
    expect(w.riser?.key).toBe("spam");
  });
  it("latestWeek gives NaN for the week before when the data starts in the latest week, and null for no weeks", () => {
    const dates = twoWeekDates("2025-03-09", "2025-03-01");
    expect(dates.length).toBe(9);
    const w = latestWeek(weekOverWeek(dates.map((date) => ({date, key: "spam", count: 1}))))!;
    expect([w.count, w.previous, w.riser]).toEqual([7, NaN, null]);
    expect(w.change).toBeNaN();
    expect(latestWeek([])).toBeNull();
  });
});
