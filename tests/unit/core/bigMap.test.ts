import {describe, expect, it} from "vitest";
import {BigMap} from "../../../src/core/bigMap.js";

describe("BigMap", () => {
  it("gets, has and sets numbers and strings as a Map does, keeping 1 and \"1\" apart", () => {
    const m = new BigMap<number | string, string>();
    m.set(1, "one").set("1", "text one").set(-2.5, "minus").set("", "empty").set(1, "uno");
    expect([m.get(1), m.get("1"), m.get(-2.5), m.get(""), m.get(2), m.has("u17"), m.size]).toEqual(["uno", "text one", "minus", "empty", undefined, false, 4]);
  });

  it("holds more keys than one Map's 2^24 when spread over its shards (checked on 200,000 identifiers)", () => {
    const m = new BigMap<string, number>();
    for (let i = 0; i < 200_000; i++) m.set(`u${i}`, i);
    const shards = (m as unknown as {shards: Map<string, number>[]}).shards.map((s) => s.size);
    expect([m.size, m.get("u123456")]).toEqual([200_000, 123_456]);
    // No shard holds more than a quarter: 16 shards of 2^24 each reach past 100 million keys.
    expect(Math.max(...shards)).toBeLessThan(50_000);
  });
});
