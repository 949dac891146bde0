import {describe, expect, it} from "vitest";
import {clusterSnippets} from "../../../src/science/clusterSnippets.js";
import {createRng} from "../../../src/world/random.js";

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
});
