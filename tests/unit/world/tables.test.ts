import {describe, expect, it} from "vitest";
import {ACTIONS, CATEGORIES, COUNTRIES, ROUTES, SOURCES} from "../../../src/core/constants.js";
import {SCHEMAS} from "../../../src/io/contracts.js";
import {columnsToRows} from "../../../src/io/export.js";
import type {Flags} from "../../../src/world/flags.js";
import type {FlagWorld, World} from "../../../src/world/simulate.js";
import type {Users} from "../../../src/world/users.js";
import {
  accountColumns, benignEventsTable, buildTables, DAILY_COUNTRY_CELLS, dailyCountry, detailedReviewers, deviceId, flagOriginColumns,
  FULL_DETAIL_SCALE, ipPrefix, paymentId, publishedFlagRows, publishedSchemas, ringsTable, sampled, sampleRate, userId
} from "../../../src/world/tables.js";

/** Flags with every column zero (time 2025-03-01 00:00 UTC) but those given; no attack, target or look-alike. */
function flagsOf(n: number, cols: Partial<Record<keyof Flags, ArrayLike<number>>> = {}): Flags {
  const of = (C: {from(a: ArrayLike<number>): unknown}, key: keyof Flags, fill = 0) => C.from(cols[key] ?? new Array(n).fill(fill)) as never;
  return {
    length: n,
    ts: of(Float64Array, "ts", Date.UTC(2025, 2, 1)),
    day: of(Int16Array, "day"),
    country: of(Uint8Array, "country"),
    category: of(Uint8Array, "category"),
    source: of(Uint8Array, "source"),
    severity: of(Uint8Array, "severity"),
    surface: of(Uint8Array, "surface"),
    mlScore: of(Float32Array, "mlScore"),
    isViolation: of(Uint8Array, "isViolation"),
    coordinated: of(Uint8Array, "coordinated"),
    attack: of(Int8Array, "attack", -1),
    actor: of(Int32Array, "actor"),
    target: of(Int32Array, "target", -1),
    template: of(Int16Array, "template"),
    lookalike: of(Int8Array, "lookalike", -1)
  };
}

describe("printable identifiers", () => {
  it("userId, deviceId and paymentId pad the index to 7, 7 and 6 digits behind U, D and P", () => {
    expect([userId(0), userId(42), userId(1_234_567)]).toEqual(["U0000000", "U0000042", "U1234567"]);
    expect([deviceId(42), paymentId(42)]).toEqual(["D0000042", "P000042"]);
  });
  it("ipPrefix(p) writes index p as the /24 prefix 100+(p>>16).((p>>8)&255).(p&255).0/24", () => {
    expect(ipPrefix(0)).toBe("100.0.0.0/24");
    expect(ipPrefix(258)).toBe("100.1.2.0/24");
    expect(ipPrefix(3 * 65_536 + 255)).toBe("103.0.255.0/24");
    // Unique below ten million prefixes: the first octet stays a valid 252.
    expect(ipPrefix(9_999_999)).toBe("252.150.127.0/24");
  });
});

describe("sampling", () => {
  it("sampled(i, rate) keeps i when frac((i + 1) × 0.618…) (a Fibonacci hash) is under the rate: item 0 at 0.62 but not 0.61, item 1 at 0.24 but not 0.23", () => {
    expect([sampled(0, 0.62), sampled(0, 0.61)]).toEqual([true, false]);
    expect([sampled(1, 0.24), sampled(1, 0.23)]).toEqual([true, false]);
    expect([sampled(2, 0.86), sampled(2, 0.85)]).toEqual([true, false]);
  });
  it("sampled(i, 1) keeps everything and sampled(i, 0) nothing", () => {
    for (let i = 0; i < 1000; i++) expect([sampled(i, 1), sampled(i, 0)]).toEqual([true, false]);
  });
  it("sampled(i, 0.25) keeps 2,501 of the first 10,000 items: the hash spreads evenly", () => {
    let kept = 0;
    for (let i = 0; i < 10_000; i++) if (sampled(i, 0.25)) kept++;
    expect(kept).toBe(2501);
  });
  it("sampleRate(scale) is 1 up to scale 4 (FULL_DETAIL_SCALE), then 4 / scale: 0.5 at 8, 0.016 at 250", () => {
    expect(FULL_DETAIL_SCALE).toBe(4);
    expect([0.05, 1, 4, 8, 250].map(sampleRate)).toEqual([1, 1, 1, 0.5, 0.016]);
  });
  it("detailedReviewers() is 80: the team at scale 4", () => {
    expect(detailedReviewers()).toBe(80);
  });
  it("publishedFlagRows keeps every flag up to scale 4 and, at scale 8, flags 1, 3, 4, 6 and 9 of ten", () => {
    expect(publishedFlagRows({scale: 4, flags: flagsOf(10)})).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(publishedFlagRows({scale: 8, flags: flagsOf(10)})).toEqual([1, 3, 4, 6, 9]);
  });
});

describe("projections of flags and users", () => {
  const dates = ["2025-03-01", "2025-03-02"];
  const flags = flagsOf(3, {day: [0, 1, 1], actor: [5, 6, 7], target: [-1, 12, -1], template: [3, 4, 30], attack: [-1, 0, 4]});

  it("flagOriginColumns(world, rows) gives the rows' date, actor, target (null for none), template and attack id (null for none)", () => {
    expect(flagOriginColumns({dates, flags}, [2, 1, 0])).toEqual({
      date: ["2025-03-02", "2025-03-02", "2025-03-01"],
      actor_id: ["U0000007", "U0000006", "U0000005"],
      target_id: [null, "U0000012", null],
      template_id: [30, 4, 3],
      attack_id: ["A5", "A1", null]
    });
  });

  const users = {
    country: Uint8Array.of(0, 5, 14),
    signupDay: Int16Array.of(-1, 0, 183),
    device: Int32Array.of(0, 0, 7),
    ipPrefix: Int32Array.of(0, 258, 1),
    payment: Int32Array.of(-1, 3, -1),
    actorType: Uint8Array.of(0, 4, 1),
    ring: Int16Array.of(-1, 1, -1),
    ringSpecs: [
      {id: "RING-1", attack: "A1", purpose: "harassment_brigade", createdDay: 96, accounts: 5},
      {id: "RING-2", attack: "", purpose: "messaging_scam", createdDay: 66, accounts: 5}
    ]
  } as unknown as Users;

  it("accountColumns(world, ids) prints each account: country and region, signup date from its day (day -1 is 2025-02-28), ids, actor type and ring", () => {
    expect(columnsToRows(accountColumns({users}, [0, 1, 2]))).toEqual([
      {user_id: "U0000000", country: "Singapore", region: "APAC", signup_date: "2025-02-28", device_id: "D0000000", ip_prefix: "100.0.0.0/24", payment_id: null, actor_type: "benign", ring_id: null},
      {user_id: "U0000001", country: "United States", region: "AMER", signup_date: "2025-03-01", device_id: "D0000000", ip_prefix: "100.1.2.0/24", payment_id: "P000003", actor_type: "ring_member", ring_id: "RING-2"},
      {user_id: "U0000002", country: "Poland", region: "EMEA", signup_date: "2025-08-31", device_id: "D0000007", ip_prefix: "100.0.1.0/24", payment_id: null, actor_type: "spammer", ring_id: null}
    ]);
  });

  it("ringsTable(world) lists each ring with its attack id, null for a ring that runs no attack", () => {
    expect(ringsTable({users} as World)).toEqual({ring_id: ["RING-1", "RING-2"], purpose: ["harassment_brigade", "messaging_scam"], attack_id: ["A1", null], accounts: [5, 5]});
  });

  it("benignEventsTable(world) counts each look-alike's flags and violating flags, and its own accounts", () => {
    const lookalikeUsers = {lookalikeAccounts: Array.from({length: 12}, (_, b) => new Int32Array(b === 3 ? 15 : b === 0 ? 1 : 0))} as unknown as Users;
    const f = flagsOf(5, {lookalike: [-1, 0, 0, 3, 0], isViolation: [1, 0, 1, 1, 0]});
    const first4 = (col: ArrayLike<unknown>) => Array.from(col).slice(0, 4);
    const t = benignEventsTable({flags: f, users: lookalikeUsers} as FlagWorld);
    expect(first4(t.event_id)).toEqual(["B1", "B2", "B3", "B4"]);
    expect(first4(t.flags)).toEqual([3, 0, 0, 1]);
    expect(first4(t.violating_flags)).toEqual([1, 0, 0, 1]);
    expect(first4(t.accounts)).toEqual([1, 0, 0, 15]);
    // Hand-built flags without the look-alike column count none.
    const bare = {...flagsOf(2)};
    delete bare.lookalike;
    expect(benignEventsTable({flags: bare, users: lookalikeUsers} as FlagWorld).flags).toEqual(new Array(12).fill(0));
  });
});

describe("dailyCountry", () => {
  // One day. Singapore: an auto-blocked spam flag (removed), a human-reviewed harassment flag (warned,
  // appealed, overturned, 10 h), a coordinated human-reviewed spam flag (no action, 20 h). Indonesia: one
  // auto-dismissed nudity flag.
  const R = (r: (typeof ROUTES)[number]) => ROUTES.indexOf(r);
  const A = (a: (typeof ACTIONS)[number]) => ACTIONS.indexOf(a);
  const K = (k: (typeof CATEGORIES)[number]) => CATEGORIES.indexOf(k);
  const S = (s: (typeof SOURCES)[number]) => SOURCES.indexOf(s);
  const nc = COUNTRIES.length;
  const world = {
    dates: ["2025-03-01"],
    activity: {
      activeUsers: Float64Array.from({length: nc}, (_, c) => 1000 + c),
      posts: Float64Array.from({length: nc}, (_, c) => (c === 0 ? 100 : c === 1 ? 50 : 10)),
      messages: Float64Array.from({length: nc}, (_, c) => (c === 0 ? 20 : 0))
    },
    flags: flagsOf(4, {country: [0, 0, 0, 1], category: [K("spam"), K("harassment_hate"), K("spam"), K("nudity")], source: [S("ai"), S("user"), S("user"), S("trusted_flagger")], coordinated: [0, 0, 1, 0]}),
    review: {
      route: Uint8Array.of(R("auto_block"), R("human_review"), R("human_review"), R("auto_dismiss")),
      action: Uint8Array.of(A("removal"), A("warning"), A("none"), A("none")),
      appealed: Uint8Array.of(0, 1, 0, 0),
      overturned: Uint8Array.of(0, 1, 0, 0),
      ttaHours: Float32Array.of(0.05, 10, 20, 0.01)
    }
  } as unknown as World;
  const rows = columnsToRows(dailyCountry(world));

  it("dailyCountry(world) has one row per date and country, in country order", () => {
    expect(rows.map((r) => r.country)).toEqual(COUNTRIES.map((c) => c.name));
    expect(rows.every((r) => r.date === "2025-03-01")).toBe(true);
  });

  it("dailyCountry counts Singapore's 3 reports, 2 enforcements, 1 appeal and 1 success, by category, source and action", () => {
    expect(rows[0]).toMatchObject({region: "APAC", active_users: 1000, reports: 3, enforcements: 2, appeals: 1, successful_appeals: 1, reports_spam: 2, reports_harassment_hate: 1, reports_nudity: 0, source_user: 2, source_ai: 1, source_trusted_flagger: 0, enforce_removal: 1, enforce_warning: 1, enforce_suspension: 0, enforce_downrank: 0});
  });

  it("dailyCountry's content_created adds the ring's coordinated flags to posts and messages: 100 + 20 + 1", () => {
    expect(rows[0].content_created).toBe(121);
    expect(rows[1].content_created).toBe(50);
  });

  it("dailyCountry's median response time is over human-reviewed flags only: Singapore's 10 h and 20 h give 15 h; none gives NaN", () => {
    expect(rows[0].median_response_time_hours).toBe(15);
    expect(rows[1].median_response_time_hours).toBeNaN();
  });

  it("dailyCountry's rates divide its counts, rounded to 6 decimals, NaN over a zero", () => {
    expect(rows[0]).toMatchObject({report_rate: 0.024793, enforcement_rate: 0.666667, appeal_rate: 0.5, appeal_success_rate: 1, share_spam: 0.666667, share_source_ai: 0.333333});
    expect(rows[1].enforcement_rate).toBe(0);
    expect(rows[1].appeal_rate).toBeNaN();
    expect(rows[5]).toMatchObject({reports: 0, report_rate: 0});
    expect(rows[5].enforcement_rate).toBeNaN();
  });

  it("DAILY_COUNTRY_CELLS lists the count columns dailyCountry writes and how they add up", () => {
    for (const name of DAILY_COUNTRY_CELLS.counts) expect(rows[0]).toHaveProperty(name);
    for (const g of DAILY_COUNTRY_CELLS.groups) expect(g.parts.reduce((s, p) => s + (rows[0][p] as number), 0)).toBe(rows[0][g.total]);
    for (const [rate, inputs] of Object.entries(DAILY_COUNTRY_CELLS.derived)) {
      expect(rows[0]).toHaveProperty(rate);
      for (const i of inputs) expect(DAILY_COUNTRY_CELLS.counts).toContain(i);
    }
  });
});

describe("publishedSchemas and buildTables", () => {
  it("publishedSchemas() is the contracts; with a pseudonym daily_country's counts and rates become nullable, and nothing else changes", () => {
    expect(publishedSchemas()).toBe(SCHEMAS);
    const priv = publishedSchemas({pseudonym: (v) => v});
    const cells = new Set([...DAILY_COUNTRY_CELLS.counts, ...Object.keys(DAILY_COUNTRY_CELLS.derived)]);
    priv.daily_country.columns.forEach((c, k) => {
      const before = SCHEMAS.daily_country.columns[k];
      expect(c).toEqual(cells.has(c.name) ? {...before, nullable: true} : before);
    });
    expect(SCHEMAS.daily_country.columns.filter((c) => cells.has(c.name) && !c.nullable).length).toBeGreaterThan(10);
    expect(priv.flags).toBe(SCHEMAS.flags);
  });

  it("buildTables(world) lists every contract's table and builds one only when it is read, once", () => {
    const users = {ringSpecs: [{id: "RING-1", attack: "A1", purpose: "p", createdDay: 0, accounts: 5}]};
    // A world whose flags cannot be read: reading the rings table must not touch them.
    const world = {users, get flags(): never {
      throw new Error("flags read");
    }} as unknown as World;
    const tables = buildTables(world);
    expect(Object.keys(tables).sort()).toEqual(Object.keys(SCHEMAS).sort());
    expect(tables.rings.ring_id).toEqual(["RING-1"]);
    expect(tables.rings).toBe(tables.rings);
    expect(() => tables.attacks).toThrow("flags read");
  });
});
