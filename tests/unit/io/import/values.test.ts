import {describe, expect, it} from "vitest";
import {importTable, type ImportColumn} from "../../../../src/io/import/contract.js";
import {typeCell} from "../../../../src/io/import/values.js";

const col = (table: string, name: string): ImportColumn => importTable(table).columns.find((c) => c.name === name)!;
const flagId = col("flags", "flag_id");
const ts = col("flags", "ts");
const score = col("flags", "ml_score");
const category = col("flags", "category");
const muted = col("session_items", "sound_muted");
const firstDay = col("reviewers", "first_day");
const reviewer = col("flags", "reviewer_id");

const rule = (c: ImportColumn, raw: string | null, mapping = {}) => {
  const cell = typeCell(c, raw, mapping);
  return cell.ok ? cell.value : cell.rule;
};

describe("typeCell(column, raw, mapping)", () => {
  it("types by the contract, never by inference: integers, decimals, booleans, dates", () => {
    expect(rule(flagId, "42")).toBe(42);
    expect(rule(flagId, "1.0")).toBe("wrong type");
    expect(rule(flagId, "1e3")).toBe("wrong type");
    expect(rule(flagId, "9007199254740993")).toBe("wrong type");
    expect(rule(score, "0.25")).toBe(0.25);
    expect(rule(score, ".5")).toBe(0.5);
    expect(rule(score, "1e-5")).toBe(0.00001);
    expect(rule(score, "NaN")).toBe("wrong type");
    expect(rule(score, "0,5")).toBe("wrong type");
    expect(rule(muted, "TRUE")).toBe(true);
    expect(rule(muted, "0")).toBe(false);
    expect(rule(muted, "yes")).toBe("wrong type");
    expect(rule(firstDay, "2025-03-01")).toBe("2025-03-01");
    expect(rule(firstDay, "01/03/2025")).toBe("wrong type");
  });

  it("rejects dates and times that do not exist", () => {
    expect(rule(firstDay, "2025-02-29")).toBe("impossible date");
    expect(rule(firstDay, "2024-02-29")).toBe("2024-02-29");
    expect(rule(ts, "2025-02-30T10:00:00Z")).toBe("impossible date");
    expect(rule(ts, "2025-03-01T24:10:00Z")).toBe("impossible date");
  });

  it("takes timestamps in UTC only, Z or +00:00, to the millisecond and below", () => {
    const ms = Date.UTC(2025, 2, 1, 8, 15, 0);
    expect(rule(ts, "2025-03-01T08:15:00Z")).toBe(ms);
    expect(rule(ts, "2025-03-01 08:15:00+00")).toBe(ms);
    expect(rule(ts, "2025-03-01T08:15:00+00:00")).toBe(ms);
    expect(rule(ts, "2025-03-01T08:15Z")).toBe(ms);
    expect(rule(ts, "2025-03-01T08:15:00.25Z")).toBe(ms + 250);
    expect(rule(ts, "2025-03-01T08:15:00.0005Z")).toBeCloseTo(ms + 0.5, 6);
    expect(rule(ts, "2025-03-01T08:15:00")).toBe("non-UTC timestamp");
    expect(rule(ts, "2025-03-01T08:15:00+08:00")).toBe("non-UTC timestamp");
    expect(rule(ts, "2025-03-01T08:15:00-00:00")).toBe("non-UTC timestamp");
    expect(rule(ts, "1740816900000")).toBe("wrong type");
  });

  it("accepts a closed vocabulary's values, or the mapping file's names for them, nothing near", () => {
    expect(rule(category, "spam")).toBe("spam");
    expect(rule(category, "Spam")).toBe("unknown value");
    expect(rule(category, " spam")).toBe("unknown value");
    expect(rule(category, "Hate speech", {category: {"Hate speech": "harassment_hate"}})).toBe("harassment_hate");
    expect(typeCell(category, "Hate speech", {category: {"Hate speech": "harassment_hate"}})).toEqual({ok: true, value: "harassment_hate", mapped: true});
  });

  it("checks ranges, nulls and lengths without truncating", () => {
    expect(rule(score, "1.5")).toBe("out of range");
    expect(rule(score, "-0.1")).toBe("out of range");
    expect(rule(flagId, "-1")).toBe("out of range");
    expect(rule(flagId, "")).toBe("missing value");
    expect(rule(flagId, null)).toBe("missing value");
    expect(rule(reviewer, "")).toBe(null);
    expect(rule(reviewer, "r".repeat(200))).toBe("r".repeat(200));
    expect(rule(reviewer, "r".repeat(201))).toBe("too long");
    // 200 emoji are 400 UTF-16 units but 200 characters.
    expect(rule(reviewer, "🙂".repeat(200))).toBe("🙂".repeat(200));
  });
});
