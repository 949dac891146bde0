import {describe, expect, it} from "vitest";
import {partCasesHref, riseText, riseView, weekChoices} from "../../../src/investigate/riseView.js";
import {RISE_COMPONENTS, type SegmentRow} from "../../../src/investigate/riseComponents.js";
import type {WeekRow} from "../../../src/investigate/spikeTypes.js";

const row = (week: string, surface: SegmentRow["surface"], sender: SegmentRow["sender"], reports: number): SegmentRow => ({week, surface, sender, reports, violations: 0, aiRaised: 0});
// 2,200 reports, then 3,020: adoption +360, attacker +500, the rest −40 (a rise of 820).
const segments = [
  row("2025-05-05", "message", "other", 200), row("2025-05-05", "post_comment", "other", 2000),
  row("2025-05-12", "message", "other", 560), row("2025-05-12", "message", "ring", 480), row("2025-05-12", "post_comment", "ring", 20), row("2025-05-12", "post_comment", "other", 1960)
];
const [adoption, attacker, baseline] = RISE_COMPONENTS;

describe("riseView", () => {
  it("partCasesHref(part, week) opens the part's surface and sender over the week's seven days", () => {
    expect(partCasesHref(adoption, "2025-05-12")).toBe("./cases.html?from=2025-05-12&to=2025-05-18&surface=direct-message&sender=accounts-outside-rings");
    // The attacker part counts every surface: no surface filter.
    expect(partCasesHref(attacker, "2025-05-12")).toBe("./cases.html?from=2025-05-12&to=2025-05-18&sender=ring-accounts");
    expect(partCasesHref(baseline, "2025-05-12")).toBe("./cases.html?from=2025-05-12&to=2025-05-18&surface=posts-and-comments&sender=accounts-outside-rings");
  });
  it("partCasesHref(part, week) cuts a week that starts before the calendar to its days inside it", () => {
    expect(partCasesHref(attacker, "2025-02-24")).toBe("./cases.html?from=2025-03-01&to=2025-03-02&sender=ring-accounts");
  });
  it("riseView(segments, week) compares the week with the one before and links each part's counts in both", () => {
    const v = riseView(segments, "2025-05-12");
    expect([v.previousWeek, v.week, v.previous, v.current, v.delta]).toEqual(["2025-05-05", "2025-05-12", 2200, 3020, 820]);
    expect(v.links.map((l) => [l.short, l.previous.count, l.current.count])).toEqual([["Feature adoption", 200, 560], ["Attacker activity", 0, 500], ["Everything else", 2000, 1960]]);
    expect(v.links[0].previous.href).toBe(partCasesHref(adoption, "2025-05-05"));
    expect(v.links[2].current.label).toBe("Open the 1,960 reports of the week of 2025-05-12: Everything else: posts and comments of accounts outside rings");
  });
  it("riseText(rise) states both totals, the change and each part's share of it, a fall as a negative share", () => {
    expect(riseText(riseView(segments, "2025-05-12"))).toBe("2,200 → 3,020 reports (+37.3%); adoption 44%, attacker 61%, everything else −5% of the change");
  });
  it("riseText(rise) prints a dash for the shares of a week that did not change", () => {
    const flat = [row("2025-05-05", "message", "other", 10), row("2025-05-12", "message", "other", 10)];
    expect(riseText(riseView(flat, "2025-05-12"))).toBe("10 → 10 reports (±0.0%); adoption –, attacker –, everything else – of the change");
  });
  it("weekChoices(weeks) labels each week with a finite change, and leaves out the others (null in JSON)", () => {
    const week = (w: string, change: number | null) => ({week: w, change}) as unknown as WeekRow;
    const choices = weekChoices([week("2025-03-03", NaN), week("2025-03-10", null), week("2025-03-17", 0.4), week("2025-03-24", -0.125)]);
    expect([...choices]).toEqual([["2025-03-17 (+40%)", "2025-03-17"], ["2025-03-24 (−13%)", "2025-03-24"]]);
  });
});
