import {describe, expect, it} from "vitest";
import {dateRange, dayOfWeek, OPS_START} from "../../../src/core/calendar.js";
import type {TableName} from "../../../src/io/contracts.js";
import type {Columns} from "../../../src/io/schema.js";
import {calibrationFigures, type Figure} from "../../../src/world/calibration.js";

type Row = Record<string, unknown>;
const columns = (rows: Row[]): Columns => {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return Object.fromEntries(names.map((n) => [n, rows.map((r) => (r[n] ?? null) as never)])) as Columns;
};
const DATES = dateRange();
const weekend = (date: string) => [0, 5, 6].includes(dayOfWeek(date));

/**
 * Hand-made published tables. daily_country: Singapore and Indonesia (APAC) every day with 100 reports on
 * 8,000 items, 73 enforcements, 10 appeals (3 and 6 successful), 10 spam reports (Singapore 40 on 8-10
 * April), misinformation 4 a day (10 in July), median response 18 h in March, 14 h in August, 16 h
 * otherwise; the United States (AMER) with 5,000 reports that APAC figures ignore. flags: in the ops
 * window (90 days from 2025-06-03: 39 Fri/Sat/Sun and 51 Mon–Thu) 5 flags a Fri/Sat/Sun and 4 a Mon–Thu:
 * harassment 1 a day then 2 from the 45th day, spam 2 then 1, the rest "other" (misinformation in July,
 * user-reported and downranked); the first of each day human-reviewed at high severity, breached every
 * fifth day; plus two child-safety flags in March.
 */
function fixture(change: {flags?: (rows: Row[]) => Row[]; daily?: (rows: Row[]) => Row[]; reviewers?: number} = {}): Record<TableName, Columns> {
  const daily: Row[] = DATES.flatMap((date) => {
    const month = date.slice(0, 7);
    const base = {date, reports: 100, content_created: 8000, enforcements: 73, appeals: 10, reports_misinformation: month === "2025-07" ? 10 : 4, median_response_time_hours: month === "2025-03" ? 18 : month === "2025-08" ? 14 : 16};
    const surge = date >= "2025-04-08" && date <= "2025-04-10";
    return [
      {...base, country: "Singapore", region: "APAC", successful_appeals: 3, reports_spam: surge ? 40 : 10},
      {...base, country: "Indonesia", region: "APAC", successful_appeals: 6, reports_spam: 10},
      {...base, country: "United States", region: "AMER", reports: 5000, successful_appeals: 10, reports_spam: 10, median_response_time_hours: 99}
    ];
  });
  const flags: Row[] = [];
  const flag = (row: Row) => flags.push({flag_id: flags.length, region: "APAC", source: "user", action: "none", route: "auto_dismiss", severity: "low", sla_breached: false, attack_id: null, is_violation: false, ml_score: 0.5, appealed: false, overturned: false, ...row});
  flag({date: "2025-03-10", category: "child_safety", action: "removal", appealed: true});
  flag({date: "2025-03-11", category: "child_safety", action: "suspension"});
  DATES.filter((d) => d >= OPS_START).forEach((date, d) => {
    const n = weekend(date) ? 5 : 4;
    const categories = d < 45 ? ["harassment_hate", "spam", "spam"] : ["harassment_hate", "harassment_hate", "spam"];
    for (let j = 0; j < n; j++) {
      const other = date.startsWith("2025-07") ? {category: "misinformation", action: "downrank"} : {category: "other"};
      const first = j === 0 ? {route: "human_review", severity: "high", sla_breached: d % 5 === 0} : {};
      flag({date, ...(j < 3 ? {category: categories[j]} : other), ...first});
    }
  });
  return {
    daily_country: columns(change.daily ? change.daily(daily) : daily),
    flags: columns(change.flags ? change.flags(flags) : flags),
    attacks: {attack_id: ["A1", "A2", "A3", "A4", "A5"]},
    reviewers: {reviewer_id: Array.from({length: change.reviewers ?? 20}, (_, r) => `R${r + 1}`)}
  } as unknown as Record<TableName, Columns>;
}

const byId = (figures: Figure[]) => Object.fromEntries(figures.map((f) => [f.id, f]));
const base = byId(calibrationFigures(fixture()));

describe("calibrationFigures", () => {
  it("calibrationFigures(tables) measures the seventeen reference figures in order, each with a name, a target and a verdict", () => {
    const figures = calibrationFigures(fixture());
    expect(figures.map((f) => f.id)).toEqual(Array.from({length: 17}, (_, i) => i + 1));
    for (const f of figures) {
      expect(f.name.length).toBeGreaterThan(5);
      expect(f.target.length).toBeGreaterThan(0);
      expect(typeof f.pass).toBe("boolean");
    }
  });

  it("figures 1 and 2 read APAC's rows only: 200 reports on 16,000 items is 1.25% (pass), 146 enforcements of 200 is 73% (pass)", () => {
    expect(base[1]).toMatchObject({value: 1.25, pass: true});
    expect(base[2]).toMatchObject({value: 73, pass: true});
  });

  it("figure 1 fails outside 1.0% to 1.4%: 90 reports on 8,000 items (1.125%) passes, 60 (0.75%) fails", () => {
    const at = (reports: number) => byId(calibrationFigures(fixture({daily: (rows) => rows.map((r) => (r.region === "APAC" ? {...r, reports, enforcements: 0.73 * reports} : r))})))[1];
    expect(at(90)).toMatchObject({value: 1.125, pass: true});
    expect(at(60)).toMatchObject({value: 0.75, pass: false});
  });

  it("figure 3 is the median of APAC's daily medians in March and in August: 18 → 14 h passes, 18 → 16 h fails", () => {
    expect(base[3]).toMatchObject({value: "18 → 14", pass: true});
    const slow = calibrationFigures(fixture({daily: (rows) => rows.map((r) => (String(r.date).startsWith("2025-08") ? {...r, median_response_time_hours: 16} : r))}));
    expect(byId(slow)[3]).toMatchObject({value: "18 → 16", pass: false});
  });

  it("figure 4 compares July's misinformation share with March to June's (10 vs 4 a day: 2.5x) and reads July's flags: all user-reported and downranked", () => {
    expect(base[4]).toMatchObject({value: "2.5x; 100% user; 100% downrank", pass: true});
  });

  it("figure 5 passes when child safety is rare, enforced only by removal or suspension and never overturned; one overturn fails it", () => {
    expect(base[5].pass).toBe(true);
    expect(String(base[5].value)).toContain("removal+suspension; 0/1");
    const overturned = calibrationFigures(fixture({flags: (rows) => rows.map((r) => (r.category === "child_safety" && r.appealed ? {...r, overturned: true} : r))}));
    expect(byId(overturned)[5]).toMatchObject({pass: false});
    expect(String(byId(overturned)[5].value)).toContain("1/1");
  });

  it("figure 7 is the spread of appeal success across APAC countries: 60% over 30% is 2 (pass, at least 1.5)", () => {
    expect(base[7]).toMatchObject({value: 2, pass: true});
  });

  it("figure 8 counts APAC spam days at least twice the trailing 7-day median: Singapore's 40 on 8-10 April make 3 days of 50 against 20", () => {
    expect(base[8]).toMatchObject({value: 3, pass: true});
  });

  // Compared with `>=` against a zero trailing median, a day without reports would count as a surge (177 such
  // days before the fix); a surge day needs reports.
  it("figure 8 never counts a day without spam reports as a surge day", () => {
    const none = calibrationFigures(fixture({daily: (rows) => rows.map((r) => ({...r, reports_spam: 0}))}));
    expect(byId(none)[8]).toMatchObject({value: 0, pass: false});
  });

  it("figure 9 counts the flags of the last 90 days: 39 × 5 + 51 × 4 = 399 (the earlier child-safety flags are outside), far from 41,935", () => {
    expect(base[9]).toMatchObject({value: 399, pass: false});
  });

  it("figure 11 is the SLA breach rate of high/critical human-reviewed flags: 18 breached of 90 is 20% (pass, 16% to 20%)", () => {
    expect(base[11]).toMatchObject({value: 20, pass: true});
  });

  it("figure 14 is the Fri/Sat/Sun lift over Mon–Thu on non-attack days: 5 against 4 flags a day is +25% (pass)", () => {
    expect(base[14]).toMatchObject({value: "+25%", pass: true});
  });

  it("figure 15 passes with harassment rising and spam falling (one more harassment and one fewer spam flag a day from the 45th day)", () => {
    expect(base[15].pass).toBe(true);
    const [harassment, spam] = String(base[15].value).split(" / ").map(Number);
    expect(harassment).toBeGreaterThan(0);
    expect(spam).toBe(-harassment);
  });

  it("figure 17 counts the reviewers table's rows: 20 passes, 19 fails", () => {
    expect(base[17]).toMatchObject({value: 20, pass: true});
    expect(byId(calibrationFigures(fixture({reviewers: 19})))[17]).toMatchObject({value: 19, pass: false});
  });

  it("figure 16 counts the attacks table's events and the days with attack flags: none here, so it fails", () => {
    expect(String(base[16].value).startsWith("5 events / 0 days")).toBe(true);
    expect(base[16].pass).toBe(false);
  });
});
