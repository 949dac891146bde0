import type {TableName} from "../io/contracts.js";
import type {Columns, TableSchema} from "../io/schema.js";

/**
 * Decision quality per moderator session: how many of the session's decisions can be checked against
 * the ground truth (the decided flag is published) and how many agree with it. An accept (enforce) is
 * correct on a true violation, a reject (dismiss) on benign content; this is the QA pass rate of seed
 * 003's KPI table with the world's truth as the QA reviewer.
 */
export const SESSION_QA: TableSchema = {
  name: "session_qa",
  description: "Per moderator session: decisions checked against ground truth and decisions that agree with it.",
  grain: "session",
  key: ["session_id"],
  columns: [
    {name: "session_id", type: "int", unique: true, min: 0, description: "Session identifier (moderator_sessions)."},
    {name: "cases_checked", type: "int", min: 0, description: "Decisions whose flag is published, so its truth is known."},
    {name: "cases_correct", type: "int", min: 0, description: "Decisions that agree with the flag's is_violation."}
  ]
};

type Tables = Pick<Record<TableName, Columns>, "moderator_sessions" | "session_items" | "flags">;

export function sessionQa(tables: Tables): Columns {
  const flags = tables.flags as Record<string, ArrayLike<unknown>>;
  const truth = new Map<number, boolean>();
  for (let i = 0; i < flags.flag_id.length; i++) truth.set(flags.flag_id[i] as number, flags.is_violation[i] as boolean);
  const sessions = tables.moderator_sessions.session_id as ArrayLike<number>;
  const index = new Map<number, number>();
  for (let i = 0; i < sessions.length; i++) index.set(sessions[i], i);
  const checked = new Array(sessions.length).fill(0);
  const correct = new Array(sessions.length).fill(0);
  const items = tables.session_items as Record<string, ArrayLike<unknown>>;
  for (let i = 0; i < items.session_id.length; i++) {
    const decision = items.decision[i] as string;
    if (decision === "none") continue;
    const flag = items.flag_id[i] as number | null;
    const s = index.get(items.session_id[i] as number);
    if (flag === null || s === undefined) continue;
    const violation = truth.get(flag);
    if (violation === undefined) continue;
    checked[s]++;
    if ((decision === "accept") === violation) correct[s]++;
  }
  return {session_id: Array.from(sessions), cases_checked: checked, cases_correct: correct};
}
