import {describe, expect, it} from "vitest";
import {flagFigures, narrowsCategories} from "../../../src/ops/flagKpis.js";

// Two days, two regions: the daily_country reports match the flags table, as in the published world.
const flags = [
  {date: "2025-08-01", region: "APAC", category: "spam", severity: "high", route: "auto_block", coordinated: true},
  {date: "2025-08-01", region: "APAC", category: "spam", severity: "low", route: "human_review", coordinated: false},
  {date: "2025-08-01", region: "EMEA", category: "nudity", severity: "critical", route: "human_review", coordinated: false},
  {date: "2025-08-02", region: "APAC", category: "nudity", severity: "medium", route: "auto_dismiss", coordinated: false},
  {date: "2025-07-31", region: "APAC", category: "spam", severity: "high", route: "auto_block", coordinated: true}
];
const daily_country = [
  {date: "2025-08-01", region: "APAC", reports: 2},
  {date: "2025-08-01", region: "EMEA", reports: 1},
  {date: "2025-08-02", region: "APAC", reports: 1},
  {date: "2025-07-31", region: "APAC", reports: 1}
];
const all = ["spam", "nudity"];
const scope = {from: "2025-08-01", to: "2025-08-02", region: null, categories: all, allCategories: all};

describe("flagFigures", () => {
  it("flagFigures(tables, scope) computes reports and the four shares through the dictionary", () => {
    const f = flagFigures({flags, daily_country}, scope);
    expect(f.reports?.value).toBe(4);
    expect(f.flags).toBe(4);
    expect(f.shares.map((s) => [s.id, s.numerator, s.denominator, s.place])).toEqual([
      ["escalation_rate", 2, 4, "all"],
      ["auto_block_share", 1, 4, "all"],
      ["human_review_share", 2, 4, "all"],
      ["coordinated_share", 1, 4, "all"]
    ]);
    expect(f.shares[0].lower).toBeGreaterThan(0);
    expect(f.shares[0].upper).toBeLessThan(1);
  });
  it("flagFigures under a category filter gives no reports KPI and marks the shares' place with the categories", () => {
    const f = flagFigures({flags, daily_country}, {...scope, region: "APAC", categories: ["spam"]});
    expect(f.reports).toBeNull();
    expect(f.flags).toBe(2);
    expect(f.shares[0]).toMatchObject({numerator: 1, denominator: 2, place: "APAC; categories: spam"});
  });
  it("narrowsCategories tells a category filter from none", () => {
    expect(narrowsCategories({categories: all, allCategories: all})).toBe(false);
    expect(narrowsCategories({categories: null, allCategories: all})).toBe(false);
    expect(narrowsCategories({categories: [], allCategories: all})).toBe(true);
  });
});
