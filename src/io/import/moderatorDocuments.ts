import type {Finding, Rule} from "./findings.js";
import {inert} from "./inert.js";
import type {RawTable} from "./validate.js";

/**
 * Moderator sessions stored as the moderator-session dashboard (seed 004) stores them: one JSON document
 * per moderator, in a table `moderator_documents` with a JSONB column `document`:
 *
 *     {"username": "R03", "sessions": [{"_id": "s1", "starttime": "2025-10-17T10:00:00Z", "endtime": "…",
 *       "duration": 1800, "videos": [{"videoId": "abc", "status": "Completed", "loopTime": 2,
 *       "keys": ["a"], "soundMuted": "no", "watched": true}], "inactivity": [{"type": "pause", "duration": 45}]}]}
 *
 * Each document becomes rows of three import tables, as text for the validator, which types them and
 * maps the platform's vocabulary through the mapping file like any file's values:
 *
 * - moderator_sessions: session_id, reviewer_id = username, start_ts = starttime, end_ts = endtime
 *   (a `duration` is reported by the validator as a derived column: the workbook takes end − start).
 * - session_items: one row per video in order (item_index from 0), content_id, status as written,
 *   decision = the key pressed (no key: "none"; several different keys: joined with "+", so the mapping
 *   file says what they mean), loops = loopTime, sound_muted = soundMuted (true/false, or yes/no).
 * - idle_periods: one row per inactivity entry: idle_type = type, duration_s = duration.
 *
 * Session `_id`s and `videoId`s are identifiers the workbook only compares (items per session, unique
 * items): each distinct one (a string, a number, or an object such as {"$oid": …} by its JSON text) is
 * numbered from 1 in reading order, so two sessions with one `_id` share
 * a session_id and the validator rejects both as a duplicate key. A value that is missing is null (the
 * validator reports it). A document, session or entry that is not the shape above cannot be read as
 * rows: it is a finding on moderator_documents (row = the document's position, column = the JSON path)
 * and that document or session gives no rows. Keys not listed here are a warning and are not read.
 */

export const MODERATOR_DOCUMENTS = "moderator_documents";
export const DOCUMENT_COLUMN = "document";
/** The import tables the documents hold. */
export const DOCUMENT_TABLES = ["moderator_sessions", "session_items", "idle_periods"] as const;

/** The keys read at each level of a document. */
const KEYS = {
  "$": ["username", "sessions", "_id"],
  "$.sessions[]": ["_id", "starttime", "endtime", "duration", "videos", "inactivity"],
  "$.sessions[].videos[]": ["videoId", "status", "keys", "soundMuted", "loopTime"],
  "$.sessions[].inactivity[]": ["type", "duration"]
} as const;
type Level = keyof typeof KEYS;

export interface DocumentTables {
  /** moderator_sessions, session_items and idle_periods, every value text or null. */
  raws: RawTable[];
  problems: Finding[];
  /** The platform's session `_id`s and `videoId`s: the one numbered n is at index n − 1. */
  sessionIds: string[];
  videoIds: string[];
}

type Json = null | boolean | number | string | Json[] | {[key: string]: Json};
type Row = (string | null)[];

/** Why a value cannot be read: thrown inside a document, caught per document or session. */
class Malformed extends Error {
  constructor(readonly path: string, readonly rule: Rule, readonly value: unknown, readonly expected: string) {
    super(`${path}: ${expected}`);
  }
}

const isObject = (v: unknown): v is {[key: string]: Json} => v !== null && typeof v === "object" && !Array.isArray(v);

function object(v: unknown, path: string): {[key: string]: Json} {
  if (!isObject(v)) throw new Malformed(path, "wrong type", v, "an object");
  return v;
}

/** A list; absent or null is an empty list (nothing recorded). */
function list(v: unknown, path: string): Json[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new Malformed(path, "wrong type", v, "an array");
  return v;
}

/** A scalar as the text a CSV would hold; absent or null is null. */
function scalar(v: unknown, path: string): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  throw new Malformed(path, "wrong type", v, "a string, number or boolean");
}

/** soundMuted: a JSON boolean, or the document format's yes/no (any case); anything else goes to the validator as written. */
function muted(v: unknown, path: string): string | null {
  const text = scalar(v, path);
  const word = text?.toLowerCase();
  return word === "yes" ? "true" : word === "no" ? "false" : text;
}

/** An identifier, only ever compared: a string or number as its text, an object such as {"$oid": …} as its JSON. */
function identifier(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** The decision key: none pressed is "none", one key itself, several different keys joined with "+". */
function decision(v: unknown, path: string): string | null {
  if (v === undefined || v === null) return null;
  const keys = [...new Set(list(v, path).map((k, i) => scalar(k, `${path}[${i}]`) ?? ""))];
  return keys.length === 0 ? "none" : keys.join("+");
}

/** Numbers each distinct identifier from 1 in the order met. */
class Numbering {
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  of(id: string | null): string | null {
    if (id === null) return null;
    let n = this.index.get(id);
    if (n === undefined) this.index.set(id, (n = this.ids.push(id)));
    return String(n);
  }
}

interface State {
  sessions: Row[];
  items: Row[];
  idle: Row[];
  sessionIds: Numbering;
  videoIds: Numbering;
  /** Unknown keys met, by path pattern (reported once each). */
  unknown: Map<string, string>;
  durations: boolean;
}

function noteUnknown(state: State, level: Level, value: {[key: string]: Json}): void {
  const known: readonly string[] = KEYS[level];
  for (const key of Object.keys(value)) if (!known.includes(key) && !state.unknown.has(`${level}.${key}`)) state.unknown.set(`${level}.${key}`, key);
}

/** One session's rows, or a Malformed thrown before any of them is kept. */
function sessionRows(state: State, reviewer: string | null, value: unknown, path: string): {session: Row; items: Row[]; idle: Row[]} {
  const s = object(value, path);
  noteUnknown(state, "$.sessions[]", s);
  const id = identifier(s._id);
  const session = [id, reviewer, scalar(s.starttime, `${path}.starttime`), scalar(s.endtime, `${path}.endtime`), scalar(s.duration, `${path}.duration`)];
  const items = list(s.videos, `${path}.videos`).map((v, i) => {
    const at = `${path}.videos[${i}]`;
    const video = object(v, at);
    noteUnknown(state, "$.sessions[].videos[]", video);
    return [null, String(i), identifier(video.videoId), scalar(video.status, `${at}.status`), decision(video.keys, `${at}.keys`), scalar(video.loopTime, `${at}.loopTime`), muted(video.soundMuted, `${at}.soundMuted`)];
  });
  const idle = list(s.inactivity, `${path}.inactivity`).map((v, i) => {
    const at = `${path}.inactivity[${i}]`;
    const entry = object(v, at);
    noteUnknown(state, "$.sessions[].inactivity[]", entry);
    return [null, scalar(entry.type, `${at}.type`), scalar(entry.duration, `${at}.duration`)];
  });
  return {session, items, idle};
}

/** Numbers a session read whole and keeps its rows (identifiers are numbered only for rows kept). */
function keepSession(state: State, rows: {session: Row; items: Row[]; idle: Row[]}): void {
  const id = state.sessionIds.of(rows.session[0]);
  if (rows.session[4] !== null) state.durations = true;
  state.sessions.push([id, ...rows.session.slice(1)]);
  for (const item of rows.items) state.items.push([id, item[1], state.videoIds.of(item[2]), ...item.slice(3)]);
  for (const entry of rows.idle) state.idle.push([id, ...entry.slice(1)]);
}

const finding = (row: number, column: string, rule: Rule, value: string, detail: string, severity: Finding["severity"] = "error"): Finding => ({table: MODERATOR_DOCUMENTS, row, column, rule, value, detail, severity});

const problemOf = (row: number, e: Malformed, what: string): Finding => finding(row, e.path, e.rule, inert(e.value === undefined ? null : JSON.stringify(e.value)), `${e.expected} (${what} not read)`);

/** One document's sessions kept, each malformed session (or the whole malformed document) a finding. */
function readDocument(state: State, text: string | null, row: number, problems: Finding[]): void {
  if (text === null) return void problems.push(finding(row, "$", "missing value", "", "a JSON document (the document is null)"));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return void problems.push(finding(row, "$", "wrong type", inert(text), `a JSON document (${(error as Error).message}; the document not read)`));
  }
  let sessions: Json[];
  let reviewer: string | null;
  try {
    const doc = object(parsed, "$");
    noteUnknown(state, "$", doc);
    reviewer = scalar(doc.username, "$.username");
    if (doc.sessions === undefined || doc.sessions === null) throw new Malformed("$.sessions", "missing value", doc.sessions, "an array of sessions");
    sessions = list(doc.sessions, "$.sessions");
  } catch (error) {
    if (error instanceof Malformed) return void problems.push(problemOf(row, error, "the document"));
    throw error;
  }
  sessions.forEach((s, i) => {
    try {
      keepSession(state, sessionRows(state, reviewer, s, `$.sessions[${i}]`));
    } catch (error) {
      if (!(error instanceof Malformed)) throw error;
      problems.push(problemOf(row, error, `session ${i}`));
    }
  });
}

/** The documents' sessions, items and idle periods as raw import tables, with every malformed part a finding. */
export function documentTables(documents: readonly (string | null)[]): DocumentTables {
  const state: State = {sessions: [], items: [], idle: [], sessionIds: new Numbering(), videoIds: new Numbering(), unknown: new Map(), durations: false};
  const problems: Finding[] = [];
  documents.forEach((text, i) => readDocument(state, text, i + 1, problems));
  for (const [path] of state.unknown) problems.push({table: MODERATOR_DOCUMENTS, row: null, column: inert(path), rule: "unknown column", value: "", detail: "not read: the keys read are listed in README (moderator documents)", severity: "warning"});
  const file = MODERATOR_DOCUMENTS;
  const sessionHeader = ["session_id", "reviewer_id", "start_ts", "end_ts", "duration_s"];
  const raws: RawTable[] = [
    {table: "moderator_sessions", file, header: state.durations ? sessionHeader : sessionHeader.slice(0, 4), rows: state.durations ? state.sessions : state.sessions.map((r) => r.slice(0, 4))},
    {table: "session_items", file, header: ["session_id", "item_index", "content_id", "status", "decision", "loops", "sound_muted"], rows: state.items},
    {table: "idle_periods", file, header: ["session_id", "idle_type", "duration_s"], rows: state.idle}
  ];
  return {raws, problems, sessionIds: state.sessionIds.ids, videoIds: state.videoIds.ids};
}
