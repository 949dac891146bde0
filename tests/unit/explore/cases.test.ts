import * as aq from "arquero";
import {describe, expect, it} from "vitest";
import {CASE_OPTIONS, caseFilter, caseParams, casesQuery, KPI_CASES} from "../../../src/explore/cases.js";
import {parseState} from "../../../src/io/urlState.js";

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const cases = aq.table({
  flag_id: [1, 2, 3, 4, 5],
  date: [day("2025-06-01"), day("2025-06-01"), day("2025-06-02"), day("2025-06-03"), day("2025-06-03")],
  region: ["APAC", "EMEA", "APAC", "APAC", "AMER"],
  country: ["Viet Nam", "France", "Japan", "Viet Nam", "Brazil"],
  category: ["spam", "spam", "nudity", "spam", "other"],
  source: ["user", "ai", "user", "user", "ai"],
  severity: ["low", "high", "low", "critical", "low"],
  route: ["human_review", "auto_block", "human_review", "human_review", "auto_dismiss"],
  action: ["removal", "removal", "none", "warning", "none"],
  appealed: [true, false, false, true, false],
  overturned: [false, false, false, true, false],
  reviewer_id: ["R01", null, "R02", "R01", null],
  actor_id: ["U1", "U2", "U3", "U1", "U4"]
});
const ids = (scope: Parameters<typeof caseParams>[0], table = cases) => table.params(caseParams(scope)).filter(caseFilter(scope)).array("flag_id");

describe("caseFilter(scope) with caseParams(scope)", () => {
  it("tests only the clauses the scope sets, dates always", () => {
    expect(caseFilter({from: "2025-06-01", to: "2025-06-02"})).toBe("d.date >= $.from && d.date <= $.to");
    expect(caseFilter({from: "2025-06-01", to: "2025-06-02", country: "France", action: "enforced", appeal: "overturned"})).toBe(
      "d.date >= $.from && d.date <= $.to && d.country === $.country && d.action !== 'none' && d.appealed && d.overturned"
    );
  });
  it("gives the dates as UTC midnights in epoch ms, and selects the same rows whether the table holds Dates or epoch ms", () => {
    expect(caseParams({from: "2025-06-01", to: "2025-06-02"})).toMatchObject({from: Date.UTC(2025, 5, 1), to: Date.UTC(2025, 5, 2)});
    const asNumbers = cases.derive({date: (d: {date: Date}) => +d.date});
    expect(typeof asNumbers.get("date", 0)).toBe("number");
    expect(ids({from: "2025-06-02", to: "2025-06-03", region: "APAC"}, asNumbers)).toEqual([3, 4]);
    expect(ids({from: "2025-06-02", to: "2025-06-03", region: "APAC"})).toEqual([3, 4]);
  });
  it("keeps the flags inside the dates, inclusive", () => {
    expect(ids({from: "2025-06-01", to: "2025-06-02"})).toEqual([1, 2, 3]);
  });
  it("filters by each field present, and by any enforcement or appeal", () => {
    expect(ids({from: "2025-06-01", to: "2025-06-03", region: "APAC", category: "spam"})).toEqual([1, 4]);
    expect(ids({from: "2025-06-01", to: "2025-06-03", action: "enforced"})).toEqual([1, 2, 4]);
    expect(ids({from: "2025-06-01", to: "2025-06-03", appeal: "appealed"})).toEqual([1, 4]);
    expect(ids({from: "2025-06-01", to: "2025-06-03", appeal: "overturned"})).toEqual([4]);
    expect(ids({from: "2025-06-01", to: "2025-06-03", reviewer: "R01", severity: "critical"})).toEqual([4]);
    expect(ids({from: "2025-06-01", to: "2025-06-03", account: "U1"})).toEqual([1, 4]);
  });
  it("keeps, with open, the cases raised by the end of the To day and decided after it (the backlog's rule)", () => {
    const H = 3_600_000;
    const end = Date.UTC(2025, 5, 2) + 24 * H;
    // Raised on 06-01 or 06-02; decided before, exactly at, and after the end of 06-02.
    const queue = aq.table({
      flag_id: [1, 2, 3, 4],
      date: [Date.UTC(2025, 5, 1), Date.UTC(2025, 5, 2), Date.UTC(2025, 5, 2), Date.UTC(2025, 5, 2)],
      ts: [end - 30 * H, end - 2 * H, end - 1 * H, end - 3 * H],
      tta_hours: [40, 1, 1, 3.5]
    });
    const scope = {from: "2025-06-01", to: "2025-06-02", open: true};
    expect(caseFilter(scope)).toContain("d.tta_hours");
    expect(queue.params(caseParams(scope)).filter(caseFilter(scope)).array("flag_id")).toEqual([1, 4]);
    expect(casesQuery(scope)).toBe("?from=2025-06-01&to=2025-06-02&open=on");
  });
  it("filters by surface, posts and comments together, QA audit and ring membership", () => {
    const t = cases.assign({
      surface: ["message", "post", "comment", "message", "post"],
      qa: ["pass", null, "fail", "pass", null],
      ring_member: [false, false, true, true, false]
    });
    expect(ids({from: "2025-06-01", to: "2025-06-03", surface: "message"}, t)).toEqual([1, 4]);
    expect(ids({from: "2025-06-01", to: "2025-06-03", surface: "post_comment"}, t)).toEqual([2, 3, 5]);
    expect(ids({from: "2025-06-01", to: "2025-06-03", qa: "audited"}, t)).toEqual([1, 3, 4]);
    expect(ids({from: "2025-06-01", to: "2025-06-03", qa: "fail"}, t)).toEqual([3]);
    expect(ids({from: "2025-06-01", to: "2025-06-03", sender: "ring"}, t)).toEqual([3, 4]);
    expect(ids({from: "2025-06-01", to: "2025-06-03", sender: "other", surface: "message"}, t)).toEqual([1]);
  });
  it("bounds, with dates: session, the day the deciding session started instead of the day raised", () => {
    // Flag 2 was raised on 06-01 and decided in a session that started on 06-02; flags without a session have no such day.
    const t = cases.assign({session_date: [day("2025-06-01"), day("2025-06-02"), day("2025-06-02"), null, null]});
    const scope = {from: "2025-06-02", to: "2025-06-03", dates: "session" as const};
    expect(caseFilter(scope)).toBe("d.session_date >= $.from && d.session_date <= $.to");
    expect(ids(scope, t)).toEqual([2, 3]);
    expect(casesQuery({...scope, reviewer: "R01", qa: "audited"})).toBe("?from=2025-06-02&to=2025-06-03&dates=day-its-session-started&qa=audited&reviewer=r01");
  });
  it("reproduces each count KPI's flags", () => {
    expect(ids({from: "2025-06-01", to: "2025-06-03", ...KPI_CASES.enforcements})).toEqual([1, 2, 4]);
    expect(ids({from: "2025-06-01", to: "2025-06-03", ...KPI_CASES.appeals})).toEqual([1, 4]);
  });
});

describe("casesQuery(scope)", () => {
  it("writes each select as its option's slug, which the case view's input reads back", () => {
    const q = casesQuery({from: "2025-06-01", to: "2025-06-07", region: "APAC", category: "harassment_hate", action: "enforced"});
    expect(q).toBe("?from=2025-06-01&to=2025-06-07&region=apac&category=harassment-hate&action=any-enforcement");
    const params = new URLSearchParams(q);
    const labels = (field: keyof typeof CASE_OPTIONS) => [CASE_OPTIONS[field].all, ...CASE_OPTIONS[field].options.map(([, l]) => l)];
    expect(parseState({kind: "choice", options: labels("category")}, params.getAll("category"))).toEqual({ok: true, state: "Harassment/hate"});
    expect(parseState({kind: "choice", options: labels("action")}, params.getAll("action"))).toEqual({ok: true, state: "Any enforcement"});
  });
  it("refuses a value no option has", () => {
    expect(() => casesQuery({from: "2025-06-01", to: "2025-06-07", region: "Mars"})).toThrow(/no region option Mars/);
  });
});
