import {describe, expect, it} from "vitest";
import {analyseWeek, type WeeklyAnalysis} from "../../../src/ops/analyseWeek.js";
import {narrateWeek, weeklyFacts} from "../../../src/ops/narrateWeek.js";
import {weekFixture} from "./weekFixture.js";

/** The small steady world's week (see weekFixture.ts), measured once; each test narrates it or a changed copy. */
const analysis: WeeklyAnalysis = analyseWeek(weekFixture());

describe("narrateWeek", () => {
  it("narrateWeek(analysis) lists each figure with its label and shown value, the previous week's where it has one", () => {
    const facts = weeklyFacts(analysis);
    const fact = (id: string) => facts.find((f) => f.id === id);
    expect(fact("flags")).toEqual({id: "flags", label: "Flags this week", value: 56, text: "56", previous: 35, previousText: "35"});
    expect(fact("flags_change")).toEqual({id: "flags_change", label: "Flags, week over week", value: 0.6, text: "+60.0%"});
    expect(fact("category_spam_z")?.text).toBe("2.6");
    expect(fact("team_gap")).toMatchObject({value: 0, text: "0"});
    expect(fact("last_alarm")).toBeUndefined();
    // One ratio fact per ranked risk, in rank order.
    expect(facts.filter((f) => f.id.startsWith("ratio_")).map((f) => [f.id, f.label, f.text])).toEqual([
      ["ratio_tta", "Time to action, high severity: times its alert level", "2.0"],
      ["ratio_staffing", "Review capacity: times its alert level", "1.0"]
    ]);
  });

  it("narrateWeek titles the ranked risks and writes each one's sentence from its figures", () => {
    const {risks} = narrateWeek(analysis);
    expect(risks.map((r) => [r.id, r.title, r.ratio])).toEqual([["tta", "Time to action, high severity", 2], ["staffing", "Review capacity", 1]]);
    expect(risks[0].sentence).toBe("Time to action, high severity: P50 2.0 h and P90 2.0 h on 42 enforced high/critical flags, against targets of 1 h and 8 h (P50 2.0 h, P90 2.0 h the week before).");
  });

  it("narrateWeek writes five sections, and says when no attack alarm was raised", () => {
    const {sections} = narrateWeek(analysis);
    expect(sections.map((s) => s.id)).toEqual(["risks", "category", "classifier", "staffing", "watch"]);
    expect(sections[0].items).toHaveLength(3);
    expect(sections[0].items[2]).toBe("No attack alarm this week.");
    expect(sections[1].items[0]).toBe("Spam: the most significant week-over-week rise (z = 2.6 against Poisson noise).");
    expect(sections[1].items[1]).toMatch(/^6\.0 flags a day this week against 3\.0 the week before \(\+100\.0%\); .* \(least-squares trend, both leaving out the 0 attack-alarm days since 2025-06-03\)\.$/);
    expect(sections[3].items[1]).toMatch(/: a team of 1 at 168 h a week each, the team as it is\.$/);
    expect(sections[4].items).toEqual(["Time to action, high severity: it is 2.0 times its alert level. P50 2.0 h and P90 2.0 h on 42 enforced high/critical flags, against targets of 1 h and 8 h (P50 2.0 h, P90 2.0 h the week before)."]);
  });

  it("narrateWeek says what the staffing section needs when the data has no roster, and quotes no staffing figure", () => {
    const {facts, sections} = narrateWeek(analyseWeek({...weekFixture(), reviewers: []}));
    expect(facts.filter((f) => ["human_cases", "team_now", "on_shift_needed", "ratio_staffing"].includes(f.id))).toEqual([]);
    expect(sections.find((s) => s.id === "staffing")?.items).toEqual(["No recommendation: it needs the reviewers' shifts (reviewers.shift_start_hour, reviewers.shift_hours, reviewers.workdays), which the imported data does not have, to count the hours on shift."]);
  });

  it("narrateWeek reports an attack in progress first, and falls back when no risk is past its level", () => {
    const attack = {...analysis, attacks: {alarmDays: ["2025-08-30", "2025-08-31"], confirmed: 1, lastAlarm: "2025-08-31"}, risks: [{id: "attack" as const, ratio: Infinity, worsened: true}, ...analysis.risks]};
    const withAttack = narrateWeek(attack);
    expect(withAttack.sections[0].items[0]).toBe("Coordinated attack: the layered detector raised alarms on 2 days this week (2025-08-30, 2025-08-31); 1 of them match attacks in the ground truth.");
    expect(withAttack.facts.find((f) => f.id === "last_alarm")).toMatchObject({value: Date.parse("2025-08-31"), text: "2025-08-31"});
    expect(withAttack.facts.some((f) => f.id === "ratio_attack")).toBe(false);
    const calm = narrateWeek({...analysis, risks: [], watch: undefined, attacks: {alarmDays: [], confirmed: 0, lastAlarm: "2025-07-02"}});
    expect(calm.sections[0].items).toEqual(["No ops metric is past its alert level this week.", "No attack alarm this week; the layered detector's last alarm was on 2025-07-02."]);
    expect(calm.sections[4].items).toEqual(["Flags week over week, as no metric is past its alert level."]);
  });
});
