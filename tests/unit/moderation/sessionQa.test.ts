import {describe, expect, it} from "vitest";
import {SESSION_QA, sessionQa} from "../../../src/moderation/sessionQa.js";
import {checkTable} from "../../../src/io/schema.js";

const tables = {
  flags: {flag_id: [10, 11, 12, 13], is_violation: [true, false, true, false]},
  moderator_sessions: {session_id: [1, 2]},
  session_items: {
    session_id: [1, 1, 1, 2, 2, 2],
    flag_id: [10, 11, null, 12, 13, 99],
    decision: ["accept", "accept", "none", "reject", "reject", "accept"]
  }
};

describe("sessionQa", () => {
  it("sessionQa(tables) counts decisions that agree with is_violation", () => {
    // Session 1: accept on a violation (right), accept on benign (wrong), a context item (skipped).
    // Session 2: reject on a violation (wrong), reject on benign (right), a flag not published (skipped).
    const qa = sessionQa(tables);
    expect(qa).toEqual({session_id: [1, 2], cases_checked: [2, 2], cases_correct: [1, 1]});
  });
  it("sessionQa(tables) satisfies its contract", () => {
    expect(checkTable(SESSION_QA, sessionQa(tables), null)).toEqual([]);
  });
  it("sessionQa(no items) gives zero counts per session", () => {
    expect(sessionQa({...tables, session_items: {session_id: [], flag_id: [], decision: []}}).cases_checked).toEqual([0, 0]);
  });
});
