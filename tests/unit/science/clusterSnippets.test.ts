import {describe, expect, it} from "vitest";
import {chooseK, clusterSnippets, spread} from "../../../src/science/clusterSnippets.js";
import {createRng} from "../../../src/core/random.js";

describe("clusterSnippets", () => {
  const texts = ["Buy cheap pills now", "BUY cheap pills now!!", "buy cheap pills today", "cheap pills buy", "you are an idiot", "you are a clown", "idiot clown you are", "You are an idiot."];
  const truth = ["spam", "spam", "spam", "spam", "hate", "hate", "hate", "hate"];
  it("clusterSnippets(texts, truth, {ks: [2]}) dedups, then separates the two topics", () => {
    const r = clusterSnippets(texts, truth, {ks: [2, 3], rng: createRng(3)});
    expect(r.texts).toBe(8);
    expect(r.distinct).toBe(6);
    expect(r.duplicateShare).toBeCloseTo(2 / 8, 12);
    expect(r.clustered).toBe(6);
    const k2 = r.results.find((x) => x.k === 2)!;
    expect(k2.purity).toBe(1);
    expect(k2.purityAll).toBe(1);
    expect(k2.silhouette).toBeGreaterThan(0);
    expect(k2.clusters.map((c) => c.majority).sort()).toEqual(["hate", "spam"]);
    expect(r.labels[2]).toHaveLength(6);
    expect(k2.contingency.reduce((s, c) => s + c.count, 0)).toBe(6);
  });
  it("clusterSnippets(…, {maxItems}) clusters an even subset of the distinct texts", () => {
    const r = clusterSnippets(texts, truth, {ks: [2], rng: createRng(3), maxItems: 4});
    expect(r.clustered).toBe(4);
    expect(r.items).toEqual([0, 1, 3, 4]);
  });
  it("clusterSnippets(…) reports the MinHash near-duplicate share beside the exact one, with its parameters", () => {
    const copies = ["Claim your prize at win.example now", "CLAIM your prlze at win.example now!", "cl4im y0ur prize at win.example n o w", "the storm closed the harbour road", "the storm closed the harbour road today", "my cat sleeps all day"];
    const r = clusterSnippets(copies, ["a", "a", "a", "b", "b", "c"], {ks: [2], rng: createRng(1)});
    expect(r.duplicateShare).toBe(0);
    expect(r.nearDuplicate.groups).toBe(3);
    expect(r.nearDuplicate.share).toBeCloseTo(1 - 3 / 6, 12);
    expect(r.nearDuplicate.largest).toBe(3);
    expect(r.nearDuplicate.options).toEqual({shingle: 4, hashes: 64, bands: 16, threshold: 0.5});
  });
  it("clusterSnippets(…) chooses k by silhouette alone, and reruns it from `runs` seeds", () => {
    const r = clusterSnippets(texts, truth, {ks: [2, 3, 4], rng: createRng(3), runs: 5});
    expect(r.chosenK).toBe(chooseK(r.results));
    // The choice does not move when the truth does: it reads no ground truth.
    const shuffled = clusterSnippets(texts, ["x", "y", "x", "y", "x", "y", "x", "y"], {ks: [2, 3, 4], rng: createRng(3), runs: 5});
    expect(shuffled.chosenK).toBe(r.chosenK);
    expect(r.stability.k).toBe(r.chosenK);
    expect(r.stability.runs).toBe(5);
    for (const f of [r.stability.purity, r.stability.purityAll, r.stability.silhouette]) {
      expect(f.values).toHaveLength(5);
      expect(f.min).toBeLessThanOrEqual(f.median);
      expect(f.median).toBeLessThanOrEqual(f.max);
    }
    // Same generator seed, same figures; each run draws from its own fork.
    expect(clusterSnippets(texts, truth, {ks: [2, 3, 4], rng: createRng(3), runs: 5}).stability).toEqual(r.stability);
    expect(() => clusterSnippets(texts, truth, {ks: [2], rng: createRng(3), runs: 0})).toThrow(/invalid runs: 0/);
  });
});

describe("chooseK", () => {
  it("chooseK(results) takes the highest silhouette, the smaller k on a tie", () => {
    expect(chooseK([{k: 2, silhouette: 0.1}, {k: 3, silhouette: 0.3}, {k: 4, silhouette: 0.2}])).toBe(3);
    expect(chooseK([{k: 5, silhouette: 0.3}, {k: 3, silhouette: 0.3}])).toBe(3);
    expect(() => chooseK([])).toThrow(/no k to choose from/);
  });
});

describe("spread", () => {
  it("spread(values) is the median (R-7) and range, with the values in order", () => {
    expect(spread([0.3, 0.1, 0.2, 0.9])).toEqual({median: 0.25, min: 0.1, max: 0.9, values: [0.3, 0.1, 0.2, 0.9]});
  });
});
