import {beforeAll, describe, expect, it} from "vitest";
import {dateRange} from "../../../src/core/calendar.js";
import {COUNTRIES} from "../../../src/core/constants.js";
import {simulate, simulateFlags, validateWorldOptions, type World} from "../../../src/world/simulate.js";

const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const same = (a: ArrayBufferView, b: ArrayBufferView) => bytes(a).equals(bytes(b));

describe("validateWorldOptions", () => {
  it("validateWorldOptions accepts seeds 0 to MAX_SAFE_INTEGER and scales in (0, 250]", () => {
    for (const o of [{seed: 0, scale: 0.001}, {seed: 42, scale: 1}, {seed: Number.MAX_SAFE_INTEGER, scale: 250}]) expect(() => validateWorldOptions(o)).not.toThrow();
  });

  it("validateWorldOptions({seed: -1 | 1.5 | NaN | 2^53 | Infinity}) throws 'invalid seed: …' with the accepted range", () => {
    for (const seed of [-1, 1.5, NaN, 2 ** 53, Infinity]) {
      expect(() => validateWorldOptions({seed, scale: 1})).toThrow(`invalid seed: ${seed} (expected an integer from 0 to 9007199254740991)`);
    }
  });

  it("validateWorldOptions({scale: 0 | -1 | NaN | Infinity | 250.5}) throws 'invalid scale: …' with the accepted range", () => {
    for (const scale of [0, -1, NaN, Infinity, 250.5]) {
      expect(() => validateWorldOptions({seed: 1, scale})).toThrow(`invalid scale: ${scale} (expected a number in (0, 250])`);
    }
  });

  it("validateWorldOptions rejects a seed given as text: the seed must be a number", () => {
    expect(() => validateWorldOptions({seed: "42" as unknown as number, scale: 1})).toThrow("invalid seed: 42");
  });

  it("simulate and simulateFlags check their options before simulating anything", () => {
    expect(() => simulate({seed: -3, scale: 1})).toThrow("invalid seed: -3");
    expect(() => simulateFlags({seed: 1, scale: 1000})).toThrow("invalid scale: 1000");
  });
});

describe("simulate", () => {
  let world: World;
  beforeAll(() => {
    world = simulate({seed: 5, scale: 0.05});
  });

  it("simulate({seed: 5, scale: 0.05}) echoes its options and covers the calendar, 2025-03-01 to 2025-08-31 (184 days)", () => {
    expect([world.seed, world.scale]).toEqual([5, 0.05]);
    expect(world.dates).toEqual(dateRange());
    expect([world.dates.length, world.dates[0], world.dates.at(-1)]).toEqual([184, "2025-03-01", "2025-08-31"]);
  });

  it("simulate staffs max(1, round(20 × scale)) reviewers: one at scale 0.05", () => {
    expect(world.reviewers.length).toBe(1);
  });

  it("simulate's parts agree: one review row per flag, one activity cell per day and country, actors among the users", () => {
    const n = world.flags.length;
    expect(n).toBeGreaterThan(1000);
    for (const col of [world.review.route, world.review.action, world.review.decided, world.review.ttaHours]) expect(col.length).toBe(n);
    expect(world.activity.posts.length).toBe(184 * COUNTRIES.length);
    expect(Math.max(...world.flags.actor)).toBeLessThan(world.users.length);
    expect(Math.max(...world.review.reviewer)).toBeLessThan(world.reviewers.length);
  });

  it("simulateFlags(options) has exactly simulate(options)'s users, activity and flags", () => {
    const part = simulateFlags({seed: 5, scale: 0.05});
    expect(part.flags.length).toBe(world.flags.length);
    for (const k of ["ts", "category", "severity", "mlScore", "isViolation", "actor", "attack", "template"] as const) expect(same(part.flags[k], world.flags[k]), k).toBe(true);
    expect(same(part.users.device, world.users.device)).toBe(true);
    expect(same(part.activity.posts, world.activity.posts)).toBe(true);
  });

  it("simulateFlags({seed: 6}) differs from seed 5: the seed reaches the flags (simulating twice is byte-identical: tests/contracts/tables.test.ts)", () => {
    const other = simulateFlags({seed: 6, scale: 0.05});
    expect(same(other.flags.ts, world.flags.ts)).toBe(false);
    expect(same(other.users.country, world.users.country)).toBe(false);
  });
});
