import {describe, expect, it} from "vitest";
import {columnsToRows} from "../../../../src/io/export.js";
import {SCHEMAS} from "../../../../src/io/contracts.js";
import {checkTable, type Columns} from "../../../../src/io/schema.js";
import {exportTables, type ImportColumns} from "../../../../src/io/import/exportTables.js";
import {assembleSessionTables, type SessionTableName} from "../../../../src/world/fromImport/sessions.js";
import {sharedTables} from "../../../support/sharedWorlds.js";

const H = 3_600_000;
const MAR1 = Date.UTC(2025, 2, 1);
const plain = (columns: Columns) => Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, Array.from(values as ArrayLike<unknown>)]));

/**
 * Two sessions, in the file in reverse order: R1's session 10 (three views of two items, one decided;
 * two inactivities and a pause) and R2's session 20 (two views, one decided; no idle period).
 */
function fixture(): ImportColumns {
  return {
    flags: {flag_id: [500, 501, 502], is_violation: [true, true, false]},
    moderator_sessions: {session_id: [20, 10], reviewer_id: ["R2", "R1"], start_ts: [MAR1 + 2 * H, MAR1], end_ts: [MAR1 + 2 * H + 600_000, MAR1 + 1_800_200]},
    session_items: {
      session_id: [20, 10, 10, 20, 10],
      item_index: [1, 2, 0, 0, 1],
      content_id: [9, 500, 7, 501, 7],
      flag_id: [null, 500, null, 501, null],
      status: ["partial", "completed", "completed", "completed", "not_started"],
      decision: ["none", "accept", "none", "reject", "none"],
      view_ts: [MAR1 + 2 * H + 60_000, MAR1 + 120_000, MAR1, MAR1 + 2 * H, MAR1 + 60_000],
      view_s: [4.5, 30, 20.1, 25, 1],
      loops: [0, 1, 1, 2, 0],
      sound_muted: [true, false, false, true, false]
    },
    idle_periods: {session_id: [10, 10, 10], idle_type: ["inactivity", "pause", "inactivity"], duration_s: [60.5, 120.2, 30.1], start_ts: [MAR1 + 300_000, MAR1 + 600_000, MAR1 + 900_000]}
  };
}

const context = {dates: ["2025-03-01"], reviewerIds: ["R1", "R2"]};

describe("assembleSessionTables on two hand-checkable sessions", () => {
  const out = assembleSessionTables(fixture(), context);

  it("derives each session's duration, views, distinct items, cases and idle seconds from its rows, in reviewer then start order", () => {
    expect(plain(out.moderator_sessions)).toEqual({
      session_id: [10, 20],
      reviewer_id: ["R1", "R2"],
      start_ts: [MAR1, MAR1 + 2 * H],
      end_ts: [MAR1 + 1_800_200, MAR1 + 2 * H + 600_000],
      duration_s: [1800.2, 600],
      items: [3, 2],
      unique_items: [2, 2],
      cases: [1, 1],
      idle_inactivity_s: [90.6, 0],
      idle_pause_s: [120.2, 0]
    });
    expect(plain(out.session_sample)).toEqual({session_id: [10, 20], reviewer_id: ["R1", "R2"], start_ts: [MAR1, MAR1 + 2 * H], duration_s: [1800.2, 600], items: [3, 2], unique_items: [2, 2]});
  });

  it("publishes the views by session then item_index, and the idle periods by session then start, with the platform's ids", () => {
    const items = plain(out.session_items);
    expect(items.session_id).toEqual([10, 10, 10, 20, 20]);
    expect(items.item_index).toEqual([0, 1, 2, 0, 1]);
    expect(items.content_id).toEqual([7, 7, 500, 501, 9]);
    expect(items.flag_id).toEqual([null, null, 500, 501, null]);
    expect(items.view_s).toEqual([20.1, 1, 30, 25, 4.5]);
    expect(plain(out.idle_periods)).toEqual({session_id: [10, 10, 10], idle_type: ["inactivity", "pause", "inactivity"], start_ts: [MAR1 + 300_000, MAR1 + 600_000, MAR1 + 900_000], duration_s: [60.5, 120.2, 30.1]});
    expect(plain(out.idle_sample)).toEqual({session_id: [10, 10, 10], idle_type: ["inactivity", "pause", "inactivity"], duration_s: [60.5, 120.2, 30.1]});
  });

  it("sums the day for the team and each moderator, checking the two decisions against is_violation", () => {
    const [team, r1, r2] = columnsToRows(out.moderator_days);
    expect(team).toMatchObject({date: "2025-03-01", reviewer_id: null, sessions: 2, session_s: 2400.2, item_views: 5, cases: 2, idle_inactivity_s: 90.6, idle_pause_s: 120.2, idle_periods: 3, qa_checked: 2, qa_correct: 1, views_muted: 2});
    // R1 accepted a violation (correct); R2 dismissed one (wrong).
    expect(r1).toMatchObject({reviewer_id: "R1", sessions: 1, session_s: 1800.2, qa_checked: 1, qa_correct: 1, views_completed: 2, views_not_started: 1, views_accept: 1, views_none: 2, views_muted: 0});
    expect(r2).toMatchObject({reviewer_id: "R2", sessions: 1, session_s: 600, qa_checked: 1, qa_correct: 0, views_partial: 1, views_reject: 1, views_muted: 2});
    expect(columnsToRows(out.item_view_days)).toEqual([
      {reviewer_id: null, date: "2025-03-01", next_date: null, n: 4},
      {reviewer_id: "R1", date: "2025-03-01", next_date: null, n: 2},
      {reviewer_id: "R2", date: "2025-03-01", next_date: null, n: 2}
    ]);
  });

  it("publishes null, not a guess, where an optional import column is absent: truth, sound, view times, loops, idle starts", () => {
    const input = fixture();
    delete input.flags.is_violation;
    for (const c of ["view_ts", "view_s", "loops", "sound_muted"]) delete input.session_items[c];
    delete input.idle_periods.start_ts;
    const bare = assembleSessionTables(input, context);
    for (const c of ["qa_checked", "qa_correct", "views_muted"]) expect(plain(bare.moderator_days)[c]).toEqual([null, null, null]);
    for (const c of ["view_ts", "view_s", "loops", "sound_muted"]) expect(plain(bare.session_items)[c]).toEqual([null, null, null, null, null]);
    expect(plain(bare.idle_periods).start_ts).toEqual([null, null, null]);
    // Everything else is unchanged.
    expect(plain(bare.moderator_sessions)).toEqual(plain(out.moderator_sessions));
    expect(columnsToRows(bare.moderator_days).map((r) => r.session_s)).toEqual([2400.2, 1800.2, 600]);
    // The published contracts allow those nulls.
    for (const [name, columns] of Object.entries(bare)) expect(checkTable(SCHEMAS[name as SessionTableName], columns, null)).toEqual([]);
  });

  it("without reviewer ids, takes the sessions' reviewer ids sorted", () => {
    expect(plain(assembleSessionTables(fixture(), {...context, reviewerIds: []}).moderator_sessions).reviewer_id).toEqual(["R1", "R2"]);
  });

  it("names the table, row, column and rule of a value it cannot take", () => {
    const bad = (change: (t: ImportColumns) => void) => {
      const input = fixture();
      change(input);
      return () => assembleSessionTables(input, context);
    };
    expect(bad((t) => ((t.moderator_sessions.reviewer_id as string[])[1] = "R9"))).toThrow('import moderator_sessions, accepted row 2, column reviewer_id: not a reviewers.reviewer_id (value "R9")');
    expect(bad((t) => ((t.moderator_sessions.end_ts as number[])[0] = MAR1))).toThrow("import moderator_sessions, accepted row 1, column end_ts: before start_ts");
    expect(bad((t) => ((t.moderator_sessions.session_id as number[])[1] = 20))).toThrow("column session_id: a session id used twice");
    expect(bad((t) => ((t.session_items.session_id as number[])[3] = 30))).toThrow('import session_items, accepted row 4, column session_id: not a moderator_sessions.session_id (value "30")');
    expect(bad((t) => ((t.session_items.flag_id as (number | null)[])[3] = 999))).toThrow('import session_items, accepted row 4, column flag_id: not a flags.flag_id (value "999")');
    expect(bad((t) => ((t.idle_periods.idle_type as string[])[2] = "lunch"))).toThrow("import idle_periods, accepted row 3, column idle_type: not one of inactivity, pause");
    expect(bad((t) => delete t.idle_periods)).toThrow("need the import table idle_periods");
  });
});

/**
 * The round trip: seed 7's published tables exported in the import format and assembled back equal
 * the native tables, column by column. (The simulation's session times are fractional milliseconds; its
 * duration_s is computed from the whole milliseconds it publishes, so it is end_ts - start_ts of the
 * published row, as the import derives it.)
 */
describe("assembleSessionTables: the round trip of seed 7", () => {
  const tables = sharedTables({seed: 7, scale: 1});
  const reviewerIds = Array.from(tables.reviewers.reviewer_id as ArrayLike<string>);
  const out = assembleSessionTables(exportTables(tables), {dates: [], reviewerIds});

  for (const name of Object.keys(out) as SessionTableName[]) {
    it(`${name} equals the native table`, () => {
      const native = plain(tables[name]);
      const built = plain(out[name]);
      expect(Object.keys(built)).toEqual(Object.keys(native));
      expect(native[Object.keys(native)[0]].length).toBeGreaterThan(0);
      for (const column of Object.keys(native)) expect({column, values: built[column]}).toEqual({column, values: native[column]});
    });
  }

  it("every assembled table meets its published contract, references included", () => {
    const others = {...tables, ...out};
    for (const [name, columns] of Object.entries(out)) expect(checkTable(SCHEMAS[name as SessionTableName], columns, others)).toEqual([]);
  });

  it("duration_s is end_ts - start_ts of the published timestamps, in the native tables as in the assembled ones", () => {
    const s = plain(tables.moderator_sessions) as Record<string, number[]>;
    expect(s.duration_s).toEqual(s.start_ts.map((start, i) => Math.round((s.end_ts[i] - start) / 100) / 10));
  });
});
