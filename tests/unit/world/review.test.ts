import {beforeAll, describe, expect, it} from "vitest";
import {ACTIONS, CATEGORIES, COUNTRIES, ROUTES, SEVERITIES, type Category, type Severity} from "../../../src/core/constants.js";
import {REVIEW} from "../../../src/core/params.js";
import {createRng} from "../../../src/core/random.js";
import type {Flags} from "../../../src/world/flags.js";
import {leniencyLadder, reviewFlags, type Review} from "../../../src/world/review.js";
import {generateReviewers, type Reviewers} from "../../../src/world/reviewers.js";
import {route} from "../../../src/world/routing.js";
import {simulateFlags, type FlagWorld} from "../../../src/world/simulate.js";

const H = 3_600_000;
/** Thursday 2025-03-06 00:00 UTC (day 5 of the calendar). */
const THURSDAY = Date.UTC(2025, 2, 6);
const DATES = ["2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07", "2025-03-08", "2025-03-09", "2025-03-10", "2025-03-11", "2025-03-12", "2025-03-13", "2025-03-14"];

interface Case {
  category: Category;
  severity: Severity;
  score: number;
  violation: boolean;
  /** Hours after Thursday 00:00 UTC. */
  at: number;
}

/** Hand-built flags in time order, in Singapore (country 0). */
function flagsOf(cases: Case[]): Flags {
  const n = cases.length;
  return {
    length: n,
    ts: Float64Array.from(cases, (c) => THURSDAY + c.at * H),
    day: Int16Array.from(cases, (c) => 5 + Math.floor(c.at / 24)),
    country: new Uint8Array(n),
    category: Uint8Array.from(cases, (c) => CATEGORIES.indexOf(c.category)),
    source: new Uint8Array(n),
    severity: Uint8Array.from(cases, (c) => SEVERITIES.indexOf(c.severity)),
    surface: new Uint8Array(n),
    mlScore: Float32Array.from(cases, (c) => c.score),
    isViolation: Uint8Array.from(cases, (c) => (c.violation ? 1 : 0)),
    coordinated: new Uint8Array(n),
    attack: new Int8Array(n).fill(-1),
    actor: new Int32Array(n),
    target: new Int32Array(n).fill(-1),
    template: new Int16Array(n)
  };
}

/** One reviewer who is always right, works Thursdays 00:00 to 08:00 UTC without breaks and reads every pool. */
const ORACLE: Reviewers = {
  length: 1,
  id: ["R01"],
  hub: ["Manila"],
  shifts: [{startHour: 0, hours: 8, workdays: [false, false, false, false, true, false, false]}],
  speed: Float64Array.of(1),
  accuracy: Float64Array.of(1),
  reads: Uint8Array.of(3),
  idleness: Float64Array.of(1)
};

const actionsOf = (r: Review) => Array.from(r.action, (a) => ACTIONS[a]);
const routesOf = (r: Review) => Array.from(r.route, (a) => ROUTES[a]);

describe("leniencyLadder", () => {
  const ladder = leniencyLadder(createRng(1));
  const region = (name: string) => COUNTRIES.flatMap((c, i) => (c.region === name ? [ladder[i]] : [])).sort((a, b) => a - b);

  it("leniencyLadder(rng) gives APAC's five countries 0.6, 0.8, 1, 1.2 and 1.4 in some order", () => {
    expect(region("APAC").map((x) => Math.round(x * 1e9) / 1e9)).toEqual([0.6, 0.8, 1, 1.2, 1.4]);
  });
  it("leniencyLadder(rng) gives AMER's three countries 0.6, 1 and 1.4, and EMEA's seven steps of 0.8/6 from 0.6", () => {
    expect(region("AMER").map((x) => Math.round(x * 1e9) / 1e9)).toEqual([0.6, 1, 1.4]);
    expect(region("EMEA")).toEqual([0, 1, 2, 3, 4, 5, 6].map((j) => 0.6 + (0.8 * j) / 6));
  });
  it("leniencyLadder is a function of the seed, and which APAC country is strictest changes with it", () => {
    expect(leniencyLadder(createRng(1))).toEqual(ladder);
    const strictest = new Set(Array.from({length: 20}, (_, s) => leniencyLadder(createRng(s)).subarray(0, 5).indexOf(0.6)));
    expect(strictest.size).toBeGreaterThan(2);
  });
});

describe("reviewFlags on hand-built flags", () => {
  const cases: Case[] = [
    {category: "harassment_hate", severity: "low", score: 0.99, violation: true, at: 1},
    {category: "harassment_hate", severity: "medium", score: 0.8, violation: true, at: 1.1},
    {category: "nudity", severity: "low", score: 0.8, violation: false, at: 1.2},
    {category: "spam", severity: "low", score: 0.1, violation: false, at: 1.3},
    {category: "child_safety", severity: "critical", score: 0.5, violation: true, at: 1.4},
    {category: "other", severity: "medium", score: 0.6, violation: false, at: 1.5},
    // After the only shift of the week: both wait for next Thursday.
    {category: "spam", severity: "high", score: 0.3, violation: true, at: 9},
    {category: "other", severity: "medium", score: 0.6, violation: true, at: 9.1}
  ];
  const flags = flagsOf(cases);
  const review = reviewFlags(createRng(1), flags, ORACLE, DATES);

  it("reviewFlags routes each flag by route(score, severity)", () => {
    expect(routesOf(review)).toEqual(["auto_block", "auto_action", "auto_action", "auto_dismiss", "human_review", "human_review", "human_review", "human_review"]);
    expect(routesOf(review)).toEqual(cases.map((c) => route(c.score, SEVERITIES.indexOf(c.severity))));
  });

  it("reviewFlags acts by the route's mix: auto-blocked harassment is removed, auto-actioned harassment warned, nudity downranked, a dismissal is no action", () => {
    expect(actionsOf(review).slice(0, 4)).toEqual(["removal", "warning", "downrank", "none"]);
  });

  it("reviewFlags has an always-right reviewer enforce every violation and no non-violation: child safety by removal or suspension only", () => {
    const [child, benign, spam, other] = actionsOf(review).slice(4);
    expect(["removal", "suspension"]).toContain(child);
    expect(benign).toBe("none");
    expect(["removal", "suspension", "warning"]).toContain(spam);
    expect(["removal", "warning", "downrank"]).toContain(other);
  });

  it("reviewFlags gives human-reviewed flags their reviewer and the queue's times, automated ones no reviewer and a decision within minutes", () => {
    expect(Array.from(review.reviewer)).toEqual([-1, -1, -1, -1, 0, 0, 0, 0]);
    for (let i = 0; i < 4; i++) {
      expect(review.start[i]).toBe(flags.ts[i]);
      expect(review.decided[i]).toBeGreaterThan(flags.ts[i]);
      expect(review.ttaHours[i]).toBeLessThan(1);
    }
    // The child-safety case arrives at 01:24 on shift and is taken at once.
    expect(review.start[4]).toBe(flags.ts[4]);
    expect(review.decided[4]).toBeGreaterThan(review.start[4]);
  });

  it("reviewFlags stores time to action in hours, rounded to 3 decimals, from the flag to its decision", () => {
    for (let i = 0; i < flags.length; i++) expect(review.ttaHours[i]).toBeCloseTo(Math.round(((review.decided[i] - flags.ts[i]) / H) * 1000) / 1000, 3);
  });

  it("reviewFlags breaches the 24 h SLA only for high and critical severity: the high-severity case waiting a week breaches, the medium one beside it does not", () => {
    // Next Thursday's shift starts 7 days after this one: 6 days 15 h after 09:00.
    expect(review.start[6] - flags.ts[6]).toBeGreaterThanOrEqual((7 * 24 - 9) * H);
    expect(review.ttaHours[6]).toBeGreaterThan(REVIEW.slaHours);
    expect(review.ttaHours[7]).toBeGreaterThan(REVIEW.slaHours);
    expect(Array.from(review.slaBreached)).toEqual([0, 0, 0, 0, 0, 0, 1, 0]);
  });

  it("reviewFlags takes high severity (16 h credit) before an older medium case (no credit)", () => {
    expect(review.start[6]).toBeLessThan(review.start[7]);
    const swapped = reviewFlags(createRng(1), flagsOf([{...cases[7], at: 9}, {...cases[6], at: 9.1}]), ORACLE, DATES);
    expect(swapped.start[1]).toBeLessThan(swapped.start[0]);
  });

  it("reviewFlags never overturns child safety: of 200 wrongly auto-blocked child-safety flags many are appealed and none overturned, while nudity's are", () => {
    const wrong = (category: Category) => flagsOf(Array.from({length: 200}, (_, k) => ({category, severity: "critical" as const, score: 0.99, violation: false, at: k / 100})));
    const child = reviewFlags(createRng(2), wrong("child_safety"), ORACLE, DATES);
    const nudity = reviewFlags(createRng(2), wrong("nudity"), ORACLE, DATES);
    const sum = (a: Uint8Array) => a.reduce((s, x) => s + x, 0);
    expect(sum(child.appealed)).toBeGreaterThan(30);
    expect(sum(child.overturned)).toBe(0);
    expect(sum(nudity.overturned)).toBeGreaterThan(10);
  });

  it("reviewFlags(rng, flags, reviewers, dates) is a function of its generator", () => {
    expect(reviewFlags(createRng(1), flags, ORACLE, DATES)).toEqual(review);
  });
});

describe("reviewFlags on a small world", () => {
  let world: FlagWorld;
  let review: Review;
  beforeAll(() => {
    world = simulateFlags({seed: 11, scale: 0.05});
    const rng = createRng(11);
    review = reviewFlags(rng.fork("review"), world.flags, generateReviewers(rng.fork("reviewers"), 1, REVIEW.shiftHours), world.dates);
  });
  const each = (fn: (i: number) => boolean) => {
    const bad: number[] = [];
    for (let i = 0; i < world.flags.length; i++) if (!fn(i)) bad.push(i);
    return bad;
  };
  const A = (a: (typeof ACTIONS)[number]) => ACTIONS.indexOf(a);
  const R = (r: (typeof ROUTES)[number]) => ROUTES.indexOf(r);

  it("reviewFlags dismisses without action and decides every other automated route with one", () => {
    expect(each((i) => (review.route[i] === R("auto_dismiss")) === (review.route[i] !== R("human_review") && review.action[i] === A("none")))).toEqual([]);
  });

  it("reviewFlags appeals only enforcement, after its decision; appealTs is NaN otherwise", () => {
    expect(each((i) => !review.appealed[i] || review.action[i] !== A("none"))).toEqual([]);
    expect(each((i) => (review.appealed[i] ? review.appealTs[i] > review.decided[i] : Number.isNaN(review.appealTs[i])))).toEqual([]);
    const appealed = each((i) => !review.appealed[i]).length;
    expect(appealed).toBeGreaterThan(0);
  });

  it("reviewFlags overturns only appealed decisions, and never a child-safety one", () => {
    expect(each((i) => !review.overturned[i] || review.appealed[i] === 1)).toEqual([]);
    const CHILD = CATEGORIES.indexOf("child_safety");
    expect(each((i) => !(review.overturned[i] && world.flags.category[i] === CHILD))).toEqual([]);
  });

  it("reviewFlags appeals false positives far more often than true positives (30% vs 3.5%, by action)", () => {
    const enforced = each((i) => review.action[i] === A("none"));
    const rate = (v: number) => {
      const rows = enforced.filter((i) => world.flags.isViolation[i] === v);
      return rows.filter((i) => review.appealed[i]).length / rows.length;
    };
    expect(rate(0)).toBeGreaterThan(4 * rate(1));
  });

  it("reviewFlags enforces child safety only by removal or suspension", () => {
    const CHILD = CATEGORIES.indexOf("child_safety");
    expect(each((i) => world.flags.category[i] !== CHILD || [A("removal"), A("suspension"), A("none")].includes(review.action[i]))).toEqual([]);
  });

  it("reviewFlags flags an SLA breach exactly for high and critical flags decided more than 24 h after they were raised", () => {
    const urgent = (i: number) => world.flags.severity[i] <= SEVERITIES.indexOf("high");
    expect(each((i) => review.slaBreached[i] === (urgent(i) && review.ttaHours[i] > 24 ? 1 : 0))).toEqual([]);
  });
});
