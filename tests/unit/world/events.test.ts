import {describe, expect, it} from "vitest";
import {daysBetween} from "../../../src/core/calendar.js";
import {ACTOR_TYPES, DAY_MS, END_DATE, START_DATE, COHORT_STRATA, EVENT_TYPES, RATE_LIMIT_PER_DAY} from "../../../src/core/constants.js";
import {COHORT_SIZE, experimentArm, experimentUnit, generateEvents, ringArmsInBlocks, type EventLog} from "../../../src/world/events.js";
import {createRng} from "../../../src/core/random.js";
import {EXPERIMENT, MESSAGING_LAUNCH} from "../../../src/core/scenarios.js";
import {simulate, type World} from "../../../src/world/simulate.js";

const T = Object.fromEntries(EVENT_TYPES.map((t, i) => [t, i])) as Record<(typeof EVENT_TYPES)[number], number>;
const BENIGN = ACTOR_TYPES.indexOf("benign");
const RING = ACTOR_TYPES.indexOf("ring_member");
const T0 = Date.parse(`${START_DATE}T00:00:00Z`);
const T1 = Date.parse(`${END_DATE}T00:00:00Z`) + DAY_MS;
const LAUNCH = daysBetween(START_DATE, MESSAGING_LAUNCH.date);
const dayOf = (ts: number) => Math.floor((ts - T0) / DAY_MS);

function cohortIndex(ev: EventLog): Map<number, number> {
  return new Map(Array.from(ev.cohort.user, (u, c) => [u, c]));
}

/** Abusive chats per new account (younger than EXPERIMENT.newAccountDays) in the experiment window, by arm. */
function experimentHarm(world: World): {abusive: number[]; benign: number[]; accounts: number[][]} {
  const ev = world.events;
  const index = cohortIndex(ev);
  const start = daysBetween(START_DATE, EXPERIMENT.start);
  const end = daysBetween(START_DATE, EXPERIMENT.end);
  // [benign, abusive] x [control, treatment]
  const accounts = [
    [0, 0],
    [0, 0]
  ];
  const chats = [
    [0, 0],
    [0, 0]
  ];
  for (let c = 0; c < ev.cohort.length; c++) {
    const s = world.users.signupDay[ev.cohort.user[c]];
    if (s + EXPERIMENT.newAccountDays > start && s <= end) accounts[world.users.actorType[ev.cohort.user[c]] === BENIGN ? 0 : 1][ev.cohort.arm[c]]++;
  }
  for (let i = 0; i < ev.length; i++) {
    if (ev.type[i] !== T.chat) continue;
    const d = dayOf(ev.ts[i]);
    const u = ev.user[i];
    if (d < start || d > end || d - world.users.signupDay[u] >= EXPERIMENT.newAccountDays) continue;
    const benign = world.users.actorType[u] === BENIGN;
    if (!benign && !ev.abusive[i]) continue;
    chats[benign ? 0 : 1][ev.cohort.arm[index.get(u)!]]++;
  }
  return {benign: [0, 1].map((a) => chats[0][a] / accounts[0][a]), abusive: [0, 1].map((a) => chats[1][a] / accounts[1][a]), accounts};
}

/** Churns per benign user-day at risk in days [from, to); `window(c)` narrows the days per user (default: all). */
function churnRate(world: World, from: number, to: number, window: (c: number) => [number, number] | null = () => [0, Infinity]): {rate: number; users: number} {
  const co = world.events.cohort;
  let churns = 0;
  let risk = 0;
  let users = 0;
  for (let c = 0; c < co.length; c++) {
    const u = co.user[c];
    const w = window(c);
    if (world.users.actorType[u] !== BENIGN || !w) continue;
    users++;
    // At risk from the day after signup through the churn day itself.
    const lo = Math.max(from, w[0], world.users.signupDay[u] + 1);
    const hi = Math.min(to, w[1], co.churnDay[c] >= 0 ? co.churnDay[c] + 1 : Infinity);
    risk += Math.max(0, hi - lo);
    if (co.churnDay[c] >= lo && co.churnDay[c] < hi) churns++;
  }
  return {rate: churns / risk, users};
}

describe("generateEvents on simulate({seed: 42, scale: 0.2})", () => {
  const world = simulate({seed: 42, scale: 0.2});
  const ev = world.events;
  const co = ev.cohort;
  const index = cohortIndex(ev);

  it("generateEvents(...) samples a cohort of about 1,500 x scale users with every ring member up to the cap", () => {
    expect(co.length).toBe(Math.round(COHORT_SIZE * 0.2));
    for (let c = 1; c < co.length; c++) expect(co.user[c]).toBeGreaterThan(co.user[c - 1]);
    const ringMembers = world.users.ringMembers.reduce((s, m) => s + m.length, 0);
    const inCohort = Array.from(co.user).filter((u) => world.users.actorType[u] === RING).length;
    expect(inCohort).toBe(Math.min(ringMembers, Math.round(co.length * 0.25)));
    const strata = COHORT_STRATA.map((_, s) => co.stratum.filter((x) => x === s).length);
    expect(strata.every((n) => n > 0)).toBe(true);
    for (let c = 0; c < co.length; c++) {
      const type = ACTOR_TYPES[world.users.actorType[co.user[c]]];
      expect(COHORT_STRATA[co.stratum[c]]).toBe(type === "ring_member" ? "ring" : type === "benign" ? COHORT_STRATA[co.stratum[c]] : "abusive");
      expect(co.weight[c]).toBeGreaterThanOrEqual(1);
    }
    // Weights add up to the population the strata stand for.
    const total = co.weight.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0.9 * world.users.length);
    expect(total).toBeLessThanOrEqual(world.users.length + 1);
  });

  it("generateEvents(...) keeps events sorted by ts, on integer ms within 2025-03-01..2025-08-31", () => {
    expect(ev.length).toBeGreaterThan(50_000);
    for (let i = 0; i < ev.length; i++) {
      if (i > 0 && ev.ts[i] < ev.ts[i - 1]) throw new Error(`unsorted at ${i}`);
      if (!Number.isInteger(ev.ts[i]) || ev.ts[i] < T0 || ev.ts[i] >= T1) throw new Error(`ts out of range at ${i}: ${ev.ts[i]}`);
    }
  });

  it("generateEvents(...) logs only cohort users between signup and churn or suspension", () => {
    const signups = new Int32Array(co.length);
    for (let i = 0; i < ev.length; i++) {
      const c = index.get(ev.user[i]);
      if (c === undefined) throw new Error(`event ${i} by user ${ev.user[i]} outside the cohort`);
      const d = dayOf(ev.ts[i]);
      if (d < world.users.signupDay[ev.user[i]]) throw new Error(`event ${i} before signup`);
      if (co.churnDay[c] >= 0 && d >= co.churnDay[c]) throw new Error(`event ${i} after churn`);
      if (co.suspendedDay[c] >= 0 && d >= co.suspendedDay[c]) throw new Error(`event ${i} after suspension`);
      if (ev.type[i] === T.signup) {
        signups[c]++;
        if (d !== world.users.signupDay[ev.user[i]]) throw new Error(`signup ${i} on day ${d}`);
      }
    }
    for (let c = 0; c < co.length; c++) expect(signups[c]).toBe(world.users.signupDay[co.user[c]] >= 0 ? 1 : 0);
    for (const column of [co.churnDay, co.suspendedDay, co.exposedDay]) for (const d of column) expect(d >= -1 && d < world.dates.length).toBe(true);
    expect(co.churnDay.some((d) => d >= 0)).toBe(true);
  });

  it("generateEvents(...) puts payment ids on billing only, and recipients on chats", () => {
    const errors: string[] = [];
    const check = (ok: boolean, message: string) => ok || errors.length >= 10 || errors.push(message);
    for (let i = 0; i < ev.length; i++) {
      const t = ev.type[i];
      check(ev.payment[i] === (t === T.billing ? world.users.payment[ev.user[i]] : -1), `event ${i} payment`);
      if (t === T.chat) {
        const p = ev.peer[i];
        check(index.has(p) && p !== ev.user[i], `chat ${i} recipient ${p}`);
        check(ev.peerNew[i] === (dayOf(ev.ts[i]) - world.users.signupDay[p] < EXPERIMENT.newAccountDays ? 1 : 0), `chat ${i} peerNew`);
      } else if (t !== T.policy_block) check(ev.peer[i] === -1 && ev.peerNew[i] === 0, `event ${i} has a recipient`);
      if (t === T.signup || t === T.login || t === T.billing) check(ev.abusive[i] === 0, `event ${i} abusive`);
    }
    expect(errors).toEqual([]);
    const billing = ev.type.filter((t) => t === T.billing).length;
    expect(billing).toBeGreaterThan(0);
  });

  it("generateEvents(...) has no chats before the messaging launch, then a ramp", () => {
    const perDay = new Float64Array(world.dates.length);
    for (let i = 0; i < ev.length; i++) if (ev.type[i] === T.chat) perDay[dayOf(ev.ts[i])]++;
    for (let d = 0; d < LAUNCH; d++) expect(perDay[d]).toBe(0);
    const week = (from: number) => perDay.slice(from, from + 7).reduce((a, b) => a + b, 0);
    expect(week(LAUNCH)).toBeGreaterThan(0);
    expect(week(LAUNCH + 28)).toBeGreaterThan(2 * week(LAUNCH));
  });

  it("generateEvents(...) marks abuse on abusive accounts: benign users' content is never abusive", () => {
    let abusiveByAbusers = 0;
    for (let i = 0; i < ev.length; i++) {
      const benign = world.users.actorType[ev.user[i]] === BENIGN;
      if ((ev.type[i] === T.chat || ev.type[i] === T.upload) && benign && ev.abusive[i]) throw new Error(`benign event ${i} marked abusive`);
      if (!benign && ev.abusive[i]) abusiveByAbusers++;
    }
    expect(abusiveByAbusers).toBeGreaterThan(1000);
  });

  it("generateEvents(...) gives abusive accounts more devices and IP prefixes than benign ones, and rings shared ones", () => {
    const devices = new Map<number, Set<number>>();
    const ips = new Map<number, Set<number>>();
    for (let i = 0; i < ev.length; i++) {
      const u = ev.user[i];
      if (!devices.has(u)) devices.set(u, new Set());
      if (!ips.has(u)) ips.set(u, new Set());
      devices.get(u)!.add(ev.device[i]);
      ips.get(u)!.add(ev.ipPrefix[i]);
    }
    const mean = (benign: boolean, m: Map<number, Set<number>>) => {
      const sizes = [...m].filter(([u]) => (world.users.actorType[u] === BENIGN) === benign).map(([, s]) => s.size);
      return sizes.reduce((a, b) => a + b, 0) / sizes.length;
    };
    expect(mean(false, devices)).toBeGreaterThan(2 * mean(true, devices));
    expect(mean(false, ips)).toBeGreaterThan(1.5 * mean(true, ips));
    // Some device is used by more than one member of the same ring.
    const byDevice = new Map<number, Set<number>>();
    for (let i = 0; i < ev.length; i++) {
      const r = world.users.ring[ev.user[i]];
      if (r < 0) continue;
      const key = ev.device[i];
      if (!byDevice.has(key)) byDevice.set(key, new Set());
      byDevice.get(key)!.add(ev.user[i]);
    }
    expect([...byDevice.values()].some((s) => s.size > 1)).toBe(true);
  });

  it("generateEvents(...) assigns arms 50/50 by a seeded hash of the unit: a whole ring, or an account outside rings", () => {
    for (let c = 0; c < co.length; c++) if (world.users.ring[co.user[c]] < 0) expect(co.arm[c]).toBe(experimentArm(experimentUnit(co.user[c], -1), ev.armSalt));
    // Every cohort member of a ring is in its ring's arm.
    const armOfRing = new Map<number, Set<number>>();
    for (let c = 0; c < co.length; c++) {
      const r = world.users.ring[co.user[c]];
      if (r >= 0) armOfRing.set(r, (armOfRing.get(r) ?? new Set()).add(co.arm[c]));
    }
    expect(armOfRing.size).toBeGreaterThan(1);
    for (const arms of armOfRing.values()) expect(arms.size).toBe(1);
  });

  it("ringArmsInBlocks(...) puts the rings new during the test in blocks of two, one ring of each block per arm", () => {
    // Rings 0..4 first sign up on days 5, 50, 12, 40, 60; the test's new accounts signed up on days 10..45.
    const users = {signupDay: Int16Array.from([5, 6, 50, 51, 12, 13, 40, 41, 60, 61]), ringMembers: [[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]].map((m) => Int32Array.from(m))};
    for (const salt of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const arms = ringArmsInBlocks(users as never, 10, 45, salt);
      // Eligible: ring 2 (day 12) then ring 3 (day 40): one block, one ring in each arm.
      expect(arms[2] + arms[3]).toBe(1);
      expect(arms.every((a) => a === 0 || a === 1)).toBe(true);
    }
    const treated = co.arm.reduce((a, b) => a + b, 0);
    expect(treated / co.length).toBeGreaterThan(0.4);
    expect(treated / co.length).toBeLessThan(0.6);
    let ones = 0;
    for (let u = 0; u < 10_000; u++) ones += experimentArm(u, 12345);
    expect(ones / 10_000).toBeCloseTo(0.5, 1);
  });

  it("generateEvents(...) rate-limits only new accounts in treatment inside the experiment window", () => {
    let limited = 0;
    for (let c = 0; c < co.length; c++) {
      if (co.rateLimited[c] === 0) continue;
      limited += co.rateLimited[c];
      expect(co.arm[c]).toBe(1);
      const s = world.users.signupDay[co.user[c]];
      expect(s + EXPERIMENT.newAccountDays).toBeGreaterThan(daysBetween(START_DATE, EXPERIMENT.start));
      expect(s).toBeLessThanOrEqual(daysBetween(START_DATE, EXPERIMENT.end));
    }
    expect(limited).toBeGreaterThan(0);
    expect(RATE_LIMIT_PER_DAY).toBeGreaterThan(0);
  });

  it("generateEvents(rng, ...) is deterministic: the same seed gives an identical log, another seed differs", () => {
    const input = {users: world.users, activity: world.activity, dates: world.dates, flags: world.flags, scale: 0.2};
    const again = generateEvents(createRng(42).fork("events"), input);
    const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    for (const [name, column] of [...Object.entries(ev), ...Object.entries(ev.cohort).map(([k, v]) => [`cohort.${k}`, v] as const)]) {
      if (name === "cohort") continue;
      const copy = name.startsWith("cohort.") ? (again.cohort as unknown as Record<string, unknown>)[name.slice(7)] : (again as unknown as Record<string, unknown>)[name];
      if (typeof column === "number") expect(copy, name).toBe(column);
      else expect(Buffer.compare(bytes(copy as ArrayBufferView), bytes(column as ArrayBufferView)), name).toBe(0);
    }
    const other = generateEvents(createRng(43).fork("events"), input);
    expect(other.length === ev.length && other.ts.every((t, i) => t === ev.ts[i])).toBe(false);
  });
});

describe("generateEvents across seeds", () => {
  const worlds = [42, 7].map((seed) => simulate({seed, scale: 0.2}));

  it("generateEvents(...) treatment lowers abusive chats per new account in the experiment window", () => {
    for (const world of worlds) {
      const {abusive, accounts} = experimentHarm(world);
      expect(accounts[1][0]).toBeGreaterThan(3);
      expect(accounts[1][1]).toBeGreaterThan(3);
      expect(abusive[1]).toBeLessThan(0.75 * abusive[0]);
    }
  });

  it("generateEvents(...) raises churn of benign users exposed to abusive messages above the pre-launch rate", () => {
    for (const world of worlds) {
      const co = world.events.cohort;
      const before = churnRate(world, 0, LAUNCH);
      // The 30 days after a user's first abusive message (scam DMs, in the main, from the launch on).
      const exposed = churnRate(world, LAUNCH, world.dates.length, (c) => (co.exposedDay[c] >= 0 ? [co.exposedDay[c] + 1, co.exposedDay[c] + 31] : null));
      expect(exposed.users).toBeGreaterThan(20);
      expect(exposed.rate).toBeGreaterThan(1.5 * before.rate);
      // The investigation's "churn is up": all benign users, eight weeks after the launch against before it.
      expect(churnRate(world, LAUNCH, LAUNCH + 56).rate).toBeGreaterThan(before.rate);
    }
  });
});
