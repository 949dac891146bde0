import {describe, expect, it} from "vitest";
import {countryKpiHeaders, countryKpis, COUNTRY_KPI_IDS, COUNTRY_KPIS} from "../../../src/metrics/countryKpis.js";
import {kpiDefinition} from "../../../src/metrics/definitions.js";
import {crossCount, describeMixPart, mixBy} from "../../../src/metrics/mixes.js";
import {dailyTotals, weekStart} from "../../../src/metrics/series.js";

const rows = [
  {date: "2025-03-02", country: "A", region: "R", content_created: 100, reports: 4, reports_spam: 1, reports_misinformation: 3, source_ai: 4, enforcements: 2, appeals: 1, successful_appeals: 1, median_response_time_hours: 10},
  {date: "2025-03-01", country: "A", region: "R", content_created: 100, reports: 0, reports_spam: 0, reports_misinformation: 0, source_ai: 0, enforcements: 0, appeals: 0, successful_appeals: 0, median_response_time_hours: null},
  {date: "2025-03-02", country: "B", region: "R", content_created: 300, reports: 6, reports_spam: 6, reports_misinformation: 0, source_ai: 3, enforcements: 3, appeals: 0, successful_appeals: 0, median_response_time_hours: 20}
];

describe("dailyTotals", () => {
  it("dailyTotals(rows) sums countries per date, sorted, and recomputes shares from sums", () => {
    const t = dailyTotals(rows);
    expect(t.map((d) => d.date)).toEqual(["2025-03-01", "2025-03-02"]);
    expect(t[1].reports).toBe(10);
    expect(t[1].share_misinformation).toBeCloseTo(0.3);
    expect(t[1].share_source_ai).toBeCloseTo(0.7);
    expect(t[0].share_spam).toBeNaN();
    expect(dailyTotals([])).toEqual([]);
  });
  it("weekStart(date) is the Monday of the week", () => {
    expect(weekStart("2025-03-02")).toBe("2025-02-24"); // a Sunday
    expect(weekStart("2025-03-03")).toBe("2025-03-03"); // a Monday
  });
});

describe("mixBy and crossCount", () => {
  it("mixBy(rows, group, parts) gives shares of summed counts and drops empty groups", () => {
    const mix = mixBy(rows, (r) => String(r.country), {spam: "reports_spam", misinformation: "reports_misinformation"});
    expect(mix.find((d) => d.group === "A" && d.part === "misinformation")).toEqual({group: "A", part: "misinformation", count: 3, share: 0.75, total: 4});
    expect(mixBy([rows[1]], () => "x", {spam: "reports_spam"})).toEqual([]);
  });
  it("describeMixPart(part, names) formats the share once, with its counts and readable names", () => {
    const d = {group: "SG", part: "spam", count: 587, share: 587 / 2530, total: 2530};
    expect(describeMixPart(d, {of: "reports", group: "Singapore", part: "Spam"})).toBe("Singapore: Spam\n23.2% of reports (587 of 2,530)");
    expect(describeMixPart(d, {of: "flags"})).toBe("SG: spam\n23.2% of flags (587 of 2,530)");
  });
  it("crossCount(rows, fields) counts each combination once, sorted", () => {
    expect(crossCount([{a: 1, b: "x"}, {a: 1, b: "x"}, {a: 2, b: "y"}], ["a", "b"])).toEqual([{a: 1, b: "x", n: 2}, {a: 2, b: "y", n: 1}]);
  });
});

describe("countryKpis", () => {
  it("countryKpis(rows) reproduces the APAC KPI dashboard's country table: sums, then rates", () => {
    const [a, b] = countryKpis(rows);
    expect(a).toMatchObject({country: "A", content_created: 200, reports: 4, enforcements: 2, appeals: 1, successful_appeals: 1, report_rate: 0.02, enforcement_rate: 0.5, appeal_rate: 0.5, appeal_overturn_rate: 1, median_response_time_hours: 10});
    expect(b.appeal_overturn_rate).toBeNaN();
    expect(countryKpis(rows, {from: "2025-03-02", to: "2025-03-02"})[0].content_created).toBe(100);
  });
  it("countryKpis(rows) gives no value, not 0, for a column the data does not record (an import without appeals)", () => {
    const [a] = countryKpis(rows.map((r) => ({...r, appeals: null, successful_appeals: null})));
    expect([a.appeals, a.successful_appeals, a.appeal_rate, a.appeal_overturn_rate]).toEqual([NaN, NaN, NaN, NaN]);
    expect(a.reports).toBe(4);
  });
});

describe("countryKpiHeaders", () => {
  it("countryKpiHeaders() titles every KPI column by its dictionary name (appeal overturn rate, not success)", () => {
    const headers = countryKpiHeaders();
    expect(headers.appeal_overturn_rate).toBe("Appeal overturn rate");
    expect(headers.median_response_time_hours).toBe("Median response time");
    for (const [column, id] of Object.entries(COUNTRY_KPI_IDS)) expect(headers[column]).toBe(kpiDefinition(id).name);
    expect(COUNTRY_KPIS.columns.map((c) => c.name)).toContain("appeal_overturn_rate");
    expect(COUNTRY_KPIS.columns.map((c) => c.name)).not.toContain("appeal_success_rate");
  });
});
