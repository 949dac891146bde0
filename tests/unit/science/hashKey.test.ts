import {describe, expect, it} from "vitest";
import {hashKey} from "../../../src/science/hashKey.js";

describe("hashKey", () => {
  it("hashKey(salt, id) is stable and changes with the salt", () => {
    expect(hashKey("s", "U1")).toBe(hashKey("s", "U1"));
    expect(hashKey("s", "U1")).not.toBe(hashKey("t", "U1"));
  });
  it("hashKey orders a block of ids that share a prefix as a random draw would", () => {
    // 10,000 ids, the last 1% a contiguous block: a sample of the 1,000 lowest keys holds about 10 of them.
    const ids = Array.from({length: 10_000}, (_, i) => `U${String(i).padStart(6, "0")}`);
    const lowest = ids.map((id, i) => ({i, key: hashKey("42/x", id)})).sort((a, b) => (a.key < b.key ? -1 : 1)).slice(0, 1000);
    const inBlock = lowest.filter((x) => x.i >= 9_900).length;
    expect(inBlock).toBeGreaterThanOrEqual(3);
    expect(inBlock).toBeLessThanOrEqual(20);
  });
});
