import {describe, expect, it} from "vitest";
import {analyseReportSpike} from "../../../src/investigate/analyseReportSpike.js";
import {fakeSpikeRunner} from "./spikeFixture.js";

describe("analyseReportSpike on a fake query runner", () => {
  it("analyseReportSpike(run) asks each query once, in order, and keeps its rows", async () => {
    const {run, asked} = fakeSpikeRunner();
    const a = await analyseReportSpike(run, {churnWeeks: 2});
    expect(asked).toEqual(["weekly_reports", "messaging_launch", "reports_by_segment", "messaging_adoption", "abusive_dm_exposure", "churn_by_week", "sender_age", "ring_infrastructure", "known_events"]);
    expect(a.queries.map((q) => [q.id, q.rows.length])).toEqual([["weekly_reports", 5], ["messaging_launch", 1], ["reports_by_segment", 8], ["messaging_adoption", 2], ["abusive_dm_exposure", 1], ["churn_by_week", 4], ["sender_age", 4], ["ring_infrastructure", 1], ["known_events", 1]]);
  });

  it("analyseReportSpike finds the case week after the launch and splits its rise into adoption, attacker and the rest", async () => {
    const a = await analyseReportSpike(fakeSpikeRunner().run, {churnWeeks: 2});
    expect(a.launch).toEqual({firstMessage: "2025-06-12", firstMessageReport: "2025-06-13"});
    expect(a.caseWeek).toMatchObject({week: "2025-06-23", reports: 1400, previous: 1000, contentCreated: 14_000});
    expect(a.caseWeek.change).toBeCloseTo(0.4, 12);
    expect(a.previousWeek.week).toBe("2025-06-16");
    // 1,000 → 1,400: direct messages outside rings +200, ring accounts +200, posts and comments 0.
    expect(a.components.map((c) => [c.id, c.delta, c.share])).toEqual([["adoption", 200, 0.5], ["attacker", 200, 0.5], ["baseline", 0, 0]]);
    expect(a.unexplained).toBe(0);
    expect(a.changes).toMatchObject({riseDelta: 400, messageChange: 1, rateChange: 0, rateDifference: 0, attackerMessages: 300, churnDifference: 2, daysAfterLaunch: 11});
    // The week of 2025-06-02 rose 43% on 700, before the launch: listed, with ring accounts' 10% of its reports.
    expect(a.otherRises).toHaveLength(1);
    expect(a.otherRises[0]).toMatchObject({week: "2025-06-02", ringShare: 0.1, scenarios: ["spam surge"]});
    expect(a.otherRises[0].change).toBeCloseTo(3 / 7, 12);
  });

  it("analyseReportSpike measures adoption, churn windows either side of the launch week, and the young-sender signal", async () => {
    const a = await analyseReportSpike(fakeSpikeRunner().run, {churnWeeks: 2});
    expect(a.adoption[1]).toEqual({week: "2025-06-23", messages: 230_000, ringMessages: 30_000, otherMessages: 200_000, adoption: 0.3, organicMessageReports: 400, organicRatePer10k: 20, exposedUsers: 500, exposedByRing: 400, exposedPer1k: 10});
    // The launch (2025-06-12) falls in the week of 2025-06-09: two weeks before it, two from it.
    expect(a.churn.before).toEqual({start: "2025-05-26", end: "2025-06-08", churned: 40, atRisk: 10_000, ratePer1k: 2, churnersInCohort: 6, afterAbuseShare: 0.1, afterRingAbuseShare: 0.05});
    expect(a.churn.after).toEqual({start: "2025-06-09", end: "2025-06-22", churned: 80, atRisk: 10_000, ratePer1k: 4, churnersInCohort: 11, afterAbuseShare: 0.5, afterRingAbuseShare: 0.25});
    expect(a.senderAge).toMatchObject({youngDays: 14, reports: 700, youngReports: 280, ringReports: 300, youngRingReports: 240, recall: 0.8, youngShareOfRing: 0.8, youngShareOfOther: 0.1});
    expect(a.senderAge.precision).toBeCloseTo(240 / 280, 12);
    expect(a.youngSenders.overlap).toBe(false);
    expect(a.youngSenders.difference).toBeCloseTo(0.7, 12);
    expect(a.attackerAiShare).toBe(0.8);
    expect(a.rings).toEqual([{ringId: "R1", purpose: "dm_scam", ringAccounts: 50, reportedAccounts: 40, devices: 5, ipPrefixes: 3, paymentInstruments: 2, firstSignup: "2025-06-01", lastSignup: "2025-06-10"}]);
  });

  it("analyseReportSpike decides each hypothesis by its rule", async () => {
    const a = await analyseReportSpike(fakeSpikeRunner().run, {churnWeeks: 2});
    // The true-violation share rose (74.0% → 77.1%): no over-reporting.
    expect(a.violationShare.previous).toBeCloseTo(0.74, 12);
    expect(a.violationShare.current).toBeCloseTo(1080 / 1400, 12);
    expect(a.decisions).toEqual({adoption: true, attacker: true, overReporting: false, organic: false});
    // A report rate per message that doubles is not adoption, whatever its share of the rise.
    const doubled = fakeSpikeRunner({messaging_adoption: [
      {week: "2025-06-16", messages: 110_000, ring_messages: 10_000, active_benign_users: 50_000, messaging_benign_users: 10_000},
      {week: "2025-06-23", messages: 130_000, ring_messages: 30_000, active_benign_users: 50_000, messaging_benign_users: 15_000}
    ]});
    const b = await analyseReportSpike(doubled.run, {churnWeeks: 2});
    expect(b.changes.rateChange).toBe(1);
    expect(b.decisions.adoption).toBe(false);
  });

  it("analyseReportSpike weights flag counts by flagWeight and rejects a weight under 1 or a log without messages", async () => {
    const a = await analyseReportSpike(fakeSpikeRunner().run, {churnWeeks: 2, flagWeight: 2});
    expect(a.components.map((c) => c.delta)).toEqual([400, 400, 0]);
    expect(a.unexplained).toBe(-400);
    await expect(analyseReportSpike(fakeSpikeRunner().run, {flagWeight: 0.5})).rejects.toThrow("invalid flag weight: 0.5");
    await expect(analyseReportSpike(fakeSpikeRunner({messaging_launch: [{first_message: null}]}).run)).rejects.toThrow("the event log has no direct message");
  });
});
