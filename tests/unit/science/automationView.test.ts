import {describe, expect, it} from "vitest";
import {automationSampleText, clusterItems, commonestCappedFanout, dedupListingText, falseLinkTotals, templateGroupOrder, type DedupGroupRow} from "../../../src/science/automationView.js";
import {MAX_LISTED_GROUPS} from "../../../src/science/boundRows.js";

describe("automationSampleText(rate, er)", () => {
  it("automationSampleText says nothing when every row is kept", () => {
    expect(automationSampleText(1, {accounts: 10, skippedPrefixes: 2})).toBeNull();
  });
  it("automationSampleText(0.25, er) names the share, the factor, the published accounts and the prefixes the cap leaves out", () => {
    const text = automationSampleText(0.25, {accounts: 12345, skippedPrefixes: 7})!;
    expect(text).toContain("a fixed 25.0% sample of the human-review flags (about 1 in 4)");
    expect(text).toContain("The accounts are the published ones, 12,345 in all");
    expect(text).toContain("fewer prefixes (7 here)");
  });
});

describe("dedupListingText(listed, clusters)", () => {
  it("dedupListingText says all texts are listed when they are", () => {
    expect(dedupListingText(40, {distinct: 40, texts: 90})).toBe("Listed: all 40 distinct texts.");
  });
  it("dedupListingText splits a partial listing into the largest groups and the clustered others", () => {
    const listed = MAX_LISTED_GROUPS + 300;
    const text = dedupListingText(listed, {distinct: 5000, texts: 20000});
    expect(text).toContain(`Listed: 1,300 of the 5,000 distinct texts, namely the 1,000 with the most copies and the 300 others`);
    expect(text).toContain("the cards count all 20,000 texts.");
  });
});

describe("falseLinkTotals(rows)", () => {
  it("falseLinkTotals sums the false and the benign-to-benign links over the kinds", () => {
    expect(falseLinkTotals([{falsePairs: 5, benignPairs: 2}, {falsePairs: 0, benignPairs: 0}, {falsePairs: 3, benignPairs: 3}])).toEqual({pairs: 8, benign: 5});
    expect(falseLinkTotals([])).toEqual({pairs: 0, benign: 0});
  });
});

const group = (group_id: number, size: number, truth_template_group: string): DedupGroupRow => ({group_id, size, snippet: `text ${group_id}`, truth_template_group});

describe("templateGroupOrder(groups)", () => {
  it("templateGroupOrder lists each group once, campaign scripts last, each part in code-unit order", () => {
    const groups = [group(0, 1, "spam"), group(1, 1, "campaign:R2"), group(2, 1, "Nudity"), group(3, 1, "campaign:R1"), group(4, 1, "spam"), group(5, 1, "lookalike")];
    expect(templateGroupOrder(groups)).toEqual(["Nudity", "lookalike", "spam", "campaign:R1", "campaign:R2"]);
  });
});

describe("clusterItems(clusters, k, groupById)", () => {
  const groups = [group(3, 5, "spam"), group(8, 1, "scam"), group(9, 2, "spam")];
  const byId = new Map(groups.map((g) => [g.group_id, g]));
  const clusters = {items: [3, 9, 8], labels: {2: [0, 0, 1], 3: [2, 0, 1]}};

  it("clusterItems gives each clustered text its cluster at k and its listed row's copies, text and truth", () => {
    expect(clusterItems(clusters, 3, byId)).toEqual([
      {group_id: 3, k: 3, cluster: 2, size: 5, snippet: "text 3", truth_template_group: "spam"},
      {group_id: 9, k: 3, cluster: 0, size: 2, snippet: "text 9", truth_template_group: "spam"},
      {group_id: 8, k: 3, cluster: 1, size: 1, snippet: "text 8", truth_template_group: "scam"}
    ]);
    expect(clusterItems(clusters, 2, byId).map((d) => d.cluster)).toEqual([0, 0, 1]);
  });
  it("clusterItems throws for a k without a run and for a clustered group that is not listed", () => {
    expect(() => clusterItems(clusters, 4, byId)).toThrow("no clustering run at k = 4");
    expect(() => clusterItems({items: [3, 7], labels: {2: [0, 1]}}, 2, byId)).toThrow("clustered group 7 is not listed");
  });
});

describe("commonestCappedFanout(fanout, cap)", () => {
  it("commonestCappedFanout picks the fan-out above the cap with the most prefixes, the first on a tie", () => {
    const fanout = [{accounts: 2, prefixes: 900}, {accounts: 40, prefixes: 12}, {accounts: 55, prefixes: 30}, {accounts: 60, prefixes: 30}];
    expect(commonestCappedFanout(fanout, 8)).toBe(55);
    expect(commonestCappedFanout(fanout, 100)).toBe(0);
  });
});
