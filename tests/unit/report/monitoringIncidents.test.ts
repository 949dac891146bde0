import {describe, expect, it} from "vitest";
import type {Alert} from "../../../src/detect/monitorAlerts.js";
import {incidentRecords} from "../../../src/report/monitoringIncidents.js";

const alert = (date: string, z: number, severity: Alert["severity"] = "high"): Alert => ({date, metric: "policy_blocks", label: "Policy blocks", value: 40, baseline: 5, z, severity});
const day = (date: string, policy_blocks: number, chats: number, uploads: number) => ({date, policy_blocks, chats, uploads, active_users: 100});

describe("incidentRecords", () => {
  // Baseline 2025-05-01..05-02: 5 blocks a day, chats 40% of content. Incident 05-03..05-04.
  const days = [day("2025-05-01", 5, 40, 60), day("2025-05-02", 5, 40, 60), day("2025-05-03", 30, 90, 10), day("2025-05-04", 20, 90, 10)];
  const userDays = [
    ...["R1", "R2", "R3"].map((u) => ({user_id: u, date: "2025-05-03", policy_blocks: 9, chats: 20, chats_to_new_accounts: 4, account_age_days: 3})),
    {user_id: "B1", date: "2025-05-04", policy_blocks: 3, chats: 2, chats_to_new_accounts: 0, account_age_days: 500},
    {user_id: "R1", date: "2025-05-01", policy_blocks: 5, chats: 1, chats_to_new_accounts: 0, account_age_days: 1}
  ];
  const componentOf = (u: string) => (u.startsWith("R") ? {component: 7, size: 10} : undefined);

  it("incidentRecords merges consecutive high alerts and writes the hypothesis from the data", () => {
    const [inc, ...rest] = incidentRecords({alerts: [alert("2025-05-03", 12), alert("2025-05-04", 6), alert("2025-05-04", 3.5, "medium")], days, userDays, componentOf, explain: () => [{scenario: "scam ring", note: "truth"}]}, {baselineDays: 2});
    expect(rest).toEqual([]);
    expect(inc).toMatchObject({id: "INC-SCI-20250503", start: "2025-05-03", end: "2025-05-04", severity: "high"});
    expect(inc.alerts).toHaveLength(2);
    // 50 blocks in 2 days against 5 a day: 40 extra; 4 accounts; 27 of 30 blocks from young accounts.
    expect(inc.figures.extraBlocks).toBe(40);
    expect(inc.figures.blockedAccounts).toBe(4);
    expect(inc.figures.youngShare).toBeCloseTo(27 / 30, 12);
    expect(inc.figures.componentShareOfBlocks).toBeCloseTo(27 / 30, 12);
    expect(inc.figures.messagingShare).toBeCloseTo(0.9, 12);
    expect(inc.figures.baselineMessagingShare).toBeCloseTo(0.4, 12);
    expect(inc.hypothesis).toContain("a coordinated group: 3 of the blocked accounts belong to one entity-resolution component of 10");
    expect(inc.hypothesis).toContain("through messaging");
    expect(inc.whatHappened).toContain("12.0 standard deviations");
    expect(inc.actions.map((a) => a.due)).toEqual(["2025-05-05", "2025-05-07", "2025-05-18", "2025-05-18"]);
    expect(inc.groundTruth).toEqual(["scam ring: truth"]);
  });
  it("incidentRecords opens separate incidents for alerts two or more days apart, none without high alerts", () => {
    expect(incidentRecords({alerts: [alert("2025-05-01", 9), alert("2025-05-04", 9)], days, userDays, componentOf})).toHaveLength(2);
    expect(incidentRecords({alerts: [alert("2025-05-01", 4, "medium")], days, userDays, componentOf})).toEqual([]);
  });
  it("incidentRecords says so when no group, age or surface explains the blocks", () => {
    const [inc] = incidentRecords({alerts: [alert("2025-05-04", 9)], days: days.map((d) => ({...d, chats: 40, uploads: 60})), userDays, componentOf: () => undefined}, {baselineDays: 2});
    expect(inc.hypothesis).toMatch(/^No single group/);
  });
});
