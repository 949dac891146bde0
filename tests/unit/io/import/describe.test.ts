import {describe, expect, it} from "vitest";
import {IMPORT_TABLES, importTable} from "../../../../src/io/import/contract.js";
import {columnRows, exampleCsv, importContractMarkdown, tableFacts} from "../../../../src/io/import/describe.js";

describe("the import contract's documentation", () => {
  it("columnRows(table) shows each column's use, type and accepted values from the contract", () => {
    const rows = columnRows(importTable("flags"));
    expect(rows.find((r) => r.column === "severity")).toMatchObject({type: "string", use: "required", truth: false, accepted: "critical, high, medium, low", maxLength: 200});
    expect(rows.find((r) => r.column === "ml_score")).toMatchObject({use: "optional", accepted: "0 to 1"});
    expect(rows.find((r) => r.column === "is_violation")).toMatchObject({use: "optional", truth: true});
  });

  it("exampleCsv(table) writes the example as the file a platform would write", () => {
    expect(exampleCsv(importTable("appeals"))).toBe("flag_id,appeal_ts,overturned\n2,2025-03-02T10:00:00Z,false\n");
  });

  it("tableFacts(table) states the order a row's times keep", () => {
    expect(tableFacts(importTable("moderator_sessions"))).toContain("In each row: end_ts is not before start_ts (when both are given).");
    expect(tableFacts(importTable("flags"))).toContain("In each row: opened_ts is not before ts, decided_ts is not before opened_ts, decided_ts is not before ts (when both are given).");
  });

  it("tableFacts(table) states requirement, key, references and derived columns", () => {
    expect(tableFacts(importTable("session_items"))).toBe("Optional. Key: session_id, item_index. References: session_id → moderator_sessions.session_id, flag_id → flags.flag_id (checked when that table is supplied).");
    expect(tableFacts(importTable("idle_periods"))).toContain("Key: none (rows may repeat).");
  });

  it("importContractMarkdown() covers every table with its example and every rule", () => {
    const md = importContractMarkdown();
    for (const name of ["flags", "appeals", "reviewers", "moderator_sessions", "session_items", "idle_periods", "users", "events", "daily_activity", "snippets", "attacks", "rings", "cohort", "dsa_decisions", "monthly_active", "benign_events"]) expect(md).toContain(`**${name}**`);
    expect(md.match(/```csv/g)).toHaveLength(IMPORT_TABLES.length);
    expect(md).toContain("`non-UTC timestamp`");
  });
});
