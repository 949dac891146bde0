import {describe, expect, it} from "vitest";
import {dedupe} from "../../../src/cluster/dedupe.js";

describe("dedupe", () => {
  it("dedupe(texts) groups texts equal after normalisation and keeps the first of each", () => {
    const d = dedupe(["Buy now!", "buy NOW", "hello", "Buy now 🔥", "Hello."]);
    expect(Array.from(d.group)).toEqual([0, 0, 1, 0, 1]);
    expect(d.representatives).toEqual([0, 2]);
    expect(d.sizes).toEqual([3, 2]);
    expect(d.duplicateShare).toBeCloseTo(1 - 2 / 5, 12);
  });
  it("dedupe([]) removes nothing and one text is unique", () => {
    expect(dedupe([]).duplicateShare).toBe(0);
    expect(dedupe(["x"]).duplicateShare).toBe(0);
  });
});
