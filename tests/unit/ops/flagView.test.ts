import {describe, expect, it} from "vitest";
import {CATEGORIES} from "../../../src/core/constants.js";
import {flagComparisonText, flagMixRows, flagScopeText, flagView, type FlagMixRow} from "../../../src/ops/flagView.js";
import {rangeDates} from "../../../src/ops/range.js";

/**
 * Two weeks, 2025-06-01 to 06-14. Each day: 2 APAC spam flags triaged high and auto-blocked, 1 EMEA
 * nudity flag triaged low and reviewed; on 06-10 also 3 APAC spam flags triaged critical. Week one
 * has 21 flags, week two 24: +3, all spam.
 */
const dates = rangeDates({from: "2025-06-01", to: "2025-06-14"});
const flags: FlagMixRow[] = flagMixRows([
  ...dates.flatMap((date) => [
    {date: new Date(`${date}T00:00:00Z`), region: "APAC", category: "spam", severity: "high", route: "auto_block", action: "removal", coordinated: false, n: 2},
    {date: new Date(`${date}T00:00:00Z`), region: "EMEA", category: "nudity", severity: "low", route: "human_review", action: "none", coordinated: false, n: 1}
  ]),
  {date: "2025-06-10", region: "APAC", category: "spam", severity: "critical", route: "auto_block", action: "removal", coordinated: true, n: 3}
]);
const dailyCountry = dates.flatMap((date) => [
  {date, country: "Singapore", region: "APAC", reports: date === "2025-06-10" ? 5 : 2},
  {date, country: "Germany", region: "EMEA", reports: 1}
]);
const tables = {daily_country: dailyCountry, flags};
const all = {region: "All regions", categories: [...CATEGORIES]};
const period = {from: "2025-06-01", to: "2025-06-14", previous: null};

describe("flagMixRows", () => {
  it("flagMixRows(rows) turns each date into its UTC day and keeps the other fields", () => {
    expect(flags[0]).toEqual({date: "2025-06-01", region: "APAC", category: "spam", severity: "high", route: "auto_block", action: "removal", coordinated: false, n: 2});
    expect(flags.at(-1)!.date).toBe("2025-06-10");
  });
});

describe("flagView", () => {
  it("flagView over two weeks counts each day's flags by category and compares the latest week with the one before", () => {
    const v = flagView(flags, tables, period, all);
    expect(v.range).toEqual({from: "2025-06-01", to: "2025-06-14"});
    expect(v.days).toBe(14);
    expect(v.rows).toHaveLength(29);
    expect(v.daily.filter((d) => d.date === "2025-06-10").map((d) => [d.key, d.count])).toEqual([["spam", 5], ["harassment_hate", 0], ["nudity", 1], ["misinformation", 0], ["child_safety", 0], ["other", 0]]);
    expect(v.week).toMatchObject({start: "2025-06-08", end: "2025-06-14", count: 24, previous: 21, riser: {key: "spam", count: 17, previous: 14}});
    expect(v.week!.change).toBeCloseTo(3 / 21, 12);
    expect(v.weeks.length).toBe(12);
  });
  it("flagView gives the escalation rate per day and the severity and action mixes in their fixed order", () => {
    const v = flagView(flags, tables, period, all);
    expect(v.escalation.find((d) => d.date === "2025-06-10")).toEqual({date: "2025-06-10", total: 6, matching: 5, share: 5 / 6});
    expect(v.escalation[0].share).toBeCloseTo(2 / 3, 12);
    expect(v.severities.map((d) => [d.key, d.count])).toEqual([["critical", 3], ["high", 28], ["medium", 0], ["low", 14]]);
    expect(v.actions.map((d) => d.count)).toEqual([31, 0, 0, 0, 14]);
  });
  it("flagView's cards: the dictionary's Reports and shares over the range, none to compare without a previous period", () => {
    const v = flagView(flags, tables, period, all);
    expect(v.now.reports?.value).toBe(45);
    expect(v.now.flags).toBe(45);
    expect(v.now.shares.map((f) => f.id)).toEqual(["escalation_rate", "auto_block_share", "human_review_share", "coordinated_share"]);
    expect(v.now.shares[0].value).toBeCloseTo(31 / 45, 12);
    expect(v.then).toBeNull();
  });
  it("flagView under a region and a category filter counts the chosen flags only and has no Reports card", () => {
    const v = flagView(flags, tables, {...period, previous: {label: "previous period", from: "2025-05-18", to: "2025-05-31"}}, {region: "APAC", categories: ["spam"]});
    expect(v.rows.reduce((s, r) => s + r.n, 0)).toBe(31);
    expect(v.now.reports).toBeNull();
    expect(v.now.flags).toBe(31);
    expect(v.then?.flags).toBe(0);
    expect(v.week).toMatchObject({count: 17, previous: 14});
  });
  it("flagView has no latest week under 7 days", () => {
    expect(flagView(flags, tables, {from: "2025-06-09", to: "2025-06-14", previous: null}, all).week).toBeNull();
  });
});

describe("flagScopeText and flagComparisonText", () => {
  it("flagScopeText(region, categories) names the region and the categories, or says all or none", () => {
    expect(flagScopeText("All regions", [...CATEGORIES])).toBe("all regions, all categories");
    expect(flagScopeText("EMEA", ["spam", "harassment_hate"])).toBe("EMEA, Spam, Harassment/hate");
    expect(flagScopeText("APAC", [])).toBe("APAC, no category");
  });
  it("flagComparisonText says what the cards compare with, and adds the category filter's caveat", () => {
    const v = flagView(flags, tables, period, all);
    const previous = {label: "previous period", from: "2025-05-18", to: "2025-05-31"};
    expect(flagComparisonText({...period, previous, compare: "Previous period"}, v.now)).toBe("Cards compare with 2025-05-18 to 2025-05-31 (previous period); shares change in percentage points, with 95% Wilson intervals.");
    expect(flagComparisonText({...period, compare: "None"}, v.now)).toBe("No comparison chosen.");
    expect(flagComparisonText({...period, compare: "Same period last month"}, v.now)).toBe("The same period last month starts before the data, so the cards show no comparison.");
    const narrow = flagView(flags, tables, period, {region: "APAC", categories: ["spam"]});
    expect(flagComparisonText({...period, compare: "None"}, narrow.now)).toMatch(/^No comparison chosen\. Under a category filter the shares are/);
  });
});
