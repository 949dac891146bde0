import {describe, expect, it} from "vitest";
import {backlogAt, backlogByDay, endOfDay} from "../../../src/ops/backlog.js";

const H = 3_600_000;
const day1 = Date.UTC(2025, 5, 1);
const cases = [
  {ts: day1 + 10 * H, decided_ts: day1 + 30 * H, severity: "high"}, // open at the end of day 1 only
  {ts: day1 + 20 * H, decided_ts: day1 + 70 * H, severity: "high"}, // open at the ends of days 1 and 2
  {ts: day1 + 2 * H, decided_ts: day1 + 3 * H, severity: "low"}, // decided the same day: never in a backlog
  {ts: day1 + 40 * H, decided_ts: day1 + 48 * H, severity: "critical"} // decided exactly at the end of day 2
];

describe("backlogByDay", () => {
  it("backlogByDay(cases, dates) counts open cases at 24:00 of each day, per severity", () => {
    const out = backlogByDay(cases, ["2025-06-01", "2025-06-02", "2025-06-03"], (c) => c.severity, ["critical", "high", "low"]);
    const by = (k: string) => out.filter((d) => d.key === k).map((d) => d.open);
    expect(by("high")).toEqual([2, 1, 0]);
    expect(by("critical")).toEqual([0, 0, 0]);
    expect(by("low")).toEqual([0, 0, 0]);
    expect(backlogByDay(cases, [])).toEqual([]);
  });
});

describe("backlogAt", () => {
  it("backlogAt(cases, t) gives open cases, ages and those over the SLA", () => {
    const out = backlogAt(cases, endOfDay("2025-06-02"), {slaHours: 24, keys: ["critical", "high"]});
    expect(out[0]).toEqual({key: "critical", open: 0, overSla: 0, oldestHours: NaN, medianAgeHours: NaN});
    expect(out[1]).toEqual({key: "high", open: 1, overSla: 1, oldestHours: 28, medianAgeHours: 28});
  });
  it("backlogAt(cases, t, {keys}) counts only the cases whose key is in keys", () => {
    // A medium case open at the same time must not count towards a high/critical backlog.
    const withMedium = [...cases, {ts: day1 + 30 * H, decided_ts: day1 + 90 * H, severity: "medium"}];
    const out = backlogAt(withMedium, endOfDay("2025-06-02"), {slaHours: 24, keys: ["critical", "high"]});
    expect(out.map((b) => b.key)).toEqual(["critical", "high"]);
    expect(out.reduce((s, b) => s + b.open, 0)).toBe(1);
    // Without keys, every key found is reported.
    expect(backlogAt(withMedium, endOfDay("2025-06-02")).map((b) => b.key).sort()).toEqual(["high", "medium"]);
  });
  it("backlogByDay(cases, dates, key, keys) counts only the listed keys", () => {
    const out = backlogByDay(cases, ["2025-06-01", "2025-06-02"], (c) => c.severity, ["critical"]);
    expect([...new Set(out.map((d) => d.key))]).toEqual(["critical"]);
  });
  it("endOfDay(date) is midnight UTC after the date", () => {
    expect(endOfDay("2025-06-01")).toBe(day1 + 24 * H);
    expect(endOfDay(new Date(day1 + 5 * H))).toBe(day1 + 24 * H);
  });
});
