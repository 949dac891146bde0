import {describe, expect, it} from "vitest";
import {dataQuality, rejectsCsv, SAMPLE_ROWS, simulationQuality, sourceLabel, WITHHELD} from "../../../../src/io/import/quality.js";
import {RULES} from "../../../../src/io/import/findings.js";
import {validateImport, type ImportResult, type RawTable} from "../../../../src/io/import/validate.js";

const FLAG_HEADER = ["flag_id", "ts", "country", "category", "source", "severity", "route", "action", "decided_ts", "reviewer_id"];
const flag = (id: string, over: Record<string, string> = {}): string[] => {
  const row: Record<string, string> = {flag_id: id, ts: "2025-03-01T08:00:00Z", country: "Singapore", category: "spam", source: "user", severity: "low", route: "human_review", action: "none", decided_ts: "2025-03-01T09:00:00Z", reviewer_id: "R1", ...over};
  return FLAG_HEADER.map((h) => row[h]);
};

/**
 * Four flags (row 2 has an unknown category and a non-UTC time, row 4 a broken reviewer reference), two
 * reviewers, an unknown column (a warning), and two appeals of which one points at rejected flag 2.
 */
function fixture(): ImportResult {
  const flags: RawTable = {
    table: "flags", file: "flags.csv", header: [...FLAG_HEADER, "notes"], lines: [2, 3, 4, 5],
    rows: [[...flag("1"), "a"], [...flag("2", {category: "=HYPERLINK(\"x\")", ts: "2025-03-01T08:00:00+08:00"}), "b"], [...flag("3"), "c"], [...flag("4", {reviewer_id: "R9"}), "d"]]
  };
  const reviewers: RawTable = {table: "reviewers", file: "reviewers.csv", header: ["reviewer_id"], rows: [["R1"], ["R2"]]};
  const appeals: RawTable = {table: "appeals", file: "appeals.csv", header: ["flag_id", "appeal_ts", "overturned"], rows: [["1", "2025-03-02T00:00:00Z", "false"], ["2", "2025-03-02T00:00:00Z", "true"]]};
  return validateImport([flags, reviewers, appeals], {mode: "quarantine"});
}

describe("dataQuality(result, source)", () => {
  it("counts rows read, accepted and rejected per table, with read = accepted + rejected", () => {
    const q = dataQuality(fixture(), {kind: "files", label: "platform"});
    expect(q.source).toEqual({kind: "files", label: "platform"});
    expect(q.mode).toBe("quarantine");
    expect(q.tables.map((t) => [t.table, t.file, t.read, t.accepted, t.rejected])).toEqual([
      ["flags", "flags.csv", 4, 2, 2],
      ["appeals", "appeals.csv", 2, 1, 1],
      ["reviewers", "reviewers.csv", 2, 2, 0]
    ]);
    expect(q.totals).toEqual({read: 8, accepted: 5, rejected: 3, warnings: 1});
    expect(q.rejectsFile).toBe("rejects.csv");
  });

  it("counts rejected rows per table and rule with the rule's description (a row counts once per rule)", () => {
    const q = dataQuality(fixture(), {kind: "files", label: "platform"});
    expect(q.rules.map((r) => [r.table, r.rule, r.rows])).toEqual([
      ["flags", "non-UTC timestamp", 1],
      ["flags", "unknown value", 1],
      ["flags", "broken reference", 1],
      ["appeals", "rejected reference", 1]
    ]);
    expect(q.rules[0].description).toBe(RULES["non-UTC timestamp"]);
  });

  it("counts warnings per table and rule, with the columns they name", () => {
    const q = dataQuality(fixture(), {kind: "files", label: "platform"});
    expect(q.warnings).toEqual([{table: "flags", rule: "unknown column", description: RULES["unknown column"], count: 1, columns: ['"notes"']}]);
  });

  it("samples the rejected rows' reasons with their row, line, column, rule and inert value", () => {
    const q = dataQuality(fixture(), {kind: "database", label: "moderation"});
    expect(q.sample.map((s) => [s.table, s.row, s.line, s.column, s.rule])).toEqual([
      ["flags", 2, 3, "ts", "non-UTC timestamp"],
      ["flags", 2, 3, "category", "unknown value"],
      ["flags", 4, 5, "reviewer_id", "broken reference"],
      ["appeals", 2, null, "flag_id", "rejected reference"]
    ]);
    expect(q.sample[1].value).toBe('"=HYPERLINK(\\"x\\")"');
    expect(JSON.parse(JSON.stringify(q))).toEqual(q);
  });

  it("withholds every offending value in privacy mode, keeping where and why", () => {
    const q = dataQuality(fixture(), {kind: "files", label: "platform"}, {privacy: true});
    expect(q.sample.map((s) => [s.row, s.column, s.rule, s.value])).toEqual([
      [2, "ts", "non-UTC timestamp", WITHHELD],
      [2, "category", "unknown value", WITHHELD],
      [4, "reviewer_id", "broken reference", WITHHELD],
      [2, "flag_id", "rejected reference", WITHHELD]
    ]);
    expect(rejectsCsv(fixture(), {privacy: true})).not.toMatch(/HYPERLINK|R9/);
  });

  it("keeps the reasons of the first SAMPLE_ROWS rejected rows only", () => {
    const rows = Array.from({length: SAMPLE_ROWS + 50}, (_, i) => flag(String(i + 1), {category: "bad"}));
    const result = validateImport([{table: "flags", header: FLAG_HEADER, rows}, {table: "reviewers", header: ["reviewer_id"], rows: [["R1"]]}], {mode: "quarantine"});
    const q = dataQuality(result, {kind: "files", label: "x"});
    expect(q.totals.rejected).toBe(SAMPLE_ROWS + 50);
    expect(q.sample).toHaveLength(SAMPLE_ROWS);
    expect(q.sample.at(-1)!.row).toBe(SAMPLE_ROWS);
  });

  it("throws when a table's rows do not add up, and refuses a URL as the source's label", () => {
    const result = fixture();
    result.tables.find((t) => t.table === "flags")!.read = 5;
    expect(() => dataQuality(result, {kind: "files", label: "platform"})).toThrow("data quality: table flags read 5 rows but accepted 2 and rejected 2 (read must equal accepted + rejected)");
    expect(() => dataQuality(fixture(), {kind: "database", label: "postgres://me:pw@db/x"})).toThrow("never a URL");
  });
});

describe("sourceLabel", () => {
  it("is a folder's base name or a schema's name, never a path or URL", () => {
    expect(sourceLabel({kind: "files", dir: "/home/me/exports/seed7/"})).toEqual({kind: "files", label: "seed7"});
    expect(sourceLabel({kind: "files", dir: "C:\\data\\platform"})).toEqual({kind: "files", label: "platform"});
    expect(sourceLabel({kind: "database", schema: "moderation"})).toEqual({kind: "database", label: "moderation"});
  });
});

describe("simulationQuality(tables, seed)", () => {
  it("counts every import table the published tables feed, all accepted", () => {
    const tables = {
      flags: {flag_id: [1, 2, 3], appealed: [true, false, true], appeal_ts: [1, null, 2], overturned: [false, null, true]},
      reviewers: {reviewer_id: ["R1", "R2"]}
    };
    const q = simulationQuality(tables, 7);
    expect(q.source).toEqual({kind: "simulation", label: "seed 7"});
    expect(q.mode).toBeNull();
    expect(q.tables).toEqual([
      {table: "flags", read: 3, accepted: 3, rejected: 0, byRule: {}},
      {table: "appeals", read: 2, accepted: 2, rejected: 0, byRule: {}},
      {table: "reviewers", read: 2, accepted: 2, rejected: 0, byRule: {}}
    ]);
    expect(q.totals).toEqual({read: 7, accepted: 7, rejected: 0, warnings: 0});
    expect([q.rules, q.warnings, q.sample]).toEqual([[], [], []]);
  });
});

describe("rejectsCsv(result)", () => {
  it("writes one line per rejected row and reason, formulas neutralised, RFC 4180", () => {
    const lines = rejectsCsv(fixture()).split("\r\n");
    expect(lines[0]).toBe("table,file,row,line,column,rule,value,detail");
    expect(lines).toHaveLength(6); // header, four reasons, the final empty line
    expect(lines[2]).toBe('flags,flags.csv,2,3,category,unknown value,"""=HYPERLINK(\\""x\\"")""","one of spam, harassment_hate, nudity, misinformation, child_safety, other, or a value the mapping file maps to one"');
    expect(lines[4]).toMatch(/^appeals,appeals\.csv,2,,flag_id,rejected reference,"""2""",/);
  });

  it("is the header line alone when nothing was rejected", () => {
    expect(rejectsCsv({tables: []})).toBe("table,file,row,line,column,rule,value,detail\r\n");
  });
});

describe("malformed source records (a moderator document that is not the expected shape)", () => {
  const withDocument = (): ImportResult => {
    const result = fixture();
    const finding = {table: "moderator_documents", row: 3, column: "$.sessions", rule: "wrong type" as const, value: "\"x\"", detail: "an array of sessions", severity: "error" as const};
    return {...result, findings: [...result.findings, finding]};
  };

  it("are counted as rejected rows of their source, on the page and in the rejects file", () => {
    const q = dataQuality(withDocument(), {kind: "database", label: "platform"});
    expect(q.tables.find((t) => t.table === "moderator_documents")).toEqual({table: "moderator_documents", read: 1, accepted: 0, rejected: 1, byRule: {"wrong type": 1}});
    expect(q.totals.rejected).toBe(4);
    expect(rejectsCsv(withDocument()).split(/\r?\n/).filter((l) => l.startsWith("moderator_documents,"))).toEqual(['moderator_documents,,3,,$.sessions,wrong type,"""x""",an array of sessions']);
  });
});
