import {describe, expect, it} from "vitest";
import {categoryMixes, categoryMixText, mixCasesHref, mixShare, mixSpec, type CrossTabRow} from "../../../src/metrics/mixView.js";

const row = (region: string, category: string, source: string, action: string, n: number): CrossTabRow => ({region, category, source, action, n});
const crossTab = [
  row("APAC", "spam", "ai", "removal", 6),
  row("APAC", "spam", "user", "none", 2),
  row("EMEA", "spam", "user", "removal", 2),
  row("APAC", "nudity", "ai", "removal", 1),
  row("APAC", "nudity", "user", "none", 3),
  row("APAC", "misinformation", "user", "downrank", 3),
  row("APAC", "misinformation", "ai", "warning", 1),
  row("APAC", "child_safety", "trusted_flagger", "removal", 4),
  row("APAC", "child_safety", "trusted_flagger", "suspension", 1)
];

describe("mixView", () => {
  it("mixSpec(kind) maps each part to its daily_country column and names what it divides", () => {
    expect(mixSpec("Source")).toEqual({parts: {user: "source_user", ai: "source_ai", trusted_flagger: "source_trusted_flagger"}, of: "reports", field: "source"});
    expect(mixSpec("Enforcement type").of).toBe("enforcements");
    expect(Object.values(mixSpec("Category").parts)[0]).toBe("reports_spam");
    expect(() => mixSpec("Colour" as "Source")).toThrow("invalid mix: Colour");
  });
  it("mixCasesHref(range, field, part) opens the country's flags of that part", () => {
    expect(mixCasesHref({from: "2025-07-01", to: "2025-07-07"}, "category", {group: "Vietnam", part: "spam"})).toBe("./cases.html?from=2025-07-01&to=2025-07-07&country=vietnam&category=spam");
  });
  it("categoryMixes(crossTab, region) shares sources over every flag and actions over enforced flags only", () => {
    const all = categoryMixes(crossTab, null);
    expect(mixShare(all.sourceByCategory, "spam", "ai")).toBe(0.6); // 6 of 10
    expect(mixShare(all.actionByCategory, "spam", "removal")).toBe(1); // the 2 unenforced spam flags are left out
    const apac = categoryMixes(crossTab, "APAC");
    expect(mixShare(apac.sourceByCategory, "spam", "ai")).toBe(0.75); // 6 of 8
    expect(mixShare(apac.sourceByCategory, "other", "ai")).toBeNaN();
  });
  it("categoryMixText(sources, actions) says mostly above one half and lists child safety's actions", () => {
    const {sourceByCategory, actionByCategory} = categoryMixes(crossTab, null);
    expect(categoryMixText(sourceByCategory, actionByCategory)).toBe(
      "Spam comes mostly from the AI classifier (60.0% of its flags), nudity only partly (25.0%), and misinformation mostly from users (75.0%). Misinformation is mostly downranked (75.0% of its enforcements); child safety's actions are removal and suspension."
    );
  });
  it("categoryMixText([], []) says none and shows missing shares as such", () => {
    expect(categoryMixText([], [])).toMatch(/child safety's actions are none\.$/);
  });
});
