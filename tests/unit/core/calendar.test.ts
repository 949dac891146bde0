import {describe, expect, it} from "vitest";
import {addDays, dateRange, daysBetween, dayOfWeek, epochMs, formatDate, formatTimestamp, isWeekend, parseDate, utcDate} from "../../../src/core/calendar.js";

describe("calendar (UTC dates as YYYY-MM-DD)", () => {
  it("parseDate and formatDate round-trip at UTC midnight and reject impossible dates", () => {
    expect(parseDate("2025-03-01")).toBe(Date.UTC(2025, 2, 1));
    expect(formatDate(Date.UTC(2025, 7, 31, 23, 59))).toBe("2025-08-31");
    // Remembered per day: any time of a day, before or after the epoch, gives that day.
    expect(formatDate(Date.UTC(2025, 7, 31))).toBe("2025-08-31");
    expect(formatDate(-1)).toBe("1969-12-31");
    expect(formatDate(0)).toBe("1970-01-01");
    expect(() => formatDate(NaN)).toThrow(RangeError);
    expect(() => parseDate("2025-02-30")).toThrow('invalid date: "2025-02-30"');
    expect(() => parseDate("2025-3-1")).toThrow("expected YYYY-MM-DD");
  });
  it("dateRange(start, end) includes both ends and refuses a backwards range", () => {
    expect(dateRange("2025-02-27", "2025-03-02")).toEqual(["2025-02-27", "2025-02-28", "2025-03-01", "2025-03-02"]);
    expect(() => dateRange("2025-03-02", "2025-03-01")).toThrow("2025-03-02 is after 2025-03-01");
  });
  it("dayOfWeek and isWeekend: 2025-03-07 is a Friday, the T&S ops dashboard's weekend is Fri-Sun", () => {
    expect(dayOfWeek("2025-03-07")).toBe(5);
    expect(["2025-03-06", "2025-03-07", "2025-03-08", "2025-03-09", "2025-03-10"].map(isWeekend)).toEqual([false, true, true, true, false]);
  });
  it("addDays and daysBetween cross month ends", () => {
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
    expect(daysBetween("2025-06-03", "2025-08-31")).toBe(89);
  });
  it("epochMs and utcDate: numbers and Dates pass through, strings become UTC midnight", () => {
    const d = new Date(Date.UTC(2025, 5, 3, 12));
    expect(epochMs(d)).toBe(d.getTime());
    expect(epochMs(42)).toBe(42);
    expect(utcDate("2025-06-03").toISOString()).toBe("2025-06-03T00:00:00.000Z");
    expect(utcDate(d)).toBe(d);
  });
});

describe("formatTimestamp(ms)", () => {
  it("is new Date(ms).toISOString(), at day, hour and year boundaries and before 1970", () => {
    const cases = [0, 1, 999, 1000, 59_999, 3_599_999, 86_399_999, 86_400_000, -1, -86_400_001, Date.UTC(2025, 2, 1, 8, 15, 0, 250), Date.UTC(2025, 11, 31, 23, 59, 59, 999), -62_167_219_200_000, 253_402_300_799_999];
    for (const ms of cases) expect({ms, iso: formatTimestamp(ms)}).toEqual({ms, iso: new Date(ms).toISOString()});
  });

  it("is toISOString for thousands of instants across the simulated year", () => {
    const start = Date.UTC(2025, 0, 1);
    for (let i = 0; i < 5000; i++) {
      const ms = start + Math.floor(((i * 2654435761) % 4_294_967_296) * 7.3);
      expect(formatTimestamp(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it("leaves what it does not format fast to toISOString: years outside 0000-9999, fractions of a millisecond, NaN", () => {
    for (const ms of [253_402_300_800_000, -62_167_219_200_001, 1.5]) expect(formatTimestamp(ms)).toBe(new Date(ms).toISOString());
    expect(() => formatTimestamp(NaN)).toThrow(RangeError);
  });
});
