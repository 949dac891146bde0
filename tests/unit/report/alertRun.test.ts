import {describe, expect, it} from "vitest";
import type {Alert} from "../../../src/detect/monitorAlerts.js";
import {analyseAlertRun, narrateAlertRun, type AlertRunAnalysis} from "../../../src/report/monitoringIncidents.js";

const alert = (date: string, z: number, label = "Policy blocks"): Alert => ({date, metric: "policy_blocks", label, value: 40, baseline: 5, z, severity: "high"});
const day = (date: string, policy_blocks: number, chats: number, uploads: number) => ({date, policy_blocks, chats, uploads, active_users: 100});

describe("analyseAlertRun", () => {
  // Baseline 05-01..05-02: 4 and 6 blocks, chats 50% of content. Run 05-03: 20 blocks, chats 50%.
  const days = [day("2025-05-01", 4, 50, 50), day("2025-05-02", 6, 50, 50), day("2025-05-03", 20, 50, 50)];
  const userDays = [
    {user_id: "L1", date: "2025-05-03", policy_blocks: 6, chats: 5, chats_to_new_accounts: 2, account_age_days: 10},
    {user_id: "L2", date: "2025-05-03", policy_blocks: 4, chats: 5, chats_to_new_accounts: 0, account_age_days: null},
    {user_id: "S1", date: "2025-05-03", policy_blocks: 10, chats: 5, chats_to_new_accounts: 1, account_age_days: 400},
    {user_id: "S1", date: "2025-05-02", policy_blocks: 7, chats: 5, chats_to_new_accounts: 9, account_age_days: 399}
  ];
  // L1 and L2 share a component of 3; S1 is in a pair (too small to count).
  const componentOf = (u: string) => (u.startsWith("L") ? {component: 1, size: 3} : {component: 2, size: 2});

  it("analyseAlertRun(run, input, baselineDays) counts the blocks against the baseline and who was blocked in the window", () => {
    const a = analyseAlertRun([alert("2025-05-03", 4, "Policy blocks"), alert("2025-05-03", 9, "Block rate")], {alerts: [], days, userDays, componentOf}, 2);
    expect(a).toMatchObject({start: "2025-05-03", end: "2025-05-03", baselineDays: 2, windowDays: 1, blocks: 20, blocksPerDay: 5, largest: {size: 3, accounts: 2, blocks: 10}, metrics: ["policy blocks", "block rate"], groundTruth: []});
    expect(a.peak.label).toBe("Block rate");
    // 20 blocks against 5 a day; 6 of 20 blocks from an account under 30 days; S1's day before the run does not count.
    expect(a.figures).toEqual({extraBlocks: 15, blockedAccounts: 3, youngShare: 0.3, largestComponent: 3, largestComponentBlocked: 2, componentShareOfBlocks: 0.5, chatsToNewAccounts: 3, messagingShare: 0.5, baselineMessagingShare: 0.5});
    expect(a.signs).toEqual({coordinated: true, young: false, messaging: false, newcomers: false});
  });
});

describe("narrateAlertRun", () => {
  const analysis = (overrides: Partial<AlertRunAnalysis> = {}): AlertRunAnalysis => ({
    run: [alert("2025-06-01", 5)],
    start: "2025-06-01",
    end: "2025-06-01",
    baselineDays: 14,
    windowDays: 1,
    blocks: 1200,
    blocksPerDay: 200.5,
    figures: {extraBlocks: 999.5, blockedAccounts: 80, youngShare: 0.75, largestComponent: 0, largestComponentBlocked: 0, componentShareOfBlocks: 0, chatsToNewAccounts: 0, messagingShare: 0.2, baselineMessagingShare: 0.2},
    largest: undefined,
    peak: alert("2025-06-01", 5),
    metrics: ["policy blocks"],
    signs: {coordinated: false, young: true, messaging: false, newcomers: false},
    groundTruth: ["spam surge: more spam"],
    ...overrides
  });

  it("narrateAlertRun(analysis) writes what happened and the impact from the analysis' figures", () => {
    const inc = narrateAlertRun(analysis());
    expect(inc).toMatchObject({id: "INC-SCI-20250601", title: "Policy blocks spike 2025-06-01", severity: "high", detected: "2025-06-01", groundTruth: ["spam surge: more spam"]});
    expect(inc.whatHappened).toBe("Policy blocks reached 40 on 2025-06-01, 5.0 standard deviations above its 14-day baseline of 5.0; 1 high-severity alert fired (policy blocks).");
    expect(inc.impact).toBe("1,200 content attempts were blocked over 1 day, about 1,000 more than the baseline of 200.5 a day, from 80 accounts.");
  });

  it("narrateAlertRun writes the hypothesis and the actions only from the signs the analysis found", () => {
    const young = narrateAlertRun(analysis());
    expect(young.hypothesis).toBe("Abuse by new accounts: 75% of the blocks came from accounts younger than 30 days.");
    expect(young.actions.map((x) => x.action.split(" ")[0])).toEqual(["Sample", "Apply", "Retrain", "Write"]);
    const none = narrateAlertRun(analysis({signs: {coordinated: false, young: false, messaging: false, newcomers: false}}));
    expect(none.hypothesis).toBe("No single group, account age or surface explains the blocks: 80 accounts were blocked, 75% of the blocks by new accounts; check for a filter change before suspecting an attack.");
    expect(none.actions[1].action).toBe("Check the filter's recent configuration changes");
  });
});
