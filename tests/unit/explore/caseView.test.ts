import * as aq from "arquero";
import {describe, expect, it} from "vitest";
import {accountHref, actionCounts, actionCountsText, caseCountNote, caseScope, downloadRows, linkedAccountCases, linkedCoverageText, matchCases, reviewerIds, scopeText, unlistedText} from "../../../src/explore/caseView.js";

const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
// Five cases as the page reads them (dates in epoch ms); U1 and U3 share an entity with U5.
const cases = aq.table({
  flag_id: [1, 2, 3, 4, 5],
  date: [day("2025-06-01"), day("2025-06-01"), day("2025-06-02"), day("2025-06-03"), day("2025-06-09")],
  region: ["APAC", "EMEA", "APAC", "APAC", "AMER"],
  action: ["removal", "none", "removal", "warning", "none"],
  appealed: [true, false, false, true, false],
  reviewer_id: ["R02", null, "R01", "R02", null],
  actor_id: ["U1", "U2", "U3", "U1", "U3"]
});
const resolved = aq.table({user_id: ["U1", "U3", "U5", "U7"], component_id: [1, 1, 1, 2], component_size: [3, 3, 3, 1]});
const june = {from: "2025-06-01", to: "2025-06-03"};

describe("caseView", () => {
  it("caseScope(filters) orders and clamps the dates, and reads a blank account as none", () => {
    expect(caseScope({from: new Date("2025-06-03T00:00:00Z"), to: "2025-06-01", account: "  "})).toEqual({from: "2025-06-01", to: "2025-06-03", account: undefined});
    expect(caseScope({from: "2024-12-01", to: null, account: " U1 ", region: "APAC"})).toEqual({from: "2025-03-01", to: "2025-08-31", account: "U1", region: "APAC"});
  });
  it("scopeText(scope) names the place, category, action and the session dating", () => {
    expect(scopeText(june)).toBe("all regions");
    expect(scopeText({...june, region: "APAC", country: "Vietnam", category: "spam", action: "enforced", dates: "session"})).toBe("Vietnam, spam, any enforcement, dated by the start of the session that decided them");
    expect(scopeText({...june, region: "EMEA", action: "removal"})).toBe("EMEA, removal");
  });
  it("matchCases(cases, scope) keeps the scope's cases; actionCounts sorts actions by cases, ties in order of appearance", () => {
    const matched = matchCases(cases, june);
    expect(matched.array("flag_id")).toEqual([1, 2, 3, 4]);
    const {byAction, appealed} = actionCounts(matched);
    expect(byAction).toEqual([{action: "removal", count: 2, appealed: 1}, {action: "none", count: 1, appealed: 0}, {action: "warning", count: 1, appealed: 1}]);
    expect(appealed).toBe(2);
    expect(actionCountsText(byAction)).toBe("removal 2 · none 1 · warning 1");
    expect(actionCountsText(actionCounts(matchCases(cases, {from: "2025-07-01", to: "2025-07-02"})).byAction)).toBe("none");
  });
  it("caseCountNote(n, rate) estimates the world's count from a sample", () => {
    expect(caseCountNote(1234, 0.1)).toBe("about 12,340 in the whole world");
    expect(caseCountNote(1234, 1)).toBe("every flag that matches the filters");
  });
  it("downloadRows(matched) counts at once and writes dates as YYYY-MM-DD on first read", () => {
    const rows = downloadRows(matchCases(cases, {...june, region: "APAC"}));
    expect(rows.length).toBe(3);
    expect(rows.map((r) => r.date)).toEqual(["2025-06-01", "2025-06-02", "2025-06-03"]);
  });
  it("accountHref(scope, account) opens the account's cases in the scope's dates", () => {
    expect(accountHref(june, "U1")).toBe("./cases.html?from=2025-06-01&to=2025-06-03&account=U1");
  });
  it("linkedAccountCases(cases, resolved, scope) lists the account's entity with their cases in the dates", () => {
    expect(linkedAccountCases(cases, resolved, {...june, account: "U1"})).toEqual([{id: "U3", cases: 1}, {id: "U5", cases: 0}]);
    expect(linkedAccountCases(cases, resolved, {from: "2025-06-01", to: "2025-06-30", account: "U1"})).toEqual([{id: "U3", cases: 2}, {id: "U5", cases: 0}]);
    expect(linkedAccountCases(cases, resolved, {...june, account: "U7"})).toEqual([]);
    expect(linkedAccountCases(cases, resolved, june)).toEqual([]);
  });
  it("reviewerIds(cases) lists the reviewers in id order, without the automatic cases", () => {
    expect(reviewerIds(cases)).toEqual(["R01", "R02"]);
  });
  it("unlistedText and linkedCoverageText say when the published table lists only the largest entities", () => {
    expect(unlistedText(500, 2000)).toBe(", among the 500 linked accounts of the largest entities the published table lists (of 2,000)");
    expect(unlistedText(2000, 2000)).toBe("");
    expect(linkedCoverageText(500, {linkedAccounts: 2000, accounts: 9000})).toBe("the published table lists the largest entities, 500 of 2,000 linked accounts; an account outside them shows 0");
    expect(linkedCoverageText(2000, {linkedAccounts: 2000, accounts: 9000})).toBe("all 2,000 linked accounts of the platform's 9,000");
    expect(linkedCoverageText(0, null)).toMatch(/^none in this build: entity resolution reads the event log/);
  });
});
