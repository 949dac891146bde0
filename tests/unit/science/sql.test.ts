/**
 * The SQL files in sql/ on a hand-made event log in DuckDB: every figure below can be checked by hand.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openDuckDB, type DuckDB} from "../../../data-loaders/_duckdb.js";
import {CORE_TABLES, SQL_DIR} from "../../../data-loaders/_science.js";
import {assertTable} from "../../../src/io/schema.js";
import * as C from "../../../src/science/contracts.js";

const T = (s: string) => Date.parse(`2025-05-0${s}Z`);
// U1 (signed up 2025-05-01): day 1 signup, login, 3 chats in one 10-minute bucket (one to a new
// account, one abusive), a blocked chat, an upload 20 minutes later on a second device and prefix;
// day 2 a warning. U2 (old account): day 1 login and one upload.
const rows = [
  ["1T08:00:00", "U1", "signup", "D1", "P1", null, null, false, false],
  ["1T08:00:10", "U1", "login", "D1", "P1", null, null, false, false],
  ["1T08:01:00", "U1", "chat", "D1", "P1", null, "U2", true, false],
  ["1T08:02:00", "U1", "chat", "D1", "P1", null, "U2", false, true],
  ["1T08:03:00", "U1", "chat", "D1", "P1", null, "U3", false, false],
  ["1T08:04:00", "U1", "policy_block", "D1", "P1", null, "U3", false, true],
  ["1T08:25:00", "U1", "upload", "D2", "P2", null, null, false, false],
  ["2T09:00:00", "U1", "warning", "D1", "P1", null, null, false, true],
  ["1T10:00:00", "U2", "login", "D9", "P9", null, null, false, false],
  ["1T10:05:00", "U2", "upload", "D9", "P9", null, null, false, false]
] as const;
const events = {
  event_id: rows.map((_, i) => i),
  ts: rows.map((r) => T(r[0])),
  user_id: rows.map((r) => r[1]),
  event_type: rows.map((r) => r[2]),
  device_id: rows.map((r) => r[3]),
  ip_prefix: rows.map((r) => r[4]),
  payment_id: rows.map((r) => r[5]),
  peer_id: rows.map((r) => r[6]),
  peer_new: rows.map((r) => r[7]),
  abusive: rows.map((r) => r[8])
};
const users = {
  user_id: ["U1", "U2", "U3"],
  country: ["Singapore", "Singapore", "Singapore"],
  region: ["APAC", "APAC", "APAC"],
  signup_date: ["2025-05-01", "2024-05-01", "2025-04-30"],
  device_id: ["D1", "D9", "D3"],
  ip_prefix: ["P1", "P9", "P3"],
  payment_id: [null, null, null],
  actor_type: ["spammer", "benign", "benign"],
  ring_id: [null, null, null]
};

describe("sql/ core tables in DuckDB", () => {
  let db: DuckDB;
  const out: Record<string, Record<string, unknown>[]> = {};
  beforeAll(async () => {
    db = await openDuckDB({events, users} as never);
    for (const name of CORE_TABLES) out[name] = await db.query(readFileSync(join(SQL_DIR, `${name}.sql`), "utf8"));
  });
  afterAll(() => db?.close());

  it("core_user_day.sql counts a user-day's events, bursts, identifiers, age and truth", () => {
    const u1 = out.core_user_day.find((r) => r.user_id === "U1" && r.date === "2025-05-01")!;
    expect(u1).toMatchObject({account_age_days: 0, events: 7, logins: 1, chats: 3, uploads: 1, policy_blocks: 1, warnings: 0, chats_to_new_accounts: 1, chat_peers: 2, devices: 2, ip_prefixes: 2, truth_abusive_events: 2, truth_abusive: true});
    // 08:01 to 08:04 share the 08:00–08:10 bucket: 3 chats and the blocked attempt; the upload is alone.
    expect(u1.max_attempts_10min).toBe(4);
    const u1day2 = out.core_user_day.find((r) => r.user_id === "U1" && r.date === "2025-05-02")!;
    expect(u1day2).toMatchObject({account_age_days: 1, events: 1, warnings: 1, max_attempts_10min: 0, truth_abusive: true});
    const u2 = out.core_user_day.find((r) => r.user_id === "U2")!;
    expect(u2).toMatchObject({account_age_days: 365, uploads: 1, max_attempts_10min: 1, truth_abusive: false});
    expect(out.core_user_day.length).toBe(3);
  });

  it("core_users.sql sums an account's lifetime and its block rate", () => {
    const u1 = out.core_users.find((r) => r.user_id === "U1")!;
    expect(u1).toMatchObject({signup_date: "2025-05-01", first_seen_date: "2025-05-01", last_seen_date: "2025-05-02", events: 8, active_days: 2, chats: 3, uploads: 1, policy_blocks: 1, warnings: 1, devices: 2, ip_prefixes: 2, payment_instruments: 0, peers: 2, truth_abusive_events: 3});
    expect(u1.block_rate).toBeCloseTo(1 / 5, 12); // 1 block / (3 chats + 1 upload + 1 block)
  });

  it("core_day_metrics.sql gives each day's volumes and rates", () => {
    const [d1, d2] = out.core_day_metrics;
    expect(d1).toMatchObject({date: "2025-05-01", active_users: 2, signups: 1, logins: 2, chats: 3, uploads: 2, policy_blocks: 1, warnings: 0});
    expect(d1.block_rate).toBeCloseTo(1 / 6, 12); // 1 block / (3 chats + 2 uploads + 1 block)
    expect(d1.truth_abusive_share).toBeCloseTo(2 / 6, 12);
    expect(d2).toMatchObject({date: "2025-05-02", active_users: 1, warnings: 1, warn_rate: 1, block_rate: null});
  });

  it("every core table meets its contract", () => {
    const schemas = {core_users: C.CORE_USERS, core_user_day: C.CORE_USER_DAY, core_day_metrics: C.CORE_DAY_METRICS};
    for (const name of CORE_TABLES) {
      const schema = schemas[name];
      const columns = Object.fromEntries(schema.columns.map((c) => [c.name, out[name].map((r) => r[c.name] ?? null)]));
      expect(() => assertTable(schema, columns as never, null)).not.toThrow();
    }
  });
});
