import {beforeAll, describe, expect, it} from "vitest";
import {BENIGN_EVENTS} from "../../src/io/contracts.js";
import {checkTable, type Columns} from "../../src/io/schema.js";
import {ATTACKS, INCIDENT, LOOKALIKES} from "../../src/core/scenarios.js";
import {simulateFlags, type FlagWorld} from "../../src/world/simulate.js";
import {benignEventsTable} from "../../src/world/tables.js";

let world: FlagWorld;
let table: Columns;
beforeAll(() => {
  world = simulateFlags({seed: 42, scale: 1});
  table = benignEventsTable(world);
});
const col = <T>(name: string) => Array.from(table[name] as ArrayLike<T>);

describe("benign_events (ground truth of the benign look-alikes) at the default seed", () => {
  it("checkTable(BENIGN_EVENTS, benignEventsTable(world)) passes its contract", () => {
    expect(checkTable(BENIGN_EVENTS, table)).toEqual([]);
  });
  it("covers the five families of look-alike, and each secondary signal of the attack detector", () => {
    const kinds = new Set(col<string>("kind"));
    for (const k of ["viral_report_burst", "signup_cohort", "shared_devices", "campus_nat"]) expect(kinds).toContain(k);
    expect(col<string>("kind").some((k) => ["chain_message", "meme", "copypasta", "quoted_news"].includes(k))).toBe(true);
    expect(new Set(col<string>("signal"))).toEqual(new Set(["volume", "young", "duplicate", "shared", "target", "ip_prefix"]));
  });
  it("every event raised flags, mostly on content that breaks no rule", () => {
    const flags = col<number>("flags");
    const violating = col<number>("violating_flags");
    flags.forEach((n, i) => {
      expect(n).toBeGreaterThan(0);
      expect(violating[i] / n).toBeLessThan(0.35);
    });
    expect(violating.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
  it("no benign event falls on an attack day or the incident", () => {
    for (const b of LOOKALIKES) {
      for (const a of ATTACKS) expect(b.end < a.start || b.start > a.end).toBe(true);
      expect(b.end < INCIDENT.start.slice(0, 10) || b.start > INCIDENT.end.slice(0, 10)).toBe(true);
    }
  });
  it("a cohort's accounts are young on its days, households share a device, a campus shares one prefix", () => {
    const u = world.users;
    const start = (b: (typeof LOOKALIKES)[number]) => world.dates.indexOf(b.start);
    LOOKALIKES.forEach((b, i) => {
      const members = Array.from(u.lookalikeAccounts[i]);
      expect(members.every((a) => u.actorType[a] === 0)).toBe(true);
      if (b.kind === "signup_cohort") expect(members.every((a) => start(b) - u.signupDay[a] >= 0 && start(b) - u.signupDay[a] < 3)).toBe(true);
      if (b.kind === "campus_nat") {
        expect(new Set(members.map((a) => u.ipPrefix[a])).size).toBe(1);
        expect(members.length).toBeGreaterThanOrEqual(100);
      }
      if (b.kind === "shared_devices") expect(new Set(members.map((a) => u.device[a])).size).toBeLessThan(members.length / 2);
    });
  });
});
