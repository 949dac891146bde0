import {describe, expect, it} from "vitest";
import {analyseWeek} from "../../../src/ops/analyseWeek.js";
import {weekFixture} from "./weekFixture.js";

const H = 3_600_000;

describe("analyseWeek on a small steady world", () => {
  const a = analyseWeek(weekFixture());

  it("analyseWeek(input) measures the data's last week against the week before", () => {
    expect(a.week).toEqual({from: "2025-08-25", to: "2025-08-31"});
    expect(a.previousWeek).toEqual({from: "2025-08-18", to: "2025-08-24"});
    // 5 flags a day, then 8 a day (spam doubles from 3 to 6).
    expect(a.volume).toEqual({flags: 56, previous: 35, change: 0.6});
  });

  it("analyseWeek picks the category with the most significant rise against Poisson noise", () => {
    expect(a.categories).toMatchObject({reason: "rise", since: "2025-06-03", excludedDays: 0, runnerUp: undefined});
    expect(a.categories.watch).toMatchObject({key: "spam", label: "Spam", now: 6, before: 3, change: 1});
    // z = (6 − 3) / sqrt(6/7 + 3/7).
    expect(a.categories.watch.z).toBeCloseTo(3 / Math.sqrt(9 / 7), 12);
  });

  it("analyseWeek takes time to action and SLA breaches from the dictionary's KPIs", () => {
    expect(a.tta).toEqual({ids: ["tta_high_p50", "tta_high_p90"], current: [2, 2], previous: [2, 2], cases: 42});
    expect(a.kpis.current.map((k) => k.id)).toEqual(["tta_high_p50", "tta_high_p90", "backlog_health"]);
    expect(a.sla).toMatchObject({cases: 42, breached: 0, rate: 0, previousRate: 0, openUrgent: 0, overSla: 0});
  });

  it("analyseWeek measures the violation score's drift and auto-block precision with intervals", () => {
    // True violations: one at 0.95 and three (then six) at 0.6 a day; 7-day means.
    expect(a.classifier.baseline).toBeCloseTo((0.95 + 3 * 0.6) / 4, 12);
    expect(a.classifier.scorePrevious).toBeCloseTo(0.6875, 12);
    expect(a.classifier.score).toBeCloseTo((0.95 + 6 * 0.6) / 7, 12);
    expect(a.classifier).toMatchObject({baselineDate: "2025-06-09", driftThreshold: 0.8, alertDays: 7, blocked: 7, blockedTrue: 7, precisionNoise: true});
    expect(a.classifier.precision).toMatchObject({value: 1, upper: 1, n: 7});
  });

  it("analyseWeek observes the queue and sizes the team with Erlang C", () => {
    // 42 human-review cases in 168 hours, one reviewer round the clock.
    expect(a.staffing).toMatchObject({cases: 42, arrivalRate: 0.25, meanOnShift: 1, reviewers: 1, weeklyHours: 168, needed: 1, team: 1});
    expect(a.attacks).toEqual({alarmDays: [], confirmed: 0, lastAlarm: undefined});
  });

  it("analyseWeek takes the cases' waits and times from opened_ts where the rows carry it, not from the queue's rules", () => {
    // Overlapping 2-hour cases an hour apart: the rules make each wait for the previous decision.
    expect(a.staffing!.waitP50).toBeGreaterThan(0);
    const {flags, ...rest} = weekFixture();
    const opened = flags.map((f) => (f.route === "human_review" ? {...f, opened_ts: Number(f.ts) + 0.5 * H} : f));
    expect(analyseWeek({...rest, flags: opened}).staffing).toMatchObject({cases: 42, waitP50: 0.5, serviceHours: 1.5});
  });

  it("analyseWeek gives no staffing figures and ranks no staffing risk without a roster (an import without the reviewers' shifts)", () => {
    const without = analyseWeek({...weekFixture(), reviewers: []});
    expect(without.staffing).toBeNull();
    expect(without.risks.map((r) => r.id)).toEqual(["tta"]);
  });

  it("analyseWeek ranks the risks at or past their level and watches the first that worsened, else the first", () => {
    // P50 of 2 h against a 1 h target; Erlang C's one reviewer against one on shift; drift does not rank (its baseline is already under the 0.8 threshold, so its ratio is negative).
    expect(a.risks).toEqual([{id: "tta", ratio: 2, worsened: false}, {id: "staffing", ratio: 1, worsened: false}]);
    expect(a.watch).toEqual({id: "tta", ratio: 2, worsened: false});
    // Three benign auto-blocks a day this week: precision 7 of 28, separated from 7 of 7, is the worst risk and the one to watch.
    const b = analyseWeek(weekFixture({lastWeekBlockedBenign: 3}));
    expect(b.classifier).toMatchObject({blocked: 28, blockedTrue: 7, precisionNoise: false});
    expect(b.risks[0]).toEqual({id: "precision", ratio: expect.closeTo(0.75 / 0.15, 12), worsened: true});
    expect(b.watch?.id).toBe("precision");
  });

  it("analyseWeek rejects a week without a previous week inside the data", () => {
    expect(() => analyseWeek({flags: [], users: [], reviewers: []}, {to: "2025-03-10"})).toThrow("invalid week: 2025-03-04 to 2025-03-10");
  });
});
