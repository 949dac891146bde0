import {describe, expect, it} from "vitest";
import {dateRange, daysBetween} from "../../../src/core/calendar.js";
import {COUNTRIES} from "../../../src/core/constants.js";
import {createRng, type Rng} from "../../../src/core/random.js";
import {MESSAGING_LAUNCH} from "../../../src/core/scenarios.js";
import {generateActivity, MESSAGE_SHARE, messagingAdoption} from "../../../src/world/activity.js";

/**
 * A generator whose every draw is 0.25: Box–Muller then gives cos(π/2) = 0, so every normal variate is
 * its mean and the activity is the model's expectation, to be worked out by hand.
 */
function centred(): Rng {
  const rng = (() => 0.25) as Rng;
  rng.fork = () => centred();
  return rng;
}

const SG = COUNTRIES.findIndex((c) => c.code === "SG");
const US = COUNTRIES.findIndex((c) => c.code === "US");
const NC = COUNTRIES.length;
/** Sunday, the launch Monday, Tuesday. */
const THREE_DAYS = ["2025-05-04", "2025-05-05", "2025-05-06"];

describe("messagingAdoption", () => {
  it("messagingAdoption(day, launch, ramp) is 0 before the launch day", () => {
    expect(messagingAdoption(0, 10, 14)).toBe(0);
    expect(messagingAdoption(9, 10, 14)).toBe(0);
  });
  it("messagingAdoption(launch, launch, 14) is 1/14: the launch day already has its first step", () => {
    expect(messagingAdoption(10, 10, 14)).toBe(1 / 14);
    expect(messagingAdoption(16, 10, 14)).toBe(7 / 14);
  });
  it("messagingAdoption reaches 1 on the ramp's last day and stays there", () => {
    expect(messagingAdoption(23, 10, 14)).toBe(1);
    expect(messagingAdoption(24, 10, 14)).toBe(1);
    expect(messagingAdoption(500, 10, 14)).toBe(1);
  });
  it("messagingAdoption(day, launch, 1) is a step from 0 to 1 at the launch", () => {
    expect([9, 10, 11].map((d) => messagingAdoption(d, 10, 1))).toEqual([0, 1, 1]);
  });
});

describe("generateActivity", () => {
  it("generateActivity(rng, scale, 3 dates) lays out one cell per day and country, day-major", () => {
    const a = generateActivity(createRng(1), 0.1, THREE_DAYS);
    expect(a.dates).toBe(THREE_DAYS);
    for (const col of [a.activeUsers, a.posts, a.messages]) expect(col.length).toBe(3 * NC);
    expect(a.adoption.length).toBe(3);
  });

  it("generateActivity over the launch: adoption 0, 1/14, 2/14 and no messages before the launch day", () => {
    const a = generateActivity(createRng(1), 1, THREE_DAYS);
    expect([...a.adoption]).toEqual([0, 1 / 14, 2 / 14]);
    expect([...a.messages.subarray(0, NC)]).toEqual(new Array(NC).fill(0));
    for (let c = 0; c < NC; c++) expect(a.messages[NC + c]).toBeGreaterThan(0);
  });

  it("generateActivity(centred, 1, 3 dates) is the expectation: Singapore's active users 2345, 2439, 2533 and posts 1524, 1015, 1251", () => {
    // Active users: BASE_DAU 46,900 × share 0.05 × growth 1 + 0.08·d/2; posts: × 0.52 per user × the
    // weekday factor (Sunday 1.25, Monday 0.8, Tuesday 0.95); messages: posts × 0.3 × adoption.
    const a = generateActivity(centred(), 1, THREE_DAYS);
    expect([0, 1, 2].map((d) => a.activeUsers[d * NC + SG])).toEqual([2345, 2439, 2533]);
    expect([0, 1, 2].map((d) => a.posts[d * NC + SG])).toEqual([1524, 1015, 1251]);
    // Monday: round(2439 × 0.52 × 0.8 × 0.3 / 14) = round(21.74); Tuesday: round(2533 × 0.52 × 0.95 × 0.3 × 2/14) = round(53.62).
    expect([0, 1, 2].map((d) => a.messages[d * NC + SG])).toEqual([0, 22, 54]);
    // The United States (share 0.14) on Sunday: 6566 users, 4268 posts.
    expect([a.activeUsers[US], a.posts[US]]).toEqual([6566, 4268]);
  });

  it("generateActivity scales active users with `scale`: the expectation at scale 0.1 is a tenth, rounded", () => {
    const a = generateActivity(centred(), 0.1, THREE_DAYS);
    expect(a.activeUsers[SG]).toBe(235);
    expect(a.activeUsers[US]).toBe(657);
  });

  it("generateActivity with a seeded generator stays within a few per cent of the expectation (2% noise on users, 3% on posts)", () => {
    const a = generateActivity(createRng(7), 1, THREE_DAYS);
    const e = generateActivity(centred(), 1, THREE_DAYS);
    for (let i = 0; i < 3 * NC; i++) {
      expect(Math.abs(a.activeUsers[i] / e.activeUsers[i] - 1)).toBeLessThan(0.1);
      expect(Math.abs(a.posts[i] / e.posts[i] - 1)).toBeLessThan(0.2);
    }
    expect(a.activeUsers).not.toEqual(e.activeUsers);
  });

  it("generateActivity is a function of the seed: the same seed gives the same arrays, another seed others", () => {
    const a = generateActivity(createRng(3), 0.2, THREE_DAYS);
    const b = generateActivity(createRng(3), 0.2, THREE_DAYS);
    const c = generateActivity(createRng(4), 0.2, THREE_DAYS);
    expect(b).toEqual(a);
    expect(c.posts).not.toEqual(a.posts);
  });

  it("generateActivity over the whole calendar: messages start on the launch date and reach posts × 0.3 after the 14-day ramp", () => {
    const dates = dateRange();
    const a = generateActivity(centred(), 1, dates);
    const launch = daysBetween(dates[0], MESSAGING_LAUNCH.date);
    expect(a.adoption[launch - 1]).toBe(0);
    expect(a.adoption[launch]).toBeGreaterThan(0);
    expect(a.adoption[launch + MESSAGING_LAUNCH.adoptionDays - 1]).toBe(1);
    const last = (dates.length - 1) * NC + SG;
    expect(Math.abs(a.messages[last] - a.posts[last] * MESSAGE_SHARE)).toBeLessThanOrEqual(1);
    // Growth: the last day's users are 8% above the first day's.
    expect(a.activeUsers[last] / a.activeUsers[SG]).toBeCloseTo(1.08, 3);
  });
});
