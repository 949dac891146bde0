import {describe, expect, it} from "vitest";
import {DAY_COLUMNS} from "../../../src/moderation/moderatorDays.js";
import {ALL_MODERATORS, belowTarget, idleAccuracyText, listedModeratorsText, moderatorFigures, moderatorRows, moderatorsData, qaDrills, selectedModeratorText, teamFigures} from "../../../src/moderation/moderatorsView.js";
import type {ModeratorRow} from "../../../src/moderation/summarizeModerators.js";
import type {IdleAccuracy} from "../../../src/moderation/summarizeModerators.js";
import type {Period} from "../../../src/metrics/periods.js";

// A moderator_days row from its figures in DAY_COLUMNS' order:
// sessions, seconds, views, cases, inactivity, pause, idle periods, checked, correct, completed, partial, not started, accept, reject, none, muted
const row = (date: string, reviewer_id: string | null, values: number[]) => ({date, reviewer_id, ...Object.fromEntries(DAY_COLUMNS.map((c, k) => [c, values[k]]))});
const t = (iso: string) => new Date(iso);

/** Moderators A and B on 1 and 3 March, C on the team without rows of its own. */
function data() {
  return moderatorsData({
    session_sample: [
      {session_id: 1, reviewer_id: "A", start_ts: t("2025-03-01T09:00:00Z"), duration_s: 3600},
      {session_id: 2, reviewer_id: "B", start_ts: t("2025-03-01T10:00:00Z"), duration_s: 1800},
      {session_id: 3, reviewer_id: "A", start_ts: t("2025-03-03T09:00:00Z"), duration_s: 7200}
    ],
    idle_sample: [{session_id: 1, kind: "inactivity", seconds: 60}, {session_id: 2, kind: "pause", seconds: 30}],
    reviewers: [{reviewer_id: "A", hub: "Manila", accuracy: 0.9}, {reviewer_id: "B", hub: "Dublin", accuracy: 0.8}, {reviewer_id: "C", hub: "Austin", accuracy: 0.95}],
    moderator_days: [
      row("2025-03-01", null, [2, 5400, 5, 2, 60, 30, 1, 2, 1, 3, 1, 1, 1, 1, 3, 2]),
      row("2025-03-01", "A", [1, 3600, 3, 1, 60, 0, 1, 1, 1, 2, 1, 0, 1, 0, 2, 1]),
      row("2025-03-01", "B", [1, 1800, 2, 1, 0, 30, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1]),
      row("2025-03-03", null, [1, 7200, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0]),
      row("2025-03-03", "A", [1, 7200, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0])
    ],
    item_view_days: [
      {reviewer_id: null, date: "2025-03-01", next_date: null, n: 3},
      {reviewer_id: "A", date: "2025-03-01", next_date: null, n: 2},
      {reviewer_id: "B", date: "2025-03-01", next_date: null, n: 2}
    ]
  });
}
const period = (from: string, to: string, previous: Period | null = null) => ({from, to, previous});

describe("moderatorsView", () => {
  it("moderatorsData(files) lists the moderators with rows of their own and the sample's share of every session", () => {
    const d = data();
    expect(d.listed).toEqual(["A", "B"]);
    // The team's rows count 3 sessions, all of them in the sample.
    expect(d.sessionRate).toBe(1);
    expect(listedModeratorsText(d)).toBe(" The team has 3 moderators; the list holds the first 2, whose daily figures are published one by one, and the team's cards count all of them.");
    expect(listedModeratorsText({listed: d.listed, reviewers: d.reviewers.slice(0, 2)})).toBe("");
  });

  it("teamFigures(data, period) counts the team's sessions over the range and each listed moderator's", () => {
    const team = teamFigures(data(), period("2025-03-01", "2025-03-02"));
    expect(team.sessions.map((s) => s.session_id)).toEqual([1, 2]);
    expect(team.team).toMatchObject({sessions: 2, hours: 1.5, itemViews: 5, uniqueItems: 3, cases: 2, checked: 2, correct: 1});
    expect(team.moderators.map((m) => [m.reviewer_id, m.hub, m.sessions, m.checked, m.correct])).toEqual([["A", "Manila", 1, 1, 1], ["B", "Dublin", 1, 1, 0]]);
  });

  it("moderatorFigures(data, team, moderator) narrows the sample and the totals to one moderator, and compares with the period before", () => {
    const d = data();
    const team = teamFigures(d, period("2025-03-03", "2025-03-03", {label: "Previous period", from: "2025-03-01", to: "2025-03-01"}));
    const a = moderatorFigures(d, team, "A");
    expect([a.all, a.who, a.shown.map((s) => s.session_id), a.longestMinutes]).toEqual([false, "A", [3], 120]);
    expect([a.summary.sessions, a.before?.sessions, a.before?.checked, a.qaBefore?.correct]).toEqual([1, 1, 1, 1]);
    expect(a.idleShown).toEqual([]);
    expect(a.me?.reviewer_id).toBe("A");
    const all = moderatorFigures(d, teamFigures(d, period("2025-03-01", "2025-03-01")), ALL_MODERATORS);
    expect([all.all, all.who, all.shown.length, all.idleShown.length, all.before, all.qaBefore, all.me]).toEqual([true, "all moderators", 2, 2, null, null, undefined]);
    expect(all.durations.reduce((s, b) => s + b.count, 0)).toBe(2);
  });

  it("qaDrills(view, range) opens the audited and the failed decisions in the case view, none when none was checked", () => {
    const d = data();
    const range = {from: "2025-03-01", to: "2025-03-01"};
    const b = moderatorFigures(d, teamFigures(d, period(range.from, range.to)), "B");
    const drills = qaDrills(b, range);
    expect(drills.map((x) => x.text)).toEqual(["Open the 1 audited decisions", "Open the 1 that failed QA"]);
    expect(drills[0].address).toMatch(/^\.\/cases\.html\?from=2025-03-01&to=2025-03-01&dates=day-its-session-started&qa=[^&]+&reviewer=b$/);
    expect(drills[1].address).toContain("&qa=failed-qa&");
    expect(qaDrills({...b, qaNow: {...b.qaNow, checked: 0}}, range)).toEqual([]);
  });

  it("idleAccuracyText(relation) claims a relation only when the interval excludes zero", () => {
    const relation = (lower: number, upper: number) => ({correlation: {r: (lower + upper) / 2, lower, upper, n: 20}, slope: 0, intercept: 0, truthCorrelation: {r: -0.456, lower: -0.7, upper: -0.1, n: 20}}) as IdleAccuracy;
    expect(idleAccuracyText(relation(-0.8, -0.2))).toBe("Moderators who idle more decide less accurately: the correlation is negative and its interval excludes zero. Against the reviewers' true accuracy it is −0.46, so the QA sample sees the real relation.");
    expect(idleAccuracyText(relation(0.1, 0.5))).toBe("Moderators who idle more decide more accurately here: the correlation is positive and its interval excludes zero.");
    expect(idleAccuracyText(relation(-0.3, 0.2))).toBe("With this many moderators the correlation's interval includes zero: no relation can be claimed.");
  });

  it("selectedModeratorText(me), belowTarget(moderators) and moderatorRows(moderators) describe the per-moderator figures", () => {
    const m = (id: string, checked: number, qaLower: number, qaUpper: number): ModeratorRow => ({reviewer_id: id, hub: "Manila", sessions: 3, hours: 2, cases: checked, decisionsPerHour: checked / 2, idleShare: 0.1, checked, correct: checked, qaPass: 0.9, qaLower, qaUpper, accuracy: 0.92});
    const rows = [m("A", 10, 0.6, 0.94), m("B", 40, 0.97, 0.99)];
    expect(belowTarget(rows)).toBe(1);
    expect(selectedModeratorText(undefined)).toBe("");
    expect(selectedModeratorText(rows[0])).toMatch(/^Selected: A \(Manila\) idles 10\.0% of session time and passes QA on 90\.0% of 10 decisions \(95% CI .+, a small sample; true accuracy 92\.0%\)\.$/);
    expect(selectedModeratorText(rows[1])).not.toContain("small sample");
    expect(moderatorRows(rows).map((r) => r.qaInterval.endsWith(" (small sample)"))).toEqual([true, false]);
  });
});
