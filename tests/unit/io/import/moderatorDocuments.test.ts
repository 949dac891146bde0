import {describe, expect, it} from "vitest";
import {IMPORT_TABLES} from "../../../../src/io/import/contract.js";
import {documentTables} from "../../../../src/io/import/moderatorDocuments.js";
import {validateImport} from "../../../../src/io/import/validate.js";

/** The document of seed 004's README, verbatim apart from the username (a reviewer id here). */
const SEED_004 = {
  username: "R03",
  sessions: [
    {
      _id: "session123",
      starttime: "2025-10-17T10:00:00Z",
      endtime: "2025-10-17T10:30:00Z",
      duration: 1800,
      videos: [{videoId: "abc123", status: "Completed", watched: true, loopTime: 2, keys: ["a"], soundMuted: "no"}],
      inactivity: [{type: "pause", duration: 45}]
    }
  ]
};

/** A second moderator: two sessions, a repeated video, every form of keys, an unmapped status. */
const SECOND = {
  username: "R07",
  sessions: [
    {
      _id: "s-2",
      starttime: "2025-10-17T11:00:00Z",
      endtime: "2025-10-17T11:20:00Z",
      videos: [
        {videoId: "v9", status: "Partial", loopTime: 0, keys: [], soundMuted: true},
        {videoId: "abc123", status: "Completed", loopTime: 1, keys: ["r", "r"], soundMuted: "Yes"},
        {videoId: "v9", status: "Skipped", loopTime: 0, keys: ["a", "r"], soundMuted: false}
      ],
      inactivity: [{type: "inactivity", duration: 120.5}, {type: "Pause", duration: 30}]
    },
    {_id: {$oid: "65f0c0ffee"}, starttime: "2025-10-17T12:00:00Z", endtime: "2025-10-17T12:05:00Z"}
  ]
};

const texts = (...docs: unknown[]) => docs.map((d) => JSON.stringify(d));
const rowsOf = (raws: ReturnType<typeof documentTables>["raws"], table: string) => raws.find((r) => r.table === table)!;

describe("documentTables(documents)", () => {
  it("turns seed 004's document into one session, its video and its idle period", () => {
    const {raws, problems, sessionIds, videoIds} = documentTables(texts(SEED_004));
    expect(rowsOf(raws, "moderator_sessions")).toEqual({table: "moderator_sessions", file: "moderator_documents", header: ["session_id", "reviewer_id", "start_ts", "end_ts", "duration_s"], rows: [["1", "R03", "2025-10-17T10:00:00Z", "2025-10-17T10:30:00Z", "1800"]]});
    expect(rowsOf(raws, "session_items").header).toEqual(["session_id", "item_index", "content_id", "status", "decision", "loops", "sound_muted"]);
    expect(rowsOf(raws, "session_items").rows).toEqual([["1", "0", "1", "Completed", "a", "2", "false"]]);
    expect(rowsOf(raws, "idle_periods")).toMatchObject({header: ["session_id", "idle_type", "duration_s"], rows: [["1", "pause", "45"]]});
    expect(sessionIds).toEqual(["session123"]);
    expect(videoIds).toEqual(["abc123"]);
    // "watched" is not a key the import reads: one warning, not an error.
    expect(problems).toEqual([expect.objectContaining({table: "moderator_documents", row: null, column: '"$.sessions[].videos[].watched"', rule: "unknown column", severity: "warning"})]);
  });

  it("numbers identifiers in reading order across documents, and reads keys, yes/no and absent lists as written", () => {
    const {raws, sessionIds, videoIds} = documentTables(texts(SEED_004, SECOND));
    expect(rowsOf(raws, "moderator_sessions").rows.map((r) => r.slice(0, 2))).toEqual([["1", "R03"], ["2", "R07"], ["3", "R07"]]);
    expect(rowsOf(raws, "session_items").rows).toEqual([
      ["1", "0", "1", "Completed", "a", "2", "false"],
      ["2", "0", "2", "Partial", "none", "0", "true"],
      ["2", "1", "1", "Completed", "r", "1", "true"],
      ["2", "2", "2", "Skipped", "a+r", "0", "false"]
    ]);
    expect(rowsOf(raws, "idle_periods").rows).toEqual([["1", "pause", "45"], ["2", "inactivity", "120.5"], ["2", "Pause", "30"]]);
    expect(sessionIds).toEqual(["session123", "s-2", '{"$oid":"65f0c0ffee"}']);
    expect(videoIds).toEqual(["abc123", "v9"]);
  });

  it("reports each malformed document or session at its JSON path and reads the rest", () => {
    const badSession = {username: "R09", sessions: [{_id: "ok", starttime: "2025-10-17T13:00:00Z", endtime: "2025-10-17T13:01:00Z"}, {_id: "bad", videos: [{videoId: "x", keys: {a: 1}}]}, "not a session"]};
    const docs = [...texts(SEED_004, ["an array"], {username: "R1", sessions: {}}, {username: {name: "R1"}, sessions: []}, {username: "R2"}), null, "{not json", ...texts(badSession)];
    const {raws, problems} = documentTables(docs);
    const errors = problems.filter((p) => p.severity === "error").map((p) => `${p.row}:${p.column}:${p.rule}:${p.value}`);
    expect(errors).toEqual([
      '2:$:wrong type:"[\\"an array\\"]"',
      "3:$.sessions:wrong type:\"{}\"",
      '4:$.username:wrong type:"{\\"name\\":\\"R1\\"}"',
      "5:$.sessions:missing value:",
      "6:$:missing value:",
      '7:$:wrong type:"{not json"',
      '8:$.sessions[1].videos[0].keys:wrong type:"{\\"a\\":1}"',
      '8:$.sessions[2]:wrong type:"\\"not a session\\""'
    ]);
    expect(problems.find((p) => p.row === 8)!.detail).toBe("an array (session 1 not read)");
    // Seed 004's session and R09's well-formed one; the malformed session's _id is never numbered.
    expect(rowsOf(raws, "moderator_sessions").rows.map((r) => [r[0], r[1]])).toEqual([["1", "R03"], ["2", "R09"]]);
    expect(rowsOf(raws, "session_items").rows).toHaveLength(1);
  });

  it("leaves typing, the mapping of the platform's names and duplicate sessions to the validator", () => {
    const twin = {username: "R07", sessions: [{_id: "s-2", starttime: "2025-10-18T09:00:00Z", endtime: "2025-10-18T09:30:00Z"}]};
    const {raws, problems} = documentTables(texts(SEED_004, SECOND, twin));
    const mapping = {status: {Completed: "completed", Partial: "partial"}, decision: {a: "accept", r: "reject"}, idle_type: {Pause: "pause"}};
    const tables = IMPORT_TABLES.filter((t) => ["moderator_sessions", "session_items", "idle_periods"].includes(t.name));
    const result = validateImport(raws, {mode: "quarantine", mapping, problems, tables});
    const errors = result.findings.filter((f) => f.severity === "error").map((f) => `${f.table}:${f.row}:${f.column}:${f.rule}:${f.value}`);
    expect(errors).toEqual([
      'moderator_sessions:2:session_id:duplicate key:"2"',
      'moderator_sessions:4:session_id:duplicate key:"2"',
      'session_items:4:status:unknown value:"Skipped"',
      'session_items:4:decision:unknown value:"a+r"',
      'session_items:2:session_id:rejected reference:"2"',
      'session_items:3:session_id:rejected reference:"2"',
      'session_items:4:session_id:rejected reference:"2"',
      'idle_periods:2:session_id:rejected reference:"2"',
      'idle_periods:3:session_id:rejected reference:"2"'
    ]);
    expect(result.findings.filter((f) => f.severity === "warning").map((f) => `${f.table}:${f.column}:${f.rule}`)).toEqual([
      'moderator_documents:"$.sessions[].videos[].watched":unknown column',
      "moderator_sessions:duration_s:derived column",
      "moderator_sessions:reviewer_id:unchecked reference"
    ]);
    const items = result.tables.find((t) => t.table === "session_items")!;
    expect(items.accepted).toMatchObject({status: ["completed"], decision: ["accept"], sound_muted: [false], loops: Float64Array.of(2)});
    for (const t of result.tables) expect(t.read).toBe(t.acceptedRows.length + t.rejected.length);
  });
});
