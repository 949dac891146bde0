import {beforeAll, describe, expect, it} from "vitest";
import type {Columns} from "../../src/io/schema.js";
import type {TableName} from "../../src/io/contracts.js";
import {DETAILED_MODERATORS, SESSION_SAMPLE_ROWS, sessionSampleRate} from "../../src/core/sampling.js";
import {simulate, type World} from "../../src/world/simulate.js";
import {buildTables} from "../../src/world/tables.js";

/**
 * At scale 3 the world has about 37,000 sessions and 60 moderators: more than the moderator page's
 * session sample and day tables keep, while moderator_sessions still holds every session.
 */
const SCALE = 3;
let world: World;
let t: Record<TableName, Columns>;
beforeAll(() => {
  world = simulate({seed: 42, scale: SCALE});
  t = buildTables(world);
});

const ids = (c: Columns, name = "session_id") => Array.from(c[name] as ArrayLike<number>);

describe(`the moderator page's bounded tables at scale ${SCALE}`, () => {
  it("session_sample holds about SESSION_SAMPLE_ROWS sessions, with moderator_sessions' values", () => {
    const n = world.sessions.sessions.length;
    expect(sessionSampleRate(n)).toBeLessThan(1);
    const sample = ids(t.session_sample);
    expect(Math.abs(sample.length - SESSION_SAMPLE_ROWS)).toBeLessThanOrEqual(SESSION_SAMPLE_ROWS * 0.002);
    const row = new Map(ids(t.moderator_sessions).map((id, k) => [id, k]));
    const rows = sample.map((id) => row.get(id)!);
    for (const name of Object.keys(t.session_sample)) expect(Array.from(t.session_sample[name] as ArrayLike<unknown>), name).toEqual(rows.map((j) => t.moderator_sessions[name][j]));
  });

  it("idle_sample holds every idle period of the sampled sessions and no other", () => {
    const kept = new Set(ids(t.session_sample));
    const expected = ids(t.idle_periods).flatMap((id, j) => (kept.has(id) ? [[id, t.idle_periods.idle_type[j], t.idle_periods.duration_s[j]]] : []));
    const got = ids(t.idle_sample).map((id, k) => [id, t.idle_sample.idle_type[k], t.idle_sample.duration_s[k]]);
    expect(got).toEqual(expected);
  });

  it("the team's day rows count every session, so the page can state the sample's rate", () => {
    const team = ids(t.moderator_days, "sessions").filter((_, k) => t.moderator_days.reviewer_id[k] === null);
    expect(team.reduce((a, b) => a + b, 0)).toBe(world.sessions.sessions.length);
  });

  it("moderator_days and item_view_days have rows of their own for the first DETAILED_MODERATORS moderators only", () => {
    expect(world.reviewers.id.length).toBeGreaterThan(DETAILED_MODERATORS);
    const first = world.reviewers.id.slice(0, DETAILED_MODERATORS);
    for (const name of ["moderator_days", "item_view_days"] as const) {
      const listed = [...new Set(Array.from(t[name].reviewer_id as ArrayLike<string | null>).filter((r) => r !== null))].sort();
      expect(listed, name).toEqual([...first].sort());
    }
  });
});
