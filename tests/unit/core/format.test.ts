import {describe, expect, it} from "vitest";
import {formatBytes, formatChange, formatCount, formatDelta, formatHours, formatInterval, formatKpi, formatMinute, formatNumber, formatPercent, formatPp, formatRate, NONE} from "../../../src/core/format.js";

describe("format", () => {
  it("every formatter prints the one null glyph for a value that does not exist", () => {
    for (const f of [formatCount, formatPercent, formatHours, formatPp, formatChange, (x: number) => formatNumber(x), (x: number) => formatRate(x, "user")]) {
      expect(f(NaN)).toBe(NONE);
      expect(f(null as unknown as number)).toBe(NONE);
      expect(f(Infinity)).toBe(NONE);
    }
    expect(NONE).toBe("–");
  });

  it("formatPercent(share) multiplies a fraction by 100 once", () => {
    expect(formatPercent(0.7291)).toBe("72.9%");
    expect(formatPercent(0.05, 0)).toBe("5%");
    expect(formatPercent(-0.012)).toBe("−1.2%");
  });

  it("formatPp(delta) shows a difference of shares in percentage points with a sign", () => {
    expect(formatPp(0.0142)).toBe("+1.4 pp");
    expect(formatPp(-0.014)).toBe("−1.4 pp");
    expect(formatPp(0.0001)).toBe("±0.0 pp");
  });

  it("formatChange(ratio) shows a relative change of a count", () => {
    expect(formatChange(0.123)).toBe("+12.3%");
    expect(formatChange(-0.5, 0)).toBe("−50%");
  });

  it("formatCount, formatHours and formatNumber use en-US separators and the typographic minus", () => {
    expect(formatCount(1234.4)).toBe("1,234");
    expect(formatCount(-0.2)).toBe("0");
    expect(formatHours(14.94)).toBe("14.9 h");
    expect(formatNumber(-1.25, 1)).toBe("−1.3");
    expect(formatNumber(-0.01, 1)).toBe("0.0");
  });

  it("formatKpi(value, unit) formats each unit", () => {
    expect(formatKpi(1234.4, "count")).toBe("1,234");
    expect(formatKpi(0.7285, "percent")).toBe("72.9%");
    expect(formatKpi(0.0121, "percent")).toBe("1.21%");
    expect(formatKpi(14.94, "hours")).toBe("14.9 h");
    expect(formatKpi(6.531, "per_1000_dau")).toBe("6.53 per 1,000 DAU");
  });

  it("formatDelta(delta, unit) is pp for percents and the unit's own terms otherwise", () => {
    expect(formatDelta(-0.014, "percent")).toBe("−1.4 pp");
    expect(formatDelta(0.84, "hours")).toBe("+0.8 h");
    expect(formatDelta(-12, "count")).toBe("−12");
    expect(formatDelta(0.123, "per_1000_dau")).toBe("+0.12 per 1,000 DAU");
  });

  it("formatInterval(lower, upper, unit) writes a range", () => {
    expect(formatInterval(0.701, 0.752, "percent")).toBe("70.1–75.2%");
    expect(formatInterval(1, 2, "hours")).toBe("1.0 h to 2.0 h");
  });

  it("formatMinute(value) writes a UTC instant to the minute, cutting the seconds", () => {
    expect(formatMinute(Date.UTC(2025, 7, 12, 9, 0, 59))).toBe("2025-08-12 09:00");
    expect(formatMinute(new Date("2025-08-13T21:05:00+02:00"))).toBe("2025-08-13 19:05");
  });

  it("formatBytes(n) uses decimal kB and MB", () => {
    expect(formatBytes(1234)).toBe("1.2 kB");
    expect(formatBytes(4_890_000)).toBe("4.9 MB");
  });
});
