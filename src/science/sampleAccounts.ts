import {hashKey} from "./hashKey.js";

/**
 * A bounded, stratified, account-level sample of evaluation user-days, for the pages that load them
 * row by row (detection, enforcement), so that their data stops growing with the world while the
 * build's own figures (model.json, summary.json) stay computed on every row.
 *
 * Up to `maxRows` rows every row is kept and every weight is 1. Above it, every account with at least
 * one abusive user-day keeps all its rows (they are rare and the figures hinge on them); of the other
 * accounts a simple random sample of fixed size n is drawn, in the order of a hash of the account id
 * under a salt (no generator: the same data gives the same sample), with n chosen so that their rows
 * fill what the budget leaves on average. Each of their rows stands for N / n rows of the cohort (N
 * such accounts in all): the inverse of the chance that an account was drawn, so weighted sums are
 * unbiased estimates of the cohort's. Rows come back in their original order.
 */

/** Evaluation user-days a page loads at most (about: the sample fills it on average). */
export const MAX_SCORED_ROWS = 40_000;

export interface AccountSample {
  /** Kept row indexes, ascending. */
  rows: number[];
  /** Cohort rows each kept row stands for, by kept row: 1, or `factor` for a sampled account's. */
  sampleWeight: number[];
  summary: SampleSummary;
}

export interface SampleSummary {
  /** Whether any row was left out (otherwise every weight is 1). */
  sampled: boolean;
  maxRows: number;
  rows: number;
  totalRows: number;
  /** Accounts with an abusive user-day: all kept. */
  positiveAccounts: number;
  /** Other accounts: drawn, and in all. */
  drawnAccounts: number;
  otherAccounts: number;
  /** otherAccounts / drawnAccounts: the weight of a drawn account's rows (1 when all are kept). */
  factor: number;
}

/** Rows (one per user-day) with their account and label; `salt` seeds the hash order. */
export function sampleAccounts(rows: readonly {user_id: string; truth_abusive: boolean}[], maxRows: number, salt: string): AccountSample {
  if (!(Number.isInteger(maxRows) && maxRows > 0)) throw new Error(`invalid row budget: ${maxRows}`);
  const accounts = new Map<string, {rows: number; positive: boolean}>();
  for (const r of rows) {
    const a = accounts.get(r.user_id) ?? {rows: 0, positive: false};
    a.rows++;
    a.positive ||= r.truth_abusive;
    accounts.set(r.user_id, a);
  }
  const others = [...accounts].filter(([, a]) => !a.positive);
  const positiveAccounts = accounts.size - others.length;
  const otherRows = others.reduce((s, [, a]) => s + a.rows, 0);
  const room = maxRows - (rows.length - otherRows);
  const all = rows.length <= maxRows || others.length === 0;
  // At least one account stands for the others, even when the positives alone fill the budget.
  const n = all ? others.length : Math.min(others.length, Math.max(1, Math.floor(room / (otherRows / others.length))));
  const drawn = new Set(
    others
      .map(([id]) => ({id, key: hashKey(salt, id)}))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1))
      .slice(0, n)
      .map((a) => a.id)
  );
  const factor = n === others.length ? 1 : others.length / n;
  const kept: number[] = [];
  const sampleWeight: number[] = [];
  rows.forEach((r, i) => {
    const positive = accounts.get(r.user_id)!.positive;
    if (!positive && !drawn.has(r.user_id)) return;
    kept.push(i);
    sampleWeight.push(positive ? 1 : factor);
  });
  return {
    rows: kept,
    sampleWeight,
    summary: {sampled: kept.length < rows.length, maxRows, rows: kept.length, totalRows: rows.length, positiveAccounts, drawnAccounts: n, otherAccounts: others.length, factor}
  };
}

/** One sentence for the pages: what the rows they read are, and how to read their counts. */
export function describeSample(s: SampleSummary, formatCount: (x: number) => string = String): string {
  if (!s.sampled) return `This page reads every evaluation user-day (${formatCount(s.totalRows)}).`;
  return (
    `This page reads a sample of ${formatCount(s.rows)} of the ${formatCount(s.totalRows)} evaluation user-days: every day of the ${formatCount(s.positiveAccounts)} accounts with an abusive day, ` +
    `and every day of ${formatCount(s.drawnAccounts)} of the other ${formatCount(s.otherAccounts)} accounts, drawn by a hash of the account id (1 in ${s.factor.toFixed(2)}). ` +
    `Each of their rows stands for ${s.factor.toFixed(2)} cohort user-days, so the page's counts of user-days are estimates (marked ≈); the figures the build computed (average precision, evaluation user-days) use every user-day.`
  );
}
