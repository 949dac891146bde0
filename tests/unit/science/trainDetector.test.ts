import {describe, expect, it} from "vitest";
import {accountBootstrapWeights, accountIndex, reasonText, trainDetector, type CoreUserDay} from "../../../src/science/trainDetector.js";
import {createRng} from "../../../src/core/random.js";

/** Abusive days have blocks and bursts; a few benign ones too, so the classes overlap. */
function fixture(): CoreUserDay[] {
  const rows: CoreUserDay[] = [];
  const rng = createRng("fixture");
  for (let d = 0; d < 20; d++) {
    const date = `2025-06-${String(d + 1).padStart(2, "0")}`;
    for (let u = 0; u < 30; u++) {
      const abusive = u < 6;
      const noisy = rng() < 0.15;
      rows.push({
        user_id: `U${u}`, date, truth_abusive: abusive,
        account_age_days: abusive ? 5 : 300, logins: 1, chats: abusive ? 8 : 3, uploads: 1, warnings: 0,
        policy_blocks: abusive || noisy ? 1 + Math.floor(rng() * 2) : 0, chats_to_new_accounts: abusive ? 3 : 0, chat_peers: abusive ? 2 : 3,
        devices: 1, ip_prefixes: abusive ? 2 : 1, max_attempts_10min: abusive ? 6 : noisy ? 5 : 2
      });
    }
  }
  return rows;
}

describe("trainDetector", () => {
  it("trainDetector(rows, {splitDate}) trains before the split and scores from it on", () => {
    const rows = fixture();
    const det = trainDetector(rows, {splitDate: "2025-06-15", rng: createRng(1), bootstraps: 5});
    expect(det.train).toMatchObject({from: "2025-06-01", to: "2025-06-14", rows: 14 * 30, positives: 14 * 6});
    expect(det.test).toMatchObject({from: "2025-06-15", to: "2025-06-20", rows: 6 * 30, positives: 6 * 6});
    expect(det.scored).toHaveLength(180);
    expect(det.scored.every((s) => s.date >= "2025-06-15")).toBe(true);
    expect(det.averagePrecision.model).toBeGreaterThan(0.95);
    for (const s of det.scored) {
      expect(s.risk_lo).toBeLessThanOrEqual(s.risk_hi);
      expect(s.heuristic).toBeGreaterThanOrEqual(0);
      expect(s.heuristic).toBeLessThanOrEqual(1);
    }
    expect(det.features.map((f) => f.name)).toContain("burst");
    expect(det.C).toBe(1);
  });
  it("trainDetector is deterministic for a seed", () => {
    const a = trainDetector(fixture(), {splitDate: "2025-06-15", rng: createRng(2), bootstraps: 4});
    const b = trainDetector(fixture(), {splitDate: "2025-06-15", rng: createRng(2), bootstraps: 4});
    expect(a.scored.map((s) => s.risk_lo)).toEqual(b.scored.map((s) => s.risk_lo));
  });
  it("trainDetector rejects a split that leaves a period empty or one class", () => {
    expect(() => trainDetector(fixture(), {splitDate: "2025-07-01", rng: createRng(1)})).toThrow("invalid splitDate: 2025-07-01 leaves 600 training and 0 evaluation rows");
    const oneClass = fixture().map((r) => ({...r, truth_abusive: false}));
    expect(() => trainDetector(oneClass, {splitDate: "2025-06-15", rng: createRng(1)})).toThrow("invalid training period: 0 positives of 420 rows");
    expect(() => trainDetector(fixture(), {splitDate: "June", rng: createRng(1)})).toThrow("invalid splitDate: June");
  });
  it("trainDetector's band is the R-7 quantile of the refits (src/core/quantile.ts)", () => {
    // With 2 refits s0 ≤ s1 and d = s1 − s0, R-7 puts the 90% band at s0 + 0.05d to s0 + 0.95d and the
    // 50% band at s0 + 0.25d to s0 + 0.75d; the same seed gives the same refits for both coverages.
    const wide = trainDetector(fixture(), {splitDate: "2025-06-15", rng: createRng(3), bootstraps: 2, coverage: 0.9});
    const mid = trainDetector(fixture(), {splitDate: "2025-06-15", rng: createRng(3), bootstraps: 2, coverage: 0.5});
    let spread = 0;
    wide.scored.forEach((w, i) => {
      const d = (w.risk_hi - w.risk_lo) / 0.9;
      spread = Math.max(spread, d);
      expect(mid.scored[i].risk_lo).toBeCloseTo(w.risk_lo + 0.2 * d, 8);
      expect(mid.scored[i].risk_hi).toBeCloseTo(w.risk_hi - 0.2 * d, 8);
    });
    expect(spread).toBeGreaterThan(1e-4);
  });
  it("reasonText(rules, features) names both parts", () => {
    expect(reasonText(["burst +1"], ["chats"])).toBe("rules: burst +1 · model: chats");
    expect(reasonText([], [])).toBe("");
  });
});

describe("accountBootstrapWeights", () => {
  it("accountBootstrapWeights(accounts, rng, out) resamples accounts: an account's rows share one weight", () => {
    const index = accountIndex(["a", "b", "a", "c", "b", "a"]);
    expect(Array.from(index.of)).toEqual([0, 1, 0, 2, 1, 0]);
    expect(index.accounts).toBe(3);
    // Draws 0.1, 0.1, 0.9 pick accounts 0, 0 and 2: a twice, b never, c once.
    const draws = [0.1, 0.1, 0.9];
    const weights = accountBootstrapWeights(index, () => draws.shift()!, new Float64Array(6));
    expect(Array.from(weights)).toEqual([2, 0, 2, 1, 0, 2]);
    expect(() => accountBootstrapWeights(index, () => 0, new Float64Array(2))).toThrow("length mismatch");
  });
});
