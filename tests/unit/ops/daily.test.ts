import {describe, expect, it} from "vitest";
import {countBy, countByDay, shareByDay} from "../../../src/ops/daily.js";

const dates = ["2025-06-01", "2025-06-02", "2025-06-03"];
const rows = [
  {date: "2025-06-01", category: "spam", severity: "high"},
  {date: "2025-06-01", category: "spam", severity: "low"},
  {date: new Date("2025-06-03T00:00:00Z"), category: "nudity", severity: "critical"},
  {date: "2025-05-31", category: "spam", severity: "high"}
];

describe("countByDay", () => {
  it("countByDay(rows, dates, key, keys) fills every date x key with zeros and skips dates outside", () => {
    const out = countByDay(rows, dates, (r) => r.category, ["spam", "nudity", "other"]);
    expect(out).toHaveLength(9);
    expect(out.filter((d) => d.key === "spam").map((d) => d.count)).toEqual([2, 0, 0]);
    expect(out.filter((d) => d.key === "nudity").map((d) => d.count)).toEqual([0, 0, 1]);
    expect(out.filter((d) => d.key === "other").every((d) => d.count === 0)).toBe(true);
  });
  it("countByDay([], dates) is one zero series", () => {
    expect(countByDay([], dates).map((d) => d.count)).toEqual([0, 0, 0]);
  });
});

describe("shareByDay", () => {
  it("shareByDay(rows, dates, predicate) is NaN on a day without rows", () => {
    const out = shareByDay(rows, dates, (r) => r.severity === "high" || r.severity === "critical");
    expect(out[0]).toEqual({date: "2025-06-01", total: 2, matching: 1, share: 0.5});
    expect(out[1].share).toBeNaN();
    expect(out[2].share).toBe(1);
  });
});

describe("countBy", () => {
  it("countBy(rows, key, domain) keeps the domain order, zeros included, then other values by count", () => {
    const out = countBy(rows, (r) => r.severity, ["critical", "high", "medium"]);
    expect(out.map((d) => [d.key, d.count])).toEqual([["critical", 1], ["high", 2], ["medium", 0], ["low", 1]]);
    expect(out[1].share).toBe(0.5);
  });
  it("countBy([], key) has NaN shares", () => {
    expect(countBy([], (r: {k: string}) => r.k, ["a"])).toEqual([{key: "a", count: 0, share: NaN}]);
  });
});

describe("daily counts of a flag cube", () => {
  const cube = [
    {date: "2025-03-01", category: "spam", urgent: true, n: 3},
    {date: "2025-03-01", category: "spam", urgent: false, n: 1},
    {date: "2025-03-02", category: "fraud", urgent: false, n: 4}
  ];
  const dates = ["2025-03-01", "2025-03-02"];
  it("countByDay, shareByDay and countBy count a row as its n flags", () => {
    expect(countByDay(cube, dates).map((d) => d.count)).toEqual([4, 4]);
    expect(shareByDay(cube, dates, (r) => r.urgent).map((d) => d.share)).toEqual([0.75, 0]);
    expect(countBy(cube, (r) => r.category, ["spam", "fraud"])).toEqual([{key: "spam", count: 4, share: 0.5}, {key: "fraud", count: 4, share: 0.5}]);
  });
});
