import {describe, expect, it} from "vitest";
import {formatImportReport, settleImport, summarizeImport} from "../../../../src/io/import/report.js";
import {finishValidations, importResult, validateImport, type RawTable} from "../../../../src/io/import/validate.js";
import {TableValidation} from "../../../../src/io/import/tableValidation.js";
import {IMPORT_TABLES} from "../../../../src/io/import/contract.js";

const FLAG_HEADER = ["flag_id", "ts", "country", "category", "source", "severity", "route", "action", "decided_ts", "reviewer_id"];
const flag = (id: string, over: Record<string, string> = {}): string[] => {
  const row: Record<string, string> = {flag_id: id, ts: "2025-03-01T08:00:00Z", country: "Singapore", category: "spam", source: "user", severity: "low", route: "human_review", action: "none", decided_ts: "2025-03-01T09:00:00Z", reviewer_id: "R1", ...over};
  return FLAG_HEADER.map((h) => row[h]);
};
const flags = (rows: string[][], header = FLAG_HEADER): RawTable => ({table: "flags", file: "flags.csv", header, rows});
const reviewers: RawTable = {table: "reviewers", header: ["reviewer_id"], rows: [["R1"], ["R2"]]};
const appeals = (rows: string[][]): RawTable => ({table: "appeals", header: ["flag_id", "appeal_ts", "overturned"], rows});

const found = (r: ReturnType<typeof validateImport>) => r.findings.map((f) => `${f.table}:${f.row ?? f.line ?? "-"}:${f.column}:${f.rule}`);

describe("validateImport(raws, options)", () => {
  it("passes a valid export clean and accepts every row typed", () => {
    const r = validateImport([flags([flag("1"), flag("2", {category: "nudity", reviewer_id: ""})]), reviewers, appeals([["2", "2025-03-02T00:00:00Z", "true"]])]);
    expect(r.ok).toBe(true);
    expect(r.findings).toEqual([]);
    const f = r.tables.find((t) => t.table === "flags")!;
    expect(f.accepted.flag_id).toEqual(Float64Array.of(1, 2));
    expect(f.accepted.reviewer_id).toEqual(["R1", null]);
    expect(f.accepted.ts).toEqual(Float64Array.of(Date.UTC(2025, 2, 1, 8), Date.UTC(2025, 2, 1, 8)));
    expect(r.tables.find((t) => t.table === "appeals")!.accepted.overturned).toEqual([true]);
  });

  it("reports every violation of every row in one run, not the first", () => {
    const r = validateImport([flags([flag("1", {category: "Spamm", ts: "2025-03-01T08:00:00+08:00"}), flag("x"), flag("3", {decided_ts: "2025-02-30T00:00:00Z"})]), reviewers]);
    expect(found(r)).toEqual(["flags:1:ts:non-UTC timestamp", "flags:1:category:unknown value", "flags:2:flag_id:wrong type", "flags:3:decided_ts:impossible date"]);
    expect(r.ok).toBe(false);
    expect(r.tables[0].rejected.map((x) => [x.row, x.reasons.length])).toEqual([[1, 2], [2, 1], [3, 1]]);
  });

  it("rejects every row of a duplicated key, and rows that reference a missing or rejected row", () => {
    const r = validateImport([flags([flag("1"), flag("1"), flag("2"), flag("3", {reviewer_id: "R9"})]), reviewers, appeals([["1", "2025-03-02T00:00:00Z", "false"], ["2", "2025-03-02T00:00:00Z", "false"], ["7", "2025-03-02T00:00:00Z", "false"]])], {mode: "quarantine"});
    expect(found(r)).toEqual(["flags:1:flag_id:duplicate key", "flags:2:flag_id:duplicate key", "flags:4:reviewer_id:broken reference", "appeals:1:flag_id:rejected reference", "appeals:3:flag_id:broken reference"]);
    expect(r.ok).toBe(true);
    const [f, a] = [r.tables.find((t) => t.table === "flags")!, r.tables.find((t) => t.table === "appeals")!];
    expect([f.read, f.acceptedRows, f.rejected.length]).toEqual([4, [3], 3]);
    expect([a.read, a.accepted.flag_id, a.rejected.length]).toEqual([3, Float64Array.of(2), 2]);
  });

  it("rejects a row whose times are out of order (decided before raised, opened outside raised to decided), naming both values (the later one inert, as every offending value); equal times and empty ones pass", () => {
    const header = [...FLAG_HEADER, "opened_ts"];
    const row = (id: string, over: Record<string, string>) => [...flag(id, over), over.opened_ts ?? ""];
    const r = validateImport([
      flags([row("1", {decided_ts: "2025-03-01T07:59:59Z"}), row("2", {opened_ts: "2025-03-01T07:00:00Z"}), row("3", {opened_ts: "2025-03-01T09:00:01Z"}), row("4", {opened_ts: "2025-03-01T08:00:00Z", decided_ts: "2025-03-01T08:00:00Z"}), row("5", {})], header),
      reviewers
    ], {mode: "quarantine"});
    expect(found(r)).toEqual(["flags:1:decided_ts:out of order", "flags:2:opened_ts:out of order", "flags:3:decided_ts:out of order"]);
    expect(r.findings.map((f) => [f.value, f.detail])).toEqual([
      ['"2025-03-01T07:59:59.000Z"', "at or after ts (2025-03-01T08:00:00.000Z)"],
      ['"2025-03-01T07:00:00.000Z"', "at or after ts (2025-03-01T08:00:00.000Z)"],
      ['"2025-03-01T09:00:00.000Z"', "at or after opened_ts (2025-03-01T09:00:01.000Z)"]
    ]);
    expect(r.tables[0].acceptedRows).toEqual([4, 5]);
  });

  it("reports header problems: missing columns stop both modes, unknown and derived columns warn", () => {
    const header = FLAG_HEADER.filter((h) => h !== "severity").concat(["date", "notes"]);
    const r = validateImport([flags([[...flag("1").filter((_, i) => FLAG_HEADER[i] !== "severity"), "2025-03-01", "hi"]], header)], {mode: "quarantine"});
    expect(r.findings.map((f) => `${f.column}:${f.rule}:${f.severity}`)).toEqual(["date:derived column:warning", "\"notes\":unknown column:warning", "severity:missing column:error", "reviewer_id:unchecked reference:warning"]);
    expect(r.ok).toBe(false);
    expect(r.tables[0].accepted.date).toBeUndefined();
  });

  it("calls a missing required table and a required table with no rows errors, an optional empty table a warning", () => {
    const r = validateImport([appeals([])]);
    expect(found(r)).toEqual(["flags:-:*:missing table", "appeals:-:*:no rows", "appeals:-:flag_id:unchecked reference"]);
    expect(r.findings.map((f) => f.severity)).toEqual(["error", "warning", "warning"]);
    expect(validateImport([flags([])]).findings.find((f) => f.rule === "no rows")!.severity).toBe("error");
  });

  it("maps platform names through the mapping and counts them", () => {
    const r = validateImport([flags([flag("1", {category: "Hate speech", severity: "P1"})]), reviewers], {mapping: {category: {"Hate speech": "harassment_hate"}, severity: {P1: "high"}}});
    expect(r.findings).toEqual([]);
    expect(r.tables[0].accepted.category).toEqual(["harassment_hate"]);
    expect(r.tables[0].mapped).toBe(2);
  });

  it("keeps read = accepted + rejected, counting records the parser rejected", () => {
    const raw: RawTable = {...flags([flag("1"), flag("x")]), unparsed: [{line: 4, rule: "malformed quoting", text: '3,"open', detail: "a closed quote"}]};
    for (const mode of ["stop", "quarantine"] as const) {
      const [s] = summarizeImport(validateImport([raw, reviewers], {mode}));
      expect(s).toEqual({table: "flags", file: "flags.csv", read: 3, accepted: 1, rejected: 2, byRule: {"malformed quoting": 1, "wrong type": 1}});
    }
  });

  it("formatImportReport(result) writes every finding inert, and settleImport throws it in mode stop", () => {
    const r = validateImport([flags([flag("=1+1"), flag("2", {category: "<script>alert(1)</script>"})]), reviewers]);
    const text = formatImportReport(r);
    expect(text).toContain('row 1, flag_id: wrong type "=1+1" (expected an integer)');
    expect(text).toContain('row 2, category: unknown value "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"');
    expect(text).not.toMatch(/<script|^\s*=/m);
    expect(() => settleImport(r)).toThrow(/import failed \(mode stop\): 2 error\(s\)/);
    expect(() => settleImport(validateImport([flags([flag("=1+1"), flag("2")]), reviewers], {mode: "quarantine"}))).not.toThrow();
  });

  it("formatImportReport(result, perRule) shows at most perRule lines per column and rule, with the count of the rest", () => {
    const rows = Array.from({length: 7}, (_, i) => flag(String(i), {category: "bad"}));
    const text = formatImportReport(validateImport([flags(rows), reviewers]), 3);
    expect(text.match(/unknown value/g)).toHaveLength(4);
    expect(text).toContain("... and 4 more unknown value in category");
  });

  it("gives the same result when the rows arrive a chunk at a time (TableValidation), the rows that keys reject given again", () => {
    const raws = [flags([flag("1"), flag("x"), flag("1"), flag("2", {reviewer_id: "R9"}), flag("3")]), reviewers];
    const validations = new Map(raws.map((raw) => {
      const v = new TableValidation(IMPORT_TABLES.find((t) => t.name === raw.table)!, raw);
      for (const row of raw.rows) v.push([row]);
      v.end(raw);
      return [raw.table, v] as const;
    }));
    const late = finishValidations(validations);
    // Row 2 failed its type, and its text was kept; rows 1 and 3 share a key, row 4 names no reviewer.
    expect(Object.fromEntries(late)).toEqual({flags: [1, 3, 4]});
    const values = new Map([1, 3, 4].map((r) => [r, raws[0].rows[r - 1] as string[]]));
    expect(importResult(validations, new Map([["flags", values]]), {mode: "quarantine"})).toEqual(validateImport(raws, {mode: "quarantine"}));
    expect(() => importResult(validations, new Map(), {mode: "quarantine"})).toThrow("import flags: the values of rejected row 1 were not given");
  });
});
