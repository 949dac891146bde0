import {describe, expect, it} from "vitest";
import {describeSample, sampleAccounts} from "../../../src/science/sampleAccounts.js";

/** `accounts` accounts with `days` user-days each; the first `positives` have one abusive day. */
function userDays(accounts: number, days: number, positives: number) {
  const rows: {user_id: string; truth_abusive: boolean}[] = [];
  for (let d = 0; d < days; d++) for (let a = 0; a < accounts; a++) rows.push({user_id: `u${a}`, truth_abusive: a < positives && d === 0});
  return rows;
}

describe("sampleAccounts(rows, maxRows, salt)", () => {
  it("keeps every row with weight 1 when they fit", () => {
    const rows = userDays(10, 3, 2);
    const s = sampleAccounts(rows, 30, "x");
    expect(s.rows).toEqual(rows.map((_, i) => i));
    expect(s.sampleWeight.every((w) => w === 1)).toBe(true);
    expect(s.summary).toMatchObject({sampled: false, rows: 30, totalRows: 30, positiveAccounts: 2, drawnAccounts: 8, otherAccounts: 8, factor: 1});
  });
  it("keeps every positive account whole and a fixed-size sample of the others, weighted N / n", () => {
    const rows = userDays(100, 4, 10);
    const s = sampleAccounts(rows, 200, "x");
    // 40 rows of positive accounts; 160 rows of room at 4 rows per account: 40 of the 90 others.
    expect(s.summary).toMatchObject({sampled: true, rows: 200, totalRows: 400, positiveAccounts: 10, drawnAccounts: 40, otherAccounts: 90});
    expect(s.summary.factor).toBeCloseTo(90 / 40, 12);
    const kept = s.rows.map((i) => rows[i].user_id);
    for (let a = 0; a < 10; a++) expect(kept.filter((u) => u === `u${a}`)).toHaveLength(4);
    // Whole accounts: every kept account keeps its 4 days.
    const counts = new Map<string, number>();
    for (const u of kept) counts.set(u, (counts.get(u) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 4)).toBe(true);
    // The weights add up to the rows they stand for, and rows stay in their order.
    expect(s.sampleWeight.reduce((a, b) => a + b, 0)).toBeCloseTo(400, 9);
    expect(s.rows).toEqual([...s.rows].sort((a, b) => a - b));
    s.rows.forEach((i, k) => expect(s.sampleWeight[k]).toBe(Number(rows[i].user_id.slice(1)) < 10 ? 1 : s.summary.factor));
  });
  it("is deterministic, and the salt picks the accounts", () => {
    const rows = userDays(100, 4, 10);
    expect(sampleAccounts(rows, 200, "x").rows).toEqual(sampleAccounts(rows, 200, "x").rows);
    expect(sampleAccounts(rows, 200, "y").rows).not.toEqual(sampleAccounts(rows, 200, "x").rows);
  });
  it("keeps one other account when the positives alone fill the budget", () => {
    const s = sampleAccounts(userDays(20, 2, 15), 10, "x");
    expect(s.summary).toMatchObject({rows: 32, drawnAccounts: 1, otherAccounts: 5, factor: 5});
  });
  it("rejects an invalid budget", () => {
    expect(() => sampleAccounts([], 0, "x")).toThrow(/budget/);
  });
  it("says what the page reads", () => {
    expect(describeSample(sampleAccounts(userDays(10, 3, 2), 30, "x").summary)).toBe("This page reads every evaluation user-day (30).");
    const text = describeSample(sampleAccounts(userDays(100, 4, 10), 200, "x").summary);
    expect(text).toContain("a sample of 200 of the 400 evaluation user-days");
    expect(text).toContain("40 of the other 90 accounts");
    expect(text).toContain("2.25");
  });
});
