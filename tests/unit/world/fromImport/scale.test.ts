import {describe, expect, it} from "vitest";
import {FLAGS_PER_SCALE, importScale} from "../../../../src/world/fromImport/scale.js";
import {FULL_DETAIL_SCALE, sampleRate} from "../../../../src/world/tables.js";

describe("importScale(flags)", () => {
  it("is 1 up to FLAGS_PER_SCALE flags (a world of scale 1 or less keeps every item)", () => {
    expect([importScale(0), importScale(73_518), importScale(FLAGS_PER_SCALE)]).toEqual([1, 1, 1]);
  });

  it("is the flags over FLAGS_PER_SCALE above it, to two decimals, so item tables keep every flag up to 300,000 and a sample above", () => {
    expect(importScale(10_434_518)).toBe(139.13);
    expect(sampleRate(importScale(FULL_DETAIL_SCALE * FLAGS_PER_SCALE))).toBe(1);
    expect(sampleRate(importScale(10_434_518)) * 10_434_518).toBeCloseTo(300_000, -3);
  });
});
