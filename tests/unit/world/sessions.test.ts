import {describe, expect, it} from "vitest";
import {ACTIONS, ROUTES, DECISION_KEYS, IDLE_TYPES, ITEM_STATUSES} from "../../../src/core/constants.js";
import type {Flags} from "../../../src/world/flags.js";
import {createRng} from "../../../src/core/random.js";
import type {Review} from "../../../src/world/review.js";
import {generateReviewers, type Reviewers} from "../../../src/world/reviewers.js";
import {BREAK_MS, generateSessions, type ModeratorSessions} from "../../../src/world/sessions.js";
import {simulate} from "../../../src/world/simulate.js";

const HUMAN = ROUTES.indexOf("human_review");
const NONE = ACTIONS.indexOf("none");
const MINUTE = 60_000;
/** Thursday 2025-03-06 00:00 UTC: reviewer 0 (Manila, 00-08 UTC) and reviewer 1 (Dublin, 08-16 UTC) both work. */
const THURSDAY = Date.UTC(2025, 2, 6);
const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

interface Case {
  reviewer: number;
  start: number;
  minutes: number;
  enforced?: boolean;
}

/** A hand-checkable world: one flag per case, all human-reviewed, plus one auto-dismissed flag. */
function fixture(cases: Case[], reviewers: Reviewers = generateReviewers(createRng(1), 2, 8)) {
  const n = cases.length + 1;
  const z = () => new Float64Array(n);
  const flags = {
    length: n,
    ts: z(),
    day: new Int16Array(n),
    country: new Uint8Array(n),
    category: new Uint8Array(n),
    source: new Uint8Array(n),
    severity: new Uint8Array(n),
    surface: new Uint8Array(n),
    mlScore: new Float32Array(n).fill(0.5),
    isViolation: new Uint8Array(n),
    coordinated: new Uint8Array(n),
    attack: new Int8Array(n).fill(-1),
    actor: Int32Array.from({length: n}, (_, i) => i % 3),
    target: new Int32Array(n).fill(-1),
    template: new Int16Array(n)
  } satisfies Flags;
  const review = {
    route: new Uint8Array(n).fill(HUMAN),
    action: new Uint8Array(n).fill(NONE),
    reviewer: new Int16Array(n).fill(-1),
    start: z(),
    decided: z(),
    ttaHours: new Float32Array(n),
    slaBreached: new Uint8Array(n),
    appealed: new Uint8Array(n),
    appealTs: z(),
    overturned: new Uint8Array(n),
    countryLeniency: new Float64Array(11)
  } satisfies Review;
  cases.forEach((c, i) => {
    review.reviewer[i] = c.reviewer;
    review.start[i] = c.start;
    review.decided[i] = c.start + c.minutes * MINUTE;
    if (c.enforced) review.action[i] = 0;
  });
  review.route[n - 1] = ROUTES.indexOf("auto_dismiss");
  return {flags, review, reviewers, dates: ["2025-03-01"]};
}

/** The invariants every output must satisfy, for any input: returns the first few violations. */
function invariantErrors(out: ModeratorSessions, input: {flags: Flags; review: Review}): string[] {
  const {sessions: s, items, idle} = out;
  const {flags, review} = input;
  const errors: string[] = [];
  const check = (ok: boolean, message: () => string) => {
    if (!ok && errors.length < 10) errors.push(message());
  };
  // Every human-reviewed flag is decided exactly once, as a completed item with the right key.
  const seen = new Int32Array(flags.length);
  for (let k = 0; k < items.length; k++) {
    const f = items.flag[k];
    if (f < 0) {
      check(DECISION_KEYS[items.decision[k]] === "none", () => `context item ${k} has a decision`);
      check(items.content[k] >= flags.length, () => `context item ${k} has a flag's content id`);
      continue;
    }
    seen[f]++;
    check(ITEM_STATUSES[items.status[k]] === "completed", () => `case item ${k} not completed`);
    check(DECISION_KEYS[items.decision[k]] === (review.action[f] !== NONE ? "accept" : "reject"), () => `case item ${k} has the wrong decision`);
    check(items.content[k] === f, () => `case item ${k} content ${items.content[k]} is not its flag ${f}`);
    check(items.loops[k] >= 1, () => `case item ${k} has no loop`);
    // The decision keypress is the queue's decision time.
    check(Math.abs(items.start[k] + items.viewS[k] * 1000 - review.decided[f]) < 200, () => `case item ${k} does not end at its decision`);
    check(s.reviewer[items.session[k]] === review.reviewer[f], () => `case item ${k} is in another reviewer's session`);
  }
  for (let i = 0; i < flags.length; i++) check(seen[i] === (review.route[i] === HUMAN ? 1 : 0), () => `flag ${i} decided ${seen[i]} times`);
  // Sessions of one reviewer are ordered and do not overlap.
  for (let k = 0; k < s.length; k++) {
    check(s.end[k] >= s.start[k], () => `session ${k} ends before it starts`);
    // Durations are end - start of the published (whole-millisecond) times, to 0.1 s.
    check(Math.abs(s.durationS[k] - (Math.round(s.end[k]) - Math.round(s.start[k])) / 1000) <= 0.05 + 1e-9, () => `session ${k} duration`);
    if (k > 0) check(s.reviewer[k] >= s.reviewer[k - 1], () => `session ${k} out of reviewer order`);
    if (k > 0 && s.reviewer[k] === s.reviewer[k - 1]) check(s.start[k] > s.end[k - 1], () => `session ${k} overlaps session ${k - 1}`);
  }
  // Items and idle periods lie inside their session; the per-session counts and sums agree with them.
  const count = new Int32Array(s.length);
  const cases = new Int32Array(s.length);
  const idleSum = [new Float64Array(s.length), new Float64Array(s.length)];
  for (let k = 0; k < items.length; k++) {
    const j = items.session[k];
    check(items.index[k] === count[j]++, () => `item ${k} index`);
    if (items.flag[k] >= 0) cases[j]++;
    check(items.start[k] >= s.start[j] - 1e-3 && items.start[k] + items.viewS[k] * 1000 <= s.end[j] + 1, () => `item ${k} outside session ${j}`);
    if (k > 0 && items.session[k - 1] === j) check(items.start[k] >= items.start[k - 1] + items.viewS[k - 1] * 1000 - 1, () => `item ${k} overlaps the previous view`);
    if (ITEM_STATUSES[items.status[k]] !== "completed") check(items.loops[k] === 0, () => `unfinished item ${k} has loops`);
  }
  for (let k = 0; k < idle.length; k++) {
    const j = idle.session[k];
    check(idle.durationS[k] > 0 && idle.durationS[k] * 1000 < BREAK_MS, () => `idle ${k} lasts ${idle.durationS[k]} s`);
    check(idle.start[k] >= s.start[j] - 1e-3 && idle.start[k] + idle.durationS[k] * 1000 <= s.end[j] + 1e-3, () => `idle ${k} outside session ${j}`);
    idleSum[idle.type[k]][j] += idle.durationS[k];
  }
  for (let j = 0; j < s.length; j++) {
    check(s.items[j] === count[j] && s.cases[j] === cases[j], () => `session ${j} counts`);
    check(s.uniqueItems[j] <= s.items[j] && s.uniqueItems[j] >= Math.min(1, s.items[j]), () => `session ${j} unique items`);
    check(Math.abs(s.idleInactivityS[j] - idleSum[0][j]) < 0.05 && Math.abs(s.idlePauseS[j] - idleSum[1][j]) < 0.05, () => `session ${j} idle sums`);
  }
  return errors;
}

function checkInvariants(out: ModeratorSessions, input: {flags: Flags; review: Review}): void {
  expect(invariantErrors(out, input)).toEqual([]);
}

describe("generateSessions", () => {
  it("generateSessions(rng, input) with no human-reviewed flag returns empty tables", () => {
    const input = fixture([]);
    const out = generateSessions(createRng(1), input);
    expect([out.sessions.length, out.items.length, out.idle.length]).toEqual([0, 0, 0]);
  });

  it("generateSessions(rng, input) decides one short case in one session ending at its decision", () => {
    const input = fixture([{reviewer: 1, start: THURSDAY + 9 * 60 * MINUTE, minutes: 12, enforced: true}]);
    const out = generateSessions(createRng(1), input);
    checkInvariants(out, input);
    expect(out.sessions.length).toBe(1);
    expect(out.sessions.start[0]).toBe(input.review.start[0]);
    expect(out.sessions.end[0]).toBe(input.review.decided[0]);
    expect(out.sessions.cases[0]).toBe(1);
    const k = out.items.flag.indexOf(0);
    expect(DECISION_KEYS[out.items.decision[k]]).toBe("accept");
  });

  it("generateSessions(rng, input) links every decided case once", () => {
    const cases: Case[] = [];
    for (let j = 0; j < 10; j++) cases.push({reviewer: 0, start: THURSDAY + j * 41 * MINUTE, minutes: 40, enforced: j % 3 === 0});
    for (let j = 0; j < 6; j++) cases.push({reviewer: 1, start: THURSDAY + 8 * 60 * MINUTE + j * 75 * MINUTE, minutes: 70});
    const input = fixture(cases);
    for (const seed of [1, 2, 3]) checkInvariants(generateSessions(createRng(seed), input), input);
  });

  it("generateSessions(rng, input) starts a new session after a break longer than the timeout, and records a short wait as inactivity", () => {
    const start = THURSDAY + 9 * 60 * MINUTE;
    const short = fixture([
      {reviewer: 1, start, minutes: 10},
      {reviewer: 1, start: start + 15 * MINUTE, minutes: 10}
    ]);
    const one = generateSessions(createRng(1), short);
    checkInvariants(one, short);
    expect(one.sessions.length).toBe(1);
    const wait = Array.from({length: one.idle.length}, (_, k) => k).filter((k) => one.idle.start[k] === short.review.decided[0]);
    expect(wait.length).toBe(1);
    expect(IDLE_TYPES[one.idle.type[wait[0]]]).toBe("inactivity");
    expect(one.idle.durationS[wait[0]]).toBe(300);
    const long = fixture([
      {reviewer: 1, start, minutes: 10},
      {reviewer: 1, start: start + 10 * MINUTE + BREAK_MS + 1, minutes: 10}
    ]);
    const two = generateSessions(createRng(1), long);
    checkInvariants(two, long);
    expect(two.sessions.length).toBe(2);
  });

  it("generateSessions(rng, input) ends a session at shift end even without a break", () => {
    // Back-to-back day shifts (a 24-hour rota): a 10-minute gap across midnight still starts a new session.
    const reviewers = generateReviewers(createRng(1), 1, 8);
    reviewers.shifts[0] = {startHour: 0, hours: 24, workdays: [true, true, true, true, true, true, true]};
    const midnight = THURSDAY + 86_400_000;
    const input = fixture(
      [
        {reviewer: 0, start: midnight - 30 * MINUTE, minutes: 25},
        {reviewer: 0, start: midnight + 5 * MINUTE, minutes: 10},
        {reviewer: 0, start: midnight + 20 * MINUTE, minutes: 10}
      ],
      reviewers
    );
    const out = generateSessions(createRng(1), input);
    checkInvariants(out, input);
    expect(out.sessions.length).toBe(2);
    expect(Array.from(out.sessions.cases)).toEqual([1, 2]);
  });

  it("generateSessions(rng, input) splits a case across sessions when the reviewer is away on other queues", () => {
    // A 5-hour case window: a low-focus day. The decision lands in a later session than the case's start.
    const input = fixture([{reviewer: 1, start: THURSDAY + 8 * 60 * MINUTE, minutes: 300}]);
    const out = generateSessions(createRng(4), input);
    checkInvariants(out, input);
    const k = out.items.flag.indexOf(0);
    expect(out.sessions.start[out.items.session[k]]).toBeGreaterThan(input.review.start[0] + BREAK_MS);
  });

  it("generateSessions(rng, input) rejects overlapping cases of one reviewer", () => {
    const input = fixture([
      {reviewer: 0, start: THURSDAY, minutes: 30},
      {reviewer: 0, start: THURSDAY + 10 * MINUTE, minutes: 30}
    ]);
    expect(() => generateSessions(createRng(1), input)).toThrow(/invalid review: reviewer 0's case 1/);
  });

  it("generateSessions(rng, input) gives idler reviewers more idle time per session hour", () => {
    const reviewers = generateReviewers(createRng(1), 2, 8);
    reviewers.idleness[0] = 0.4;
    reviewers.idleness[1] = 2.2;
    reviewers.speed.fill(1);
    // The same workload for both: 30 workdays of back-to-back 35-minute cases through each shift (no queue waits).
    const cases: Case[] = [];
    for (let day = 0; day < 42; day++) {
      const t = THURSDAY + day * 86_400_000;
      const dow = new Date(t).getUTCDay();
      for (let r = 0; r < 2; r++) {
        if (!reviewers.shifts[r].workdays[dow]) continue;
        const from = t + reviewers.shifts[r].startHour * 60 * MINUTE;
        for (let j = 0; j < 13; j++) cases.push({reviewer: r, start: from + j * 35 * MINUTE, minutes: 35});
      }
    }
    const input = fixture(cases, reviewers);
    const out = generateSessions(createRng(9), input);
    checkInvariants(out, input);
    const idle = [0, 0];
    const hours = [0, 0];
    for (let k = 0; k < out.sessions.length; k++) {
      const r = out.sessions.reviewer[k];
      idle[r] += out.sessions.idleInactivityS[k] + out.sessions.idlePauseS[k];
      hours[r] += out.sessions.durationS[k] / 3600;
    }
    expect(idle[1] / hours[1]).toBeGreaterThan(2.5 * (idle[0] / hours[0]));
  });
});

describe("generateSessions on simulate({seed: 42, scale: 0.2})", () => {
  const world = simulate({seed: 42, scale: 0.2});
  const out = world.sessions;

  it("generateSessions(...) links every human-reviewed flag to one completed item with its decision, inside session bounds", () => {
    checkInvariants(out, world);
    expect(out.sessions.length).toBeGreaterThan(100);
  });

  it("generateSessions(...) views context items with every status, and mutes sound on 30-45% of items", () => {
    const status = [0, 0, 0];
    let muted = 0;
    for (let k = 0; k < out.items.length; k++) {
      status[out.items.status[k]]++;
      muted += out.items.soundMuted[k];
    }
    for (const c of status) expect(c).toBeGreaterThan(0);
    expect(muted / out.items.length).toBeGreaterThan(0.3);
    expect(muted / out.items.length).toBeLessThan(0.45);
    const types = [0, 0];
    for (let k = 0; k < out.idle.length; k++) types[out.idle.type[k]]++;
    expect(types[0]).toBeGreaterThan(0);
    expect(types[1]).toBeGreaterThan(0);
  });

  it("generateSessions(rng, ...) is deterministic: the same seed gives identical tables, another seed differs", () => {
    const again = generateSessions(createRng(42).fork("sessions"), world);
    for (const table of ["sessions", "items", "idle"] as const) {
      for (const [name, column] of Object.entries(out[table])) {
        const copy = (again[table] as unknown as Record<string, unknown>)[name];
        if (typeof column === "number") expect(copy).toBe(column);
        else expect(Buffer.compare(bytes(copy as ArrayBufferView), bytes(column as ArrayBufferView)), `${table}.${name}`).toBe(0);
      }
    }
    const other = generateSessions(createRng(43).fork("sessions"), world);
    expect(other.items.length === out.items.length && other.items.viewS.every((v, k) => v === out.items.viewS[k])).toBe(false);
  });
});
