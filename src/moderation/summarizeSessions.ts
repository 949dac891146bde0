import {binDurations, durationEdges, type DurationBin} from "./binDurations.js";

/**
 * Everything the moderator-session dashboard shows, for a set of moderator sessions (all of them, or one
 * moderator's): item completion status, session-duration bins, idle periods by type, decisions,
 * sound muted, unique items per session, the total item count, and the workbook's additions
 * (decisions per hour, QA pass rate against ground truth, idle share). Rows are the published tables'
 * rows as pages read them (timestamps as Date or epoch ms).
 */

type Time = Date | number;

export interface SessionRow {
  session_id: number;
  reviewer_id: string;
  start_ts: Time;
  duration_s: number;
  items: number;
  unique_items: number;
  cases: number;
  idle_inactivity_s: number;
  idle_pause_s: number;
}

export interface ItemRow {
  session_id: number;
  content_id: number;
  status: string;
  decision: string;
  sound_muted: boolean;
}

export interface IdleRow {
  session_id: number;
  idle_type: string;
  duration_s: number;
}

export interface QaRow {
  session_id: number;
  cases_checked: number;
  cases_correct: number;
}

export interface SessionSummary {
  sessions: number;
  hours: number;
  itemViews: number;
  /** Distinct content items viewed across the sessions (the moderator-session dashboard's total video count). */
  uniqueItems: number;
  cases: number;
  decisionsPerHour: number;
  status: {status: string; count: number}[];
  decisions: {decision: string; count: number}[];
  sound: {muted: boolean; count: number}[];
  mutedShare: number;
  durations: DurationBin[];
  idle: IdleRow[];
  idleSeconds: {inactivity: number; pause: number};
  /** Idle seconds / session seconds. */
  idleShare: number;
  checked: number;
  correct: number;
  qaPass: number;
}

export const ITEM_STATUS_ORDER = ["completed", "partial", "not_started"];
export const DECISION_ORDER = ["accept", "reject", "none"];

export function summarizeSessions(sessions: readonly SessionRow[], items: readonly ItemRow[], idle: readonly IdleRow[], qa: readonly QaRow[], {edges}: {edges?: number[]} = {}): SessionSummary {
  const ids = new Set<number>();
  let seconds = 0, views = 0, cases = 0, inactivity = 0, pause = 0;
  for (const s of sessions) {
    ids.add(s.session_id);
    seconds += s.duration_s;
    views += s.items;
    cases += s.cases;
    inactivity += s.idle_inactivity_s;
    pause += s.idle_pause_s;
  }
  const status = new Map(ITEM_STATUS_ORDER.map((k) => [k, 0]));
  const decisions = new Map(DECISION_ORDER.map((k) => [k, 0]));
  let muted = 0, unmuted = 0;
  const content = new Set<number>();
  for (const item of items) {
    if (!ids.has(item.session_id)) continue;
    status.set(item.status, (status.get(item.status) ?? 0) + 1);
    decisions.set(item.decision, (decisions.get(item.decision) ?? 0) + 1);
    if (item.sound_muted) muted++;
    else unmuted++;
    content.add(item.content_id);
  }
  let checked = 0, correct = 0;
  for (const q of qa) if (ids.has(q.session_id)) {
    checked += q.cases_checked;
    correct += q.cases_correct;
  }
  const durations = sessions.map((s) => s.duration_s);
  const hours = seconds / 3600;
  return {
    sessions: sessions.length,
    hours,
    itemViews: views,
    uniqueItems: content.size,
    cases,
    decisionsPerHour: hours > 0 ? cases / hours : NaN,
    status: [...status].map(([k, count]) => ({status: k, count})),
    decisions: [...decisions].map(([k, count]) => ({decision: k, count})),
    sound: [{muted: true, count: muted}, {muted: false, count: unmuted}],
    mutedShare: muted + unmuted > 0 ? muted / (muted + unmuted) : NaN,
    durations: binDurations(durations, edges ?? durationEdges(Math.max(0, ...durations))),
    idle: idle.filter((d) => ids.has(d.session_id)),
    idleSeconds: {inactivity, pause},
    idleShare: seconds > 0 ? (inactivity + pause) / seconds : NaN,
    checked,
    correct,
    qaPass: checked > 0 ? correct / checked : NaN
  };
}
