import type {Columns} from "../../io/schema.js";
import {ACTOR_TYPES, DECISION_KEYS} from "../../core/constants.js";
import type {Flags} from "../flags.js";
import type {DecisionSessions} from "../tables.js";
import {cell, labelIndex, required, rowCount, vocabularyIndex} from "./vocabulary.js";

/**
 * What the case view reads beyond the flags: the moderator sessions in which reviewers decided flags
 * (session_date and qa) and the posting accounts' types (ring_member, ground truth). Each is optional:
 * without moderator_sessions and session_items the case view's session_date and qa are null, without
 * users' actor_type its ring_member is null.
 */

/** The sessions' start times and their items' sessions, flags (-1 for a context item) and keys, from the imported tables. */
export function importedDecisionSessions(imported: Readonly<Record<string, Columns>>, flags: Flags): DecisionSessions | undefined {
  const {moderator_sessions: sessions, session_items: items} = imported;
  if (!sessions || !items) return undefined;
  const ids = required(sessions, "moderator_sessions", "session_id");
  const sessionIndex = new Map<unknown, number>();
  for (let s = 0; s < ids.length; s++) sessionIndex.set(ids[s], s);
  const flagIndex = labelIndex(flags.labels?.flag ?? [], (items.flag_id ?? []) as ArrayLike<number | null>);
  const decision = vocabularyIndex(DECISION_KEYS, "session_items", "decision");
  const n = rowCount(items);
  const out = {session: new Int32Array(n), flag: new Int32Array(n), decision: new Uint8Array(n)};
  for (let k = 0; k < n; k++) {
    const s = sessionIndex.get(cell(items, "session_id", k) as number);
    if (s === undefined) throw new Error(`import session_items row ${k + 1}, column session_id: ${cell(items, "session_id", k)} is not an imported session (broken reference)`);
    const flag = cell(items, "flag_id", k);
    out.session[k] = s;
    out.flag[k] = flag == null ? -1 : (flagIndex.get(flag as number) ?? -1);
    out.decision[k] = decision(cell(items, "decision", k), k);
  }
  return {sessions: {start: Float64Array.from(required(sessions, "moderator_sessions", "start_ts") as ArrayLike<number>)}, items: {length: n, ...out}};
}

/** Each account index of the flags (Flags.labels.user) to its actor type's index, ACTOR_TYPES.length where unknown. */
export function importedActorTypes(users: Columns | undefined, flags: Flags): {actorType: Uint8Array} | undefined {
  if (!users?.actor_type || !flags.labels) return undefined;
  const type = vocabularyIndex(ACTOR_TYPES, "users", "actor_type");
  const byId = new Map<string, number>();
  for (let k = 0; k < rowCount(users); k++) {
    const t = cell(users, "actor_type", k);
    if (t != null) byId.set(String(cell(users, "user_id", k)), type(t, k));
  }
  return {actorType: Uint8Array.from(flags.labels.user, (id) => byId.get(id) ?? ACTOR_TYPES.length)};
}
