import {describe, expect, it} from "vitest";
import {daysBetween} from "../../../src/core/calendar.js";
import {ACTOR_TYPES, COUNTRIES, START_DATE} from "../../../src/core/constants.js";
import {createRng} from "../../../src/core/random.js";
import {ATTACKS, LOOKALIKES} from "../../../src/core/scenarios.js";
import {generateUsers, ringSpecsFor} from "../../../src/world/users.js";

const BENIGN = ACTOR_TYPES.indexOf("benign");
const RING = ACTOR_TYPES.indexOf("ring_member");
const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const distinct = (xs: ArrayLike<number>) => new Set(Array.from(xs)).size;

describe("ringSpecsFor", () => {
  it("ringSpecsFor(1) is the five attack rings (45, 70, 30, 35, 55 accounts) and three more: the messaging scam (40) and two dormant rings (25, 18)", () => {
    const rings = ringSpecsFor(1);
    expect(rings.map((r) => r.id)).toEqual(["RING-1", "RING-2", "RING-3", "RING-4", "RING-5", "RING-6", "RING-7", "RING-8"]);
    expect(rings.map((r) => r.accounts)).toEqual([45, 70, 30, 35, 55, 40, 25, 18]);
    expect(rings.map((r) => r.attack)).toEqual(["A1", "A2", "A3", "A4", "A5", "", "", ""]);
    expect(rings.map((r) => r.purpose)).toEqual([...ATTACKS.map((a) => a.pattern), "messaging_scam", "dormant_follow_farm", "dormant_review_fraud"]);
  });

  it("ringSpecsFor(1) creates each attack ring 12 days before its attack and the scam ring 6 days before the scam (days 96, 117, 133, 145, 160, 66, 20, 75)", () => {
    expect(ringSpecsFor(1).map((r) => r.createdDay)).toEqual([96, 117, 133, 145, 160, 66, 20, 75]);
    ringSpecsFor(1).slice(0, 5).forEach((r, i) => expect(r.createdDay).toBe(daysBetween(START_DATE, ATTACKS[i].start) - 12));
  });

  it("ringSpecsFor(8) multiplies every ring's accounts by 8 and keeps their dates", () => {
    expect(ringSpecsFor(8).map((r) => r.accounts)).toEqual([360, 560, 240, 280, 440, 320, 200, 144]);
    expect(ringSpecsFor(8).map((r) => r.createdDay)).toEqual(ringSpecsFor(1).map((r) => r.createdDay));
  });

  it("ringSpecsFor(0.1) rounds and keeps at least 5 accounts a ring: 5, 7, 5, 5, 6, 5, 5, 5", () => {
    expect(ringSpecsFor(0.1).map((r) => r.accounts)).toEqual([5, 7, 5, 5, 6, 5, 5, 5]);
    expect(ringSpecsFor(0.001).every((r) => r.accounts === 5)).toBe(true);
  });
});

describe("generateUsers", () => {
  const scale = 0.2;
  const u = generateUsers(createRng(5), scale);
  const ordinary = 8000;
  const specs = ringSpecsFor(scale);

  it("generateUsers(rng, 0.2) has 40,000 × 0.2 ordinary accounts followed by the rings' accounts", () => {
    expect(u.length).toBe(ordinary + specs.reduce((s, r) => s + r.accounts, 0));
    expect(u.ringSpecs).toEqual(specs);
    for (const col of [u.country, u.signupDay, u.device, u.ipPrefix, u.payment, u.actorType, u.ring]) expect(col.length).toBe(u.length);
  });

  it("generateUsers keeps at least 500 ordinary accounts at a tiny scale", () => {
    const tiny = generateUsers(createRng(5), 0.001);
    expect(tiny.length).toBe(500 + 8 * 5);
  });

  it("generateUsers gives ordinary accounts no ring and a non-ring actor type, mostly benign (97.6%)", () => {
    const types = Array.from(u.actorType.subarray(0, ordinary));
    expect(types.includes(RING)).toBe(false);
    expect(Array.from(u.ring.subarray(0, ordinary)).every((r) => r === -1)).toBe(true);
    const benignShare = types.filter((t) => t === BENIGN).length / ordinary;
    expect(benignShare).toBeGreaterThan(0.965);
    expect(benignShare).toBeLessThan(0.985);
  });

  it("generateUsers lists each ring's members as consecutive ids after the ordinary accounts, typed ring_member with the ring's index", () => {
    let next = ordinary;
    u.ringMembers.forEach((members, r) => {
      expect(members.length).toBe(specs[r].accounts);
      for (const m of members) {
        expect(m).toBe(next++);
        expect([u.ring[m], u.actorType[m]]).toEqual([r, RING]);
      }
    });
    expect(next).toBe(u.length);
  });

  it("generateUsers signs ring members up in the 10 days up to their ring's creation day", () => {
    u.ringMembers.forEach((members, r) => {
      for (const m of members) {
        expect(u.signupDay[m]).toBeLessThanOrEqual(specs[r].createdDay);
        expect(u.signupDay[m]).toBeGreaterThan(specs[r].createdDay - 10);
      }
    });
  });

  it("generateUsers has a ring's members share a few devices (about one per 7 accounts) where ordinary accounts rarely share", () => {
    const ring2 = u.ringMembers[1]; // 14 accounts at scale 0.2: 2 shared devices and a few own ones
    expect(distinct(Array.from(ring2, (m) => u.device[m]))).toBeLessThan(ring2.length / 2);
    expect(distinct(u.device.subarray(0, ordinary))).toBeGreaterThan(0.9 * ordinary);
  });

  it("generateUsers hands out ids below its counts: devices, IP prefixes and payment instruments (-1 for none)", () => {
    expect(Math.max(...u.device)).toBeLessThan(u.devices);
    expect(Math.max(...u.ipPrefix)).toBeLessThan(u.ipPrefixes);
    expect(Math.max(...u.payment)).toBeLessThan(u.payments);
    expect(Math.min(...u.payment)).toBe(-1);
    expect(Math.min(...u.device, ...u.ipPrefix)).toBe(0);
  });

  it("generateUsers puts about 40 ordinary accounts behind each IP prefix of a country (carrier NAT)", () => {
    const fanout = ordinary / distinct(u.ipPrefix.subarray(0, ordinary));
    expect(fanout).toBeGreaterThan(30);
    expect(fanout).toBeLessThan(50);
  });

  it("generateUsers' pools hold each country's ordinary accounts of each type, ascending, and no ring member", () => {
    let total = 0;
    u.pools.forEach((byType, c) =>
      byType.forEach((pool, t) => {
        total += pool.length;
        const wrong = Array.from(pool).filter((m, j) => u.country[m] !== c || u.actorType[m] !== t || (j > 0 && m <= pool[j - 1]));
        expect(wrong).toEqual([]);
      })
    );
    expect(total).toBe(ordinary);
    expect(u.pools.every((byType) => byType[RING].length === 0)).toBe(true);
    expect(u.pools.length).toBe(COUNTRIES.length);
  });

  it("generateUsers gives each look-alike its own benign accounts in one country: one for a viral post, none for text, max(5, accounts × scale) within half the pool otherwise", () => {
    const seen = new Set<number>();
    LOOKALIKES.forEach((spec, b) => {
      const members = Array.from(u.lookalikeAccounts[b]);
      if (spec.accounts === 0) return expect(members).toEqual([]);
      const country = u.country[members[0]];
      const pool = u.pools[country][BENIGN];
      const expected = spec.accounts === 1 ? 1 : Math.min(Math.floor(pool.length / 2), Math.max(5, Math.round(spec.accounts * scale)));
      expect(members.length).toBe(expected);
      for (const m of members) {
        expect(u.actorType[m]).toBe(BENIGN);
        expect(u.country[m]).toBe(country);
        expect(seen.has(m)).toBe(false);
        seen.add(m);
      }
    });
  });

  it("generateUsers re-dates a signup cohort to its push, puts a campus behind one prefix of its own and groups shared devices by 3 to 6", () => {
    LOOKALIKES.forEach((spec, b) => {
      const members = Array.from(u.lookalikeAccounts[b]);
      const start = daysBetween(START_DATE, spec.start);
      if (spec.kind === "signup_cohort") for (const m of members) expect(start - u.signupDay[m]).toBeOneOf([0, 1, 2]);
      if (spec.kind === "campus_nat") {
        const prefix = u.ipPrefix[members[0]];
        expect(members.every((m) => u.ipPrefix[m] === prefix)).toBe(true);
        expect(Array.from(u.ipPrefix).filter((p) => p === prefix).length).toBe(members.length);
      }
      if (spec.kind === "shared_devices") {
        const sizes = new Map<number, number>();
        for (const m of members) sizes.set(u.device[m], (sizes.get(u.device[m]) ?? 0) + 1);
        const all = [...sizes.values()];
        // Every group has 3 to 6 accounts, except that the last may be cut short.
        expect(all.filter((n) => n < 3).length).toBeLessThanOrEqual(1);
        expect(Math.max(...all)).toBeLessThanOrEqual(6);
      }
    });
  });

  it("generateUsers is a function of the seed", () => {
    const again = generateUsers(createRng(5), scale);
    const other = generateUsers(createRng(6), scale);
    for (const k of ["country", "signupDay", "device", "ipPrefix", "payment", "actorType", "ring"] as const) expect(bytes(again[k]).equals(bytes(u[k]))).toBe(true);
    expect(again.lookalikeAccounts.map(bytes)).toEqual(u.lookalikeAccounts.map(bytes));
    expect([again.devices, again.ipPrefixes, again.payments]).toEqual([u.devices, u.ipPrefixes, u.payments]);
    expect(bytes(other.country).equals(bytes(u.country))).toBe(false);
  });
});
