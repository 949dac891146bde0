import {describe, expect, it} from "vitest";
import {summarizePipeline} from "../../../src/report/scienceSummary.js";
import {pipelineInput} from "./pipelineInput.js";

const input = pipelineInput;

describe("summarizePipeline", () => {
  it("summarizePipeline(input) states every step with its figures", () => {
    const s = summarizePipeline(input());
    expect(s.steps.map((x) => x.step)).toEqual(["Raw events", "SQL core tables", "Monitoring", "Detection", "Review queue", "Automation", "Enforcement", "Drift"]);
    expect(s.steps[3].finding).toContain("AP 0.800 against the heuristic's 0.600, weighted to the population (on the cohort as sampled, which over-samples rings: 0.900 and 0.700)");
    expect(s.headline).toContain("average precision 0.80 weighted to the population (the rules alone: 0.60; on the cohort, which over-samples rings, 0.90 and 0.70)");
    expect(s.headline).toContain("(ARI 0.98 over every account, but on a sample of the population only 93% of linked accounts are linked to no other entity)");
    expect(s.steps[5].finding).toContain("ARI 0.900 on a hash sample of 1,500 accounts of the population and the accounts linked to them (pair precision 85.0%, recall 100.0%); per sampled account, 37 of 40 linked ones (93%) are linked to no other entity, and 3 through 10 false links, 8 of them between two benign accounts (shared devices, cards or networks)");
    expect(s.steps[6].finding).toContain("expected cost of mistakes 13 (wrongful actions 5, harm left up 8), actual 20 (10 and 10)");
  });
  it("summarizePipeline picks recommendations by its stated rules", () => {
    const titles = summarizePipeline(input()).recommendations.map((r) => r.title);
    expect(titles).toEqual(["Close out INC-1", "Retrain on data after the shift in chats", "Rank the queue by the model, keep the rules as explanations", "Review linked accounts together", "Group near-duplicates before review", "Recalibrate before automating more"]);
    const calm = summarizePipeline(input({incidents: [], drift: {feature: "x", label: "X", psi: 0.05, band: "stable", significant: []}, detection: {...input().detection, apModel: 0.62}, entities: {...input().entities, ari: 0.5, sample: {...input().entities.sample, ari: 0.5}}, dedup: {texts: 10, distinct: 9, share: 0.1, nearShare: 0.1}, enforcement: []}));
    expect(calm.recommendations.map((r) => r.title)).toEqual(["Keep the heuristic until the model earns its keep", "Check linked accounts before acting on them together"]);
    expect(calm.headline).toContain("opened no incident");
    // Linked accounts are reviewed together only if most sampled linked accounts are linked to their own entity.
    const households = summarizePipeline(input({entities: {...input().entities, sample: {...input().entities.sample, accounts: {linked: 32, correct: 13, precision: 13 / 32, recall: 1}}}}));
    expect(households.recommendations.map((r) => r.title)).toContain("Check linked accounts before acting on them together");
    expect(households.recommendations.find((r) => r.title.startsWith("Check"))!.detail).toContain("59% of the accounts entity resolution links are linked to another entity");
  });
  it("summarizePipeline puts an incident first only while its actions are due, as of the summary's last day", () => {
    // A May incident whose actions fell due in June is history at the end of August: not the first priority.
    const may = {id: "INC-2025-05-14", title: "Blocks spike", hypothesis: "A ring.", end: "2025-05-15", lastDue: "2025-05-29"};
    const late = summarizePipeline(input({incidents: [may]}));
    expect(late.recommendations[0].title).not.toMatch(/INC-2025-05-14/);
    expect(late.recommendations[0].title).toBe("Retrain on data after the shift in chats");
    const check = late.recommendations.at(-1)!;
    expect(check.title).toBe("Confirm the follow-ups of INC-2025-05-14 were done");
    expect(check.detail).toContain("ended on 2025-05-15, 108 days before 2025-08-31");
    // The same incident, summarised in its own month, comes first.
    const early = summarizePipeline(input({incidents: [may], period: {from: "2025-03-01", to: "2025-05-20"}}));
    expect(early.recommendations[0].title).toBe("Close out INC-2025-05-14");
  });
  it("summarizePipeline links every step and recommendation to a page file (.html), as static hosts need", () => {
    const s = summarizePipeline(input());
    for (const {link} of [...s.steps, ...s.recommendations]) expect(link).toMatch(/^\.\/[a-z-]+\.html(#[a-z-]+)?$/);
  });
});
