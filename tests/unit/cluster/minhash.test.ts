import {describe, expect, it} from "vitest";
import {estimateJaccard, foldForMatching, minhashSignature, nearDuplicateGroups, shingleHashes} from "../../../src/cluster/minhash.js";

describe("foldForMatching", () => {
  it("folds case, leetspeak, homoglyphs and spacing to one form", () => {
    expect(foldForMatching("FR3E  g1ft $ card")).toBe("freegiftscard");
    expect(foldForMatching("f r e e")).toBe("free");
    // Cyrillic а and о imitate Latin a and o.
    expect(foldForMatching("cl\u043ewn \u0430ccount")).toBe("clownaccount");
  });
  it("keeps letters of other scripts", () => {
    expect(foldForMatching("ขายถูก 100%")).toBe("ขายถูกioo");
  });
});

describe("shingleHashes", () => {
  it("has one hash per distinct shingle", () => {
    expect(shingleHashes("abcd", 2).length).toBe(3);
    expect(shingleHashes("abab", 2).length).toBe(2);
    expect(shingleHashes("ab", 4).length).toBe(1);
    expect(shingleHashes("!!", 4).length).toBe(0);
  });
});

describe("minhashSignature", () => {
  it("is the same for texts that fold alike and estimates Jaccard", () => {
    const a = minhashSignature("Buy cheap followers now");
    expect(minhashSignature("BUY  ch3ap f0llowers now!!")).toEqual(a);
    expect(estimateJaccard(a, a)).toBe(1);
    const far = minhashSignature("the storm flooded the old bridge last night");
    expect(estimateJaccard(a, far)).toBeLessThan(0.2);
  });
  it("rejects a bad hash count", () => {
    expect(() => minhashSignature("x", {hashes: 0})).toThrow(/invalid hash count/);
  });
});

describe("nearDuplicateGroups", () => {
  const texts = [
    "Your account won $200! verify your payment at secure-pay.example to receive it",
    "your acc0unt won $500!! verify ur payment at secure-pay.example to receive it 🔥",
    "Your  account  won $200 verify your payment at securepay.example to receive it",
    "the storm flooded the old bridge last night",
    "Your account won $200! verify your payment at secure-pay.example to receive it"
  ];
  it("groups edited copies that exact hashing keeps apart", () => {
    const r = nearDuplicateGroups(texts);
    expect([...r.group]).toEqual([0, 0, 0, 1, 0]);
    expect(r.sizes).toEqual([4, 1]);
    expect(r.nearDuplicateShare).toBeCloseTo(1 - 2 / 5);
  });
  it("is empty for no input and rejects bands that do not divide the hashes", () => {
    expect(nearDuplicateGroups([]).nearDuplicateShare).toBe(0);
    expect(() => nearDuplicateGroups(texts, {bands: 5})).toThrow(/invalid bands/);
  });
});
