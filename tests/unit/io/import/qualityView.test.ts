import {describe, expect, it} from "vitest";
import {dataQuality, simulationQuality} from "../../../../src/io/import/quality.js";
import {absentNote, missingRows, qualitySummary, rejectsNote, ruleBars, sampleRows, sourcePhrase, tableQualityRows, warningRows, shareText} from "../../../../src/io/import/qualityView.js";
import {validateImport, type RawTable} from "../../../../src/io/import/validate.js";

const FLAG_HEADER = ["flag_id", "ts", "country", "category", "source", "severity", "route", "action", "decided_ts", "reviewer_id"];
const flag = (id: string, over: Record<string, string> = {}): string[] => {
  const row: Record<string, string> = {flag_id: id, ts: "2025-03-01T08:00:00Z", country: "Singapore", category: "spam", source: "user", severity: "low", route: "human_review", action: "none", decided_ts: "2025-03-01T09:00:00Z", reviewer_id: "R1", ...over};
  return FLAG_HEADER.map((h) => row[h]);
};

/** Four flags: row 2 with an unknown category, rows 3 and 4 with an unknown reviewer; one unknown column. */
function quarantined() {
  const flags: RawTable = {table: "flags", file: "flags.csv", header: [...FLAG_HEADER, "notes"], rows: [[...flag("1"), ""], [...flag("2", {category: "<b>x</b>"}), ""], [...flag("3", {reviewer_id: "R9"}), ""], [...flag("4", {reviewer_id: "R9"}), ""]]};
  const reviewers: RawTable = {table: "reviewers", file: "reviewers.csv", header: ["reviewer_id"], rows: [["R1"]]};
  return dataQuality(validateImport([flags, reviewers], {mode: "quarantine"}), {kind: "files", label: "platform"});
}

describe("the data-quality page's view", () => {
  it("says what the build read, in which mode, with the totals", () => {
    const q = quarantined();
    expect(sourcePhrase(q)).toBe("the folder platform (CSV or Parquet files)");
    expect(qualitySummary(q)).toBe(
      "This build read the folder platform (CSV or Parquet files): 5 rows in 2 tables, 2 accepted and 3 rejected (60.00%), with 1 warning. In this build rows with a violation were set aside (WORKBOOK_REJECTS=quarantine) and the build went on without them."
    );
    expect(sourcePhrase({...q, source: {kind: "database", label: "moderation"}})).toBe("the PostgreSQL schema moderation");
  });

  it("writes each table's identity read = accepted + rejected", () => {
    expect(tableQualityRows(quarantined())).toEqual([
      {table: "flags", file: "flags.csv", read: "4", accepted: "1", rejected: "3", identity: "4 = 1 + 3", share: "75.00%"},
      {table: "reviewers", file: "reviewers.csv", read: "1", accepted: "1", rejected: "0", identity: "1 = 1 + 0", share: "0.00%"}
    ]);
  });

  it("bars rejected rows per table and rule, most first, with a sentence for the hover", () => {
    const bars = ruleBars(quarantined());
    expect(bars.map((b) => [b.label, b.rows])).toEqual([["flags: broken reference", 2], ["flags: unknown value", 1]]);
    expect(bars[1].title).toBe('1 row of flags was rejected for "unknown value". A value outside the column\'s accepted values that the mapping file does not map.');
    expect(bars[0].title).toMatch(/^2 rows of flags were rejected for "broken reference"\. /);
  });

  it("lists warnings and the sample of reasons, values inert", () => {
    const q = quarantined();
    expect(warningRows(q)).toEqual([{table: "flags", rule: "unknown column", count: "1", columns: '"notes"', meaning: "A column that is not in the contract (warning: not read)."}]);
    const sample = sampleRows(q);
    expect(sample.map((s) => [s.table, s.row, s.line, s.column, s.rule])).toEqual([["flags", "2", "–", "category", "unknown value"], ["flags", "3", "–", "reviewer_id", "broken reference"], ["flags", "4", "–", "reviewer_id", "broken reference"]]);
    expect(sample[0].value).toBe('"\\u003cb\\u003ex\\u003c/b\\u003e"');
    expect(rejectsNote(q)).toMatch(/^3 rejected rows, each with every reason, are in rejects\.csv: .*, offending value \(shortened and written inert\) and detail\. The table above shows all of them\.$/);
    expect(rejectsNote({...q, valuesWithheld: true})).toContain("offending value (withheld: this build is in privacy mode) and detail");
  });

  it("says a simulated build imported nothing and rejected nothing", () => {
    const q = simulationQuality({flags: {flag_id: [1, 2], appealed: [false, true], appeal_ts: [null, 5], overturned: [null, false]}}, 7);
    expect(qualitySummary(q)).toBe(
      "This build is the simulation (seed 7): it imported nothing, so nothing was rejected. The simulated tables are checked against the published tables' contracts when they are written, and a violation fails the build. Below are the rows each import table would hold: 3 rows in 2 tables."
    );
    expect(tableQualityRows(q).map((r) => [r.table, r.file, r.identity])).toEqual([["flags", "–", "2 = 2 + 0"], ["appeals", "–", "1 = 1 + 0"]]);
    expect([ruleBars(q), warningRows(q), sampleRows(q)]).toEqual([[], [], []]);
    expect(rejectsNote(q)).toBe("The rejects file rejects.csv holds its header line alone: no row was rejected.");
  });
});

describe("shareText(share)", () => {
  it("writes a rejected share to two decimals of a percent, and a tiny non-zero share as < 0.01%, never 0.00%", () => {
    expect([shareText(0), shareText(34 / 683_563), shareText(0.0123), shareText(1)]).toEqual(["0.00%", "< 0.01%", "1.23%", "100.00%"]);
  });

  it("lists the sections the data cannot feed: flags and reviewers alone lack the truth, the event log, the sessions, the texts, the shifts and the sound", () => {
    const q = quarantined();
    // flags without is_violation or coordinated, no attacks, benign events, known events or session items.
    const rows = missingRows(q);
    expect(rows.map((r) => r.columns)).toEqual([
      "attacks.attack_id, attacks.start_date, attacks.end_date",
      "benign_events.event_id, benign_events.signal, benign_events.start_date, benign_events.end_date",
      "flags.is_violation",
      "flags.coordinated",
      "known_events.event, known_events.start_date, known_events.end_date",
      "session_items.sound_muted",
      "reviewers.shift_start_hour, reviewers.shift_hours, reviewers.workdays",
      "events.event_id, users.user_id, cohort.user_id",
      "moderator_sessions.session_id, session_items.session_id, idle_periods.session_id",
      "snippets.flag_id, snippets.snippet",
      "daily_activity.active_users, daily_activity.content_created",
      "dsa_decisions.flag_id"
    ]);
    expect(rows[0].section).toMatch(/^Attack detection: /);
    expect(absentNote(q)).toMatch(/^The data lacks [\d,]+ import columns of the contract in \d+ tables, and \d+ tables not supplied at all \(appeals, moderator_sessions, .*known_events.*\): /);
  });

  it("says a simulated build lacks nothing, and lists no section", () => {
    const q = simulationQuality({reviewers: {reviewer_id: ["R1"], hub: ["Dublin"]}}, 7);
    expect(missingRows(q)).toEqual([]);
    expect(absentNote(q)).toBe("The simulation has every column of the import contract: every section of every page is drawn.");
  });
});

