import {describe, expect, it} from "vitest";
import {featureDrift} from "../../../src/science/featureDrift.js";

const row = (date: string, chats: number) => ({date, chats, account_age_days: 100, logins: 1, uploads: 1, warnings: 0, policy_blocks: 0, chats_to_new_accounts: 0, chat_peers: Math.max(1, chats), devices: 1, ip_prefixes: 1, max_attempts_10min: 1});

describe("featureDrift", () => {
  it("featureDrift(rows, {splitDate, recentDays}) finds the feature that moved and leaves constant ones at 0", () => {
    const rows = [];
    for (let d = 1; d <= 14; d++) for (let u = 0; u < 10; u++) rows.push(row(`2025-06-${String(d).padStart(2, "0")}`, d <= 7 ? u % 2 : 5 + u));
    const drift = featureDrift(rows, {splitDate: "2025-06-08", recentDays: 7});
    expect(drift.reference).toEqual({from: "2025-06-01", to: "2025-06-07", rows: 70});
    expect(drift.recent).toEqual({from: "2025-06-08", to: "2025-06-14", rows: 70});
    const byName = Object.fromEntries(drift.features.map((f) => [f.feature, f]));
    expect(byName.chats.band).toBe("significant");
    expect(byName.uploads.psi).toBe(0);
    expect(byName.chats.reference_mean).toBeCloseTo(0.5 * Math.log(2), 12);
    // Two weeks: the first matches the reference exactly.
    const weeks = drift.weekly.filter((w) => w.feature === "chats");
    expect(weeks.map((w) => w.week_start)).toEqual(["2025-06-01", "2025-06-08"]);
    expect(weeks[0].psi).toBe(0);
    expect(weeks[1].psi).toBeCloseTo(byName.chats.psi, 12);
  });
  it("featureDrift(rows in any order, …) counts weeks from the first date and skips a week without rows", () => {
    // Days 1-3 (reference), none in 8-14, days 15-21 (recent), shuffled.
    const rows = [];
    for (const d of [17, 2, 21, 1, 15, 3, 16, 18, 20, 19]) for (let u = 0; u < 4; u++) rows.push(row(`2025-06-${String(d).padStart(2, "0")}`, d < 8 ? u : u + 3));
    const drift = featureDrift(rows, {splitDate: "2025-06-08", recentDays: 7});
    const weeks = drift.weekly.filter((w) => w.feature === "chats");
    expect(weeks.map((w) => [w.week_start, w.rows])).toEqual([["2025-06-01", 12], ["2025-06-15", 28]]);
    expect(weeks[0].psi).toBe(0);
    expect(weeks[1].psi).toBe(drift.features.find((f) => f.feature === "chats")!.psi);
  });
  it("featureDrift rejects a recent period that overlaps the reference", () => {
    expect(() => featureDrift([row("2025-06-01", 1), row("2025-06-02", 1)], {splitDate: "2025-06-02", recentDays: 2})).toThrow("invalid recentDays: 2 reaches into the reference period (before 2025-06-02)");
    expect(() => featureDrift([], {splitDate: "2025-06-02"})).toThrow("invalid rows: no user-days");
  });
});
