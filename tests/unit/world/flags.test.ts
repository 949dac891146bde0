import {beforeAll, describe, expect, it} from "vitest";
import {dateRange} from "../../../src/core/calendar.js";
import {ACTOR_TYPES, CATEGORIES, DAY_MS, SEVERITIES, SOURCES, SURFACES} from "../../../src/core/constants.js";
import {createRng} from "../../../src/core/random.js";
import {ATTACKS, INCIDENT, LOOKALIKES, MESSAGING_LAUNCH} from "../../../src/core/scenarios.js";
import {generateActivity} from "../../../src/world/activity.js";
import {generateFlags, scenarioMultiplier, violationScoreMean, type Flags} from "../../../src/world/flags.js";
import {generateUsers, type Users} from "../../../src/world/users.js";

const DATES = dateRange();
const START = Date.parse(`${DATES[0]}T00:00:00Z`);
const K = (name: (typeof CATEGORIES)[number]) => CATEGORIES.indexOf(name);
const rows = (f: Flags, keep: (i: number) => boolean) => Array.from({length: f.length}, (_, i) => i).filter(keep);

describe("violationScoreMean", () => {
  // The drift runs from 2025-06-03 (day 94) to 2025-08-31 (day 183).
  it("violationScoreMean(day) is 0.86 up to the drift's start on day 94", () => {
    expect(violationScoreMean(0, DATES)).toBe(0.86);
    expect(violationScoreMean(94, DATES)).toBe(0.86);
  });
  it("violationScoreMean(183) is 0.784, the last day's mean, and falls linearly in between (day 139: 0.8216)", () => {
    expect(violationScoreMean(183, DATES)).toBeCloseTo(0.784, 12);
    expect(violationScoreMean(139, DATES)).toBeCloseTo(0.86 - (0.076 * 45) / 89, 12);
    expect(violationScoreMean(95, DATES)).toBeLessThan(0.86);
  });
  it("violationScoreMean stays at 0.784 after the drift's end", () => {
    expect(violationScoreMean(250, DATES)).toBeCloseTo(0.784, 12);
  });
  it("violationScoreMean counts days from dates[0]: on a calendar starting at the drift's start, day 0 is stable and day 89 is the end", () => {
    const late = dateRange("2025-06-03", "2025-08-31");
    expect(violationScoreMean(0, late)).toBe(0.86);
    expect(violationScoreMean(89, late)).toBeCloseTo(0.784, 12);
  });
});

describe("scenarioMultiplier", () => {
  // Spam trends from 1.22 on the first day to 0.78 on the last (day 183); 2025-04-10 is day 40.
  const spamTrend = (day: number) => 1.22 + ((0.78 - 1.22) * day) / 183;
  it("scenarioMultiplier(spam, 2025-04-10, APAC) is the surge's third day (3.4) times spam's trend", () => {
    expect(scenarioMultiplier("spam", "2025-04-10", "APAC", DATES)).toBeCloseTo(3.4 * spamTrend(40), 12);
  });
  it("scenarioMultiplier(spam, 2025-04-10, AMER) and (spam, 2025-04-14, APAC) are the trend alone: the surge is APAC's, 8 to 13 April", () => {
    expect(scenarioMultiplier("spam", "2025-04-10", "AMER", DATES)).toBeCloseTo(spamTrend(40), 12);
    expect(scenarioMultiplier("spam", "2025-04-14", "APAC", DATES)).toBeCloseTo(spamTrend(44), 12);
    expect(scenarioMultiplier("spam", "2025-04-07", "APAC", DATES)).toBeCloseTo(spamTrend(37), 12);
  });
  it("scenarioMultiplier(misinformation, July) ramps over 14 days to 3.7, holds, and decays over the last 8 days, in every region", () => {
    const m = (date: string, region = "EMEA") => scenarioMultiplier("misinformation", date, region, DATES);
    expect(m("2025-06-30")).toBe(1);
    expect(m("2025-07-01")).toBeCloseTo(1 + 2.7 / 14, 12);
    expect(m("2025-07-13")).toBeCloseTo(1 + (2.7 * 13) / 14, 12);
    expect(m("2025-07-14")).toBeCloseTo(3.7, 12);
    expect(m("2025-07-24", "APAC")).toBeCloseTo(3.7, 12);
    expect(m("2025-07-25", "AMER")).toBeCloseTo(1 + (2.7 * 7) / 8, 12);
    expect(m("2025-07-31")).toBeCloseTo(1 + 2.7 / 8, 12);
    expect(m("2025-08-01")).toBe(1);
  });
  it("scenarioMultiplier(harassment_hate) trends from 0.8 on the first day to 1.3 on the last; nudity stays at 1", () => {
    expect(scenarioMultiplier("harassment_hate", DATES[0], "APAC", DATES)).toBeCloseTo(0.8, 12);
    expect(scenarioMultiplier("harassment_hate", DATES.at(-1)!, "APAC", DATES)).toBeCloseTo(1.3, 12);
    for (const d of [DATES[0], "2025-04-10", "2025-07-20", DATES.at(-1)!]) expect(scenarioMultiplier("nudity", d, "APAC", DATES)).toBe(1);
  });
});

describe("generateFlags", () => {
  let f: Flags;
  let users: Users;
  beforeAll(() => {
    const rng = createRng(3);
    users = generateUsers(rng.fork("users"), 0.05);
    const activity = generateActivity(rng.fork("activity"), 0.05, DATES);
    f = generateFlags(rng.fork("flags"), activity, users);
  });

  it("generateFlags returns time-ordered flags, each on the day its time falls on", () => {
    expect(f.length).toBeGreaterThan(2000);
    const bad = rows(f, (i) => (i > 0 && f.ts[i] < f.ts[i - 1]) || Math.floor((f.ts[i] - START) / DAY_MS) !== f.day[i]);
    expect(bad).toEqual([]);
    expect(f.day[f.length - 1]).toBe(DATES.length - 1);
  });

  it("generateFlags stores scores rounded to 4 decimals in [0, 1], and vocabulary indexes in range", () => {
    expect(rows(f, (i) => !(f.mlScore[i] >= 0 && f.mlScore[i] <= 1) || Math.abs(f.mlScore[i] * 1e4 - Math.round(f.mlScore[i] * 1e4)) > 1e-2)).toEqual([]);
    expect(Math.max(...f.category)).toBeLessThan(CATEGORIES.length);
    expect(Math.max(...f.source)).toBeLessThan(SOURCES.length);
    expect(Math.max(...f.severity)).toBeLessThan(SEVERITIES.length);
    expect(Math.max(...f.surface)).toBeLessThan(SURFACES.length);
    expect(Math.max(...f.actor)).toBeLessThan(users.length);
  });

  it("generateFlags raises AI flags at or above the classifier's threshold of 0.5, bar a rare benign one after 50 redraws", () => {
    // The redraws are capped, so about 1 in 10,000 AI flags slips under (1 to 4 of 33,000 at scale 1, seeds 1, 2, 42).
    const AI = SOURCES.indexOf("ai");
    const ai = rows(f, (i) => f.source[i] === AI);
    expect(ai.length).toBeGreaterThan(1000);
    expect(ai.filter((i) => f.mlScore[i] < 0.5).length).toBeLessThanOrEqual(ai.length / 5000);
  });

  it("generateFlags draws each category's severity from its mix: spam is never critical, child safety only critical or high", () => {
    const sev = (k: number) => new Set(rows(f, (i) => f.category[i] === k).map((i) => SEVERITIES[f.severity[i]]));
    expect(sev(K("spam")).has("critical")).toBe(false);
    expect([...sev(K("child_safety"))].every((s) => s === "critical" || s === "high")).toBe(true);
  });

  it("generateFlags puts no flag on a message before the messaging launch", () => {
    const MESSAGE = SURFACES.indexOf("message");
    const launch = Date.parse(`${MESSAGING_LAUNCH.date}T00:00:00Z`);
    expect(rows(f, (i) => f.surface[i] === MESSAGE && f.ts[i] < launch)).toEqual([]);
    expect(rows(f, (i) => f.surface[i] === MESSAGE).length).toBeGreaterThan(0);
  });

  it("generateFlags marks attack flags coordinated, on the attack's dates and category, posted by its ring", () => {
    ATTACKS.forEach((a, ai) => {
      const ring = users.ringSpecs.findIndex((r) => r.attack === a.id);
      const own = rows(f, (i) => f.attack[i] === ai);
      expect(own.length).toBeGreaterThan(0);
      for (const i of own) {
        const date = DATES[f.day[i]];
        expect(date >= a.start && date <= a.end).toBe(true);
        expect([f.coordinated[i], CATEGORIES[f.category[i]], users.ring[f.actor[i]]]).toEqual([1, a.category, ring]);
      }
    });
  });

  it("generateFlags gives each harassment attack one victim, and a target to every harassment flag and no other", () => {
    const HARASSMENT = K("harassment_hate");
    expect(rows(f, (i) => (f.target[i] >= 0) !== (f.category[i] === HARASSMENT))).toEqual([]);
    ATTACKS.forEach((a, ai) => {
      if (a.category !== "harassment_hate") return;
      expect(new Set(rows(f, (i) => f.attack[i] === ai).map((i) => f.target[i])).size).toBe(1);
    });
  });

  it("generateFlags' other coordinated flags are the scam ring's messages, 12 to 25 May", () => {
    const scam = users.ringSpecs.findIndex((r) => r.purpose === "messaging_scam");
    const other = rows(f, (i) => f.coordinated[i] === 1 && f.attack[i] < 0);
    expect(other.length).toBeGreaterThan(0);
    for (const i of other) {
      const date = DATES[f.day[i]];
      expect([users.ring[f.actor[i]], SURFACES[f.surface[i]], CATEGORIES[f.category[i]]]).toEqual([scam, "message", "spam"]);
      expect(date >= MESSAGING_LAUNCH.scamStart && date <= MESSAGING_LAUNCH.scamEnd).toBe(true);
    }
  });

  it("generateFlags posts every non-violating, uncoordinated flag outside a look-alike from a benign account", () => {
    const BENIGN = ACTOR_TYPES.indexOf("benign");
    expect(rows(f, (i) => !f.isViolation[i] && !f.coordinated[i] && f.lookalike![i] < 0 && users.actorType[f.actor[i]] !== BENIGN)).toEqual([]);
  });

  it("generateFlags tags look-alike flags with their event, on its dates and in its category, never coordinated", () => {
    expect(new Set(rows(f, (i) => f.lookalike![i] >= 0).map((i) => f.lookalike![i])).size).toBeGreaterThan(LOOKALIKES.length / 2);
    LOOKALIKES.forEach((b, bi) => {
      const own = rows(f, (i) => f.lookalike![i] === bi);
      for (const i of own) {
        const date = DATES[f.day[i]];
        expect(date >= b.start && date <= b.end).toBe(true);
        expect([CATEGORIES[f.category[i]], f.coordinated[i], f.attack[i]]).toEqual([b.category, 0, -1]);
      }
    });
  });

  it("generateFlags over the incident's days inflates benign nudity scores by 0.62 while the push is live (12 Aug 09:00 to 13 Aug 21:00), not before or after", () => {
    const days = ["2025-08-11", "2025-08-12", "2025-08-13", "2025-08-14"];
    const rng = createRng(4);
    const g = generateFlags(rng.fork("flags"), generateActivity(rng.fork("activity"), 1, days), users);
    const [from, to] = [Date.parse(INCIDENT.start), Date.parse(INCIDENT.end)];
    const benignNudity = rows(g, (i) => g.category[i] === K("nudity") && !g.isViolation[i]);
    const live = benignNudity.filter((i) => g.ts[i] >= from && g.ts[i] < to);
    const off = benignNudity.filter((i) => g.ts[i] < from || g.ts[i] >= to);
    expect(live.length).toBeGreaterThan(20);
    expect(live.filter((i) => g.mlScore[i] < 0.62)).toEqual([]);
    // Outside the push benign scores centre on 0.3: most are under 0.62.
    expect(off.filter((i) => g.mlScore[i] < 0.62).length).toBeGreaterThan(0.7 * off.length);
  });

  it("generateFlags scores violations by the drifting mean: the last month's violations score lower than the first month's", () => {
    const mean = (from: number, to: number) => {
      const v = rows(f, (i) => f.isViolation[i] === 1 && f.day[i] >= from && f.day[i] < to && f.category[i] !== K("nudity"));
      return v.reduce((s, i) => s + f.mlScore[i], 0) / v.length;
    };
    expect(mean(0, 31)).toBeCloseTo(0.86, 1);
    expect(mean(0, 31) - mean(153, 184)).toBeGreaterThan(0.03);
  });

  it("generateFlags is a function of its generator: the same seed gives the same flags, another seed others", () => {
    const days = dateRange("2025-07-07", "2025-07-13");
    const run = (seed: number) => {
      const rng = createRng(seed);
      return generateFlags(rng.fork("flags"), generateActivity(rng.fork("activity"), 0.2, days), users);
    };
    const [a, b, c] = [run(8), run(8), run(9)];
    const bytes = (x: ArrayBufferView) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);
    for (const k of ["ts", "mlScore", "category", "actor", "isViolation"] as const) expect(bytes(b[k]).equals(bytes(a[k]))).toBe(true);
    expect(bytes(c.ts).equals(bytes(a.ts))).toBe(false);
  });
});
