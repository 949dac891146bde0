import {describe, expect, it} from "vitest";
import {asImported, attacksFromImport, benignEventsFromImport, flagTextsFromImport, namedAccounts, regions, usersFromImport} from "../../../../src/world/fromImport/accounts.js";
import {sampled} from "../../../../src/world/tables.js";
import {dsaFlagsFromImport, monthlyActiveFromImport} from "../../../../src/world/fromImport/transparency.js";
import {exportTables} from "../../../../src/io/import/exportTables.js";
import {SCHEMAS} from "../../../../src/io/contracts.js";
import {sharedTables} from "../../../support/sharedWorlds.js";

const plain = (columns: Record<string, ArrayLike<unknown>>) => Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, Array.from(v)]));
const day = (ts: number) => new Date(ts).toISOString().slice(0, 10);

describe("account tables from imported tables", () => {
  it("derives a user's region from the country", () => {
    expect(regions(["Singapore", "Germany", "Brazil"])).toEqual(["APAC", "EMEA", "AMER"]);
  });

  it("counts an attack's days inclusively and the flags that carry its id", () => {
    const imported = {
      attacks: {attack_id: ["A1", "A2"], start_date: ["2025-04-02", "2025-04-10"], end_date: ["2025-04-04", "2025-04-10"], category: ["spam", "spam"], pattern: ["p", "q"], accounts: [3, 4], ring_id: ["r1", "r2"], description: ["a", "b"]},
      flags: {attack_id: ["A1", null, "A1", "A2", "A9"]}
    };
    const attacks = attacksFromImport(imported);
    expect(attacks.days).toEqual([3, 1]);
    expect(attacks.flags).toEqual([2, 1]);
  });

  it("keeps a sample of the accounts below a rate of 1, plus ring members and every account the published tables name", () => {
    const n = 40;
    const ids = Array.from({length: n}, (_, k) => `u${k}`);
    const users = Object.fromEntries(["country", "signup_date", "device_id", "ip_prefix", "payment_id", "actor_type"].map((c) => [c, ids.map(() => (c === "country" ? "Germany" : "x"))]));
    const imported = {users: {user_id: ids, ...users, ring_id: ids.map((_, k) => (k === 7 ? "R1" : null))}};
    const named = namedAccounts({actor_id: ["u3", null], target_id: [null, "u39"]}, {actor_id: ["u11"]}, imported);
    const kept = usersFromImport(imported, 0.25, named).user_id as string[];
    const sample = ids.filter((_, k) => sampled(k, 0.25));
    expect(sample.length).toBeGreaterThan(3);
    expect(sample.length).toBeLessThan(20);
    expect(kept).toEqual(ids.filter((id) => sample.includes(id) || ["u3", "u7", "u11", "u39"].includes(id)));
    expect(usersFromImport(imported, 1, named).user_id).toEqual(ids);
  });

  it("names the missing column when the import lacks one the table needs", () => {
    expect(() => usersFromImport({users: {user_id: ["u1"]}})).toThrow(/users\.country/);
  });

  describe("round trip: a simulated world's export comes back as its published tables", () => {
    const tables = sharedTables({seed: 7, scale: 1});
    const imported = exportTables(tables);

    it("users", () => expect(plain(usersFromImport(imported))).toEqual(plain(tables.users)));
    it("attacks", () => expect(plain(attacksFromImport(imported))).toEqual(plain(tables.attacks)));
    it("rings and events, taken as imported", () => {
      for (const name of ["rings", "events"] as const) {
        const order = SCHEMAS[name].columns.map((c) => c.name);
        expect(plain(asImported(imported, name, order))).toEqual(plain(tables[name]));
      }
    });
    it("flag_texts", () => expect(plain(flagTextsFromImport(imported, day))).toEqual(plain(tables.flag_texts)));
  });
});

describe("transparency and ground-truth tables from imported tables", () => {
  const tables = sharedTables({seed: 7, scale: 1});
  const imported = exportTables(tables);
  it("dsa_flags, monthly_active, benign_events and cohort come back as published", () => {
    expect(plain(dsaFlagsFromImport(imported))).toEqual(plain(tables.dsa_flags));
    expect(plain(monthlyActiveFromImport(imported))).toEqual(plain(tables.monthly_active));
    expect(plain(benignEventsFromImport(imported))).toEqual(plain(tables.benign_events));
    expect(plain(asImported(imported, "cohort", SCHEMAS.cohort.columns.map((c) => c.name)))).toEqual(plain(tables.cohort));
  });
});
