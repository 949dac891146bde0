import {describe, expect, it} from "vitest";
import {FLAGS, SCHEMAS} from "../../../../src/io/contracts.js";
import {IMPORT_TABLES, importOrder, importTable, mappableColumns} from "../../../../src/io/import/contract.js";
import {validateImport} from "../../../../src/io/import/validate.js";

describe("the import contract", () => {
  it("takes every column's type, values and range from its published table", () => {
    for (const table of IMPORT_TABLES) {
      const published = SCHEMAS[table.published as keyof typeof SCHEMAS];
      for (const c of table.columns) {
        const spec = published.columns.find((p) => p.name === c.name)!;
        expect({table: table.name, column: c.name, type: c.type, values: c.values, min: c.min, max: c.max}).toEqual({table: table.name, column: c.name, type: spec.type, values: spec.values, min: spec.min, max: spec.max});
      }
    }
    expect(importTable("flags").columns.find((c) => c.name === "category")!.values).toBe(FLAGS.columns.find((c) => c.name === "category")!.values);
  });

  it("requires flags and only flags; never requires a ground-truth column", () => {
    expect(IMPORT_TABLES.filter((t) => t.required).map((t) => t.name)).toEqual(["flags"]);
    const truth = IMPORT_TABLES.flatMap((t) => t.columns.filter((c) => c.truth && !t.truth).map((c) => `${t.name}.${c.name}:${c.required}`));
    expect(truth).toEqual(expect.arrayContaining(["flags.is_violation:false", "flags.coordinated:false", "flags.attack_id:false", "users.actor_type:false", "users.ring_id:false"]));
    expect(truth.every((t) => t.endsWith(":false"))).toBe(true);
    expect(IMPORT_TABLES.filter((t) => t.truth).map((t) => t.name)).toEqual(["attacks", "rings", "benign_events"]);
  });

  it("lists the tables #20 names: flags, appeals, reviewers, sessions with items and idle periods, users, events, daily activity", () => {
    expect(IMPORT_TABLES.map((t) => t.name)).toEqual(expect.arrayContaining(["flags", "appeals", "reviewers", "moderator_sessions", "session_items", "idle_periods", "users", "events", "daily_activity"]));
  });

  it("takes no column it derives, and derives only columns of the published table or a table's figures", () => {
    for (const t of IMPORT_TABLES) {
      const names = t.columns.map((c) => c.name);
      for (const d of t.derived) expect(names, `${t.name}.${d.column}`).not.toContain(d.column);
    }
    expect(importTable("flags").derived.map((d) => d.column)).toEqual(expect.arrayContaining(["date", "region", "tta_hours", "appealed"]));
  });

  it("keeps references inside the import and orders tables after the tables they reference", () => {
    const order = importOrder().map((t) => t.name);
    for (const t of IMPORT_TABLES) {
      for (const r of t.references) {
        expect(order.indexOf(r.table), `${t.name}.${r.column} -> ${r.table}`).toBeLessThan(order.indexOf(t.name));
      }
    }
    expect(importTable("session_items").references.map((r) => `${r.column}->${r.table}`)).toEqual(["session_id->moderator_sessions", "flag_id->flags"]);
    expect(importTable("events").references.map((r) => `${r.column}->${r.table}`)).toEqual(["user_id->cohort", "user_id->users"]);
    expect(importTable("dsa_decisions").references.map((r) => `${r.column}->${r.table}`)).toEqual(["flag_id->flags"]);
  });

  it("maps only closed vocabularies: the flags' and sessions' codes, the cohort's strata and arms, the DSA terms and the benign events' kinds", () => {
    expect([...mappableColumns().keys()].sort()).toEqual(["account_type", "action", "actor_type", "alleged_legal_ground", "arm", "category", "content_language", "content_type", "country", "decision", "decision_ground", "event_type", "idle_type", "kind", "notice_type", "route", "severity", "signal", "source", "status", "stratum", "surface"]);
  });

  it("has an example for every table, and the examples together pass clean", () => {
    for (const t of IMPORT_TABLES) expect(t.example.length, t.name).toBeGreaterThan(0);
    const raws = IMPORT_TABLES.map((t) => {
      const header = [...new Set(t.example.flatMap((row) => Object.keys(row)))];
      return {table: t.name, header, rows: t.example.map((row) => header.map((h) => row[h] ?? ""))};
    });
    const result = validateImport(raws);
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
  });
});
