import {ACTIONS, CATEGORIES, ROUTES} from "./constants.js";
import type {Flags} from "./flags.js";
import {nextOnShift} from "./queue.js";
import {chance, int, lognormal, poisson, type Rng} from "./random.js";
import type {Review} from "./review.js";
import type {Reviewers} from "./reviewers.js";

/**
 * Moderator sessions (seed 004): the review tool's log of each reviewer's working sessions, derived
 * from the review queue's actual work so that it agrees with the flags table case by case.
 *
 * A case occupies its reviewer from `review.start` to `review.decided`. Part of that window is engaged
 * time in the tool (opening context items, watching the flagged item, idling); in a long case window
 * the rest is work outside the tool (notes, lookups, other tools). The tool ends a session after BREAK_MS without input,
 * so an away stretch longer than that splits a case across two sessions: its context items in one, the
 * flagged item and the decision keypress (at `review.decided`) in the next. Sessions also end at shift
 * end and at breaks; a case finished into a break with the next opened at once continues the session.
 * Idle periods (short stretches without input inside a session) come from the reviewer's
 * idleness and from waiting on an empty queue.
 */

export const ITEM_STATUSES = ["completed", "partial", "not_started"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
/** The reviewer's keypress on an item: accept the report (enforce), reject it, or no decision (context). */
export const DECISION_KEYS = ["accept", "reject", "none"] as const;
export type DecisionKey = (typeof DECISION_KEYS)[number];
export const IDLE_TYPES = ["inactivity", "pause"] as const;
export type IdleType = (typeof IDLE_TYPES)[number];

/** Context items per owner: content ids of context items are flags.length + owner * CONTEXT_SLOTS + slot. */
export const CONTEXT_SLOTS = 6;
/** The tool's session timeout: a longer stretch without input ends the session. */
export const BREAK_MS = 20 * 60_000;

/** One row per session, ordered by reviewer, then start. */
export interface SessionTable {
  length: number;
  reviewer: Int16Array;
  /** ms since the epoch (fractional: the queue's times are not rounded). */
  start: Float64Array;
  end: Float64Array;
  durationS: Float64Array;
  /** Item views (rows of SessionItems) and distinct content among them. */
  items: Int32Array;
  uniqueItems: Int32Array;
  /** Cases decided in the session (items with a decision key other than "none"). */
  cases: Int32Array;
  idleInactivityS: Float64Array;
  idlePauseS: Float64Array;
}

/** One row per item view, ordered by session, then view start. */
export interface SessionItems {
  length: number;
  session: Int32Array;
  /** Position of the view within its session, from 0. */
  index: Int32Array;
  /** The decided flag, or -1 for a context item. */
  flag: Int32Array;
  /**
   * The content viewed: the flag index for a decided case; for a context item flags.length +
   * owner * CONTEXT_SLOTS + slot, where owner is the user whose content it is. Repeats make items > unique.
   */
  content: Int32Array;
  /** Index into ITEM_STATUSES. */
  status: Uint8Array;
  /** Index into DECISION_KEYS. */
  decision: Uint8Array;
  /** View start, ms since the epoch. */
  start: Float64Array;
  /** Seconds viewed, to 0.1 s. */
  viewS: Float32Array;
  /** Complete plays of the item (0 when not completed). */
  loops: Uint8Array;
  soundMuted: Uint8Array;
}

/** One row per idle period, ordered by session, then start. */
export interface IdlePeriods {
  length: number;
  session: Int32Array;
  /** Index into IDLE_TYPES. */
  type: Uint8Array;
  start: Float64Array;
  /** Seconds, to 0.1 s. */
  durationS: Float64Array;
}

export interface ModeratorSessions {
  sessions: SessionTable;
  items: SessionItems;
  idle: IdlePeriods;
}

export interface SessionsInput {
  flags: Flags;
  review: Review;
  reviewers: Reviewers;
  /** The world's calendar; sessions follow the queue, which may decide late cases after its last day. */
  dates: string[];
}

const MINUTE = 60_000;
/** Engaged minutes per case at speed 1 (the rest of a long case window is work outside the tool). */
const ENGAGED_MINUTES = 28;
/** Away stretches shorter than this are absorbed as working time (reading, notes), not a break. */
const AWAY_MIN_MS = BREAK_MS + 5 * MINUTE;
/** Idle periods per engaged hour at idleness 1. */
const IDLE_PER_HOUR = 1.5;
/** Waiting on an empty queue shorter than this leaves no trace in the tool. */
const MIN_INACTIVITY_MS = MINUTE;
const CONTEXT_MEAN = 1.6;
const HARASSMENT = CATEGORIES.indexOf("harassment_hate");
const HUMAN = ROUTES.indexOf("human_review");
const NONE = ACTIONS.indexOf("none");
const COMPLETED = 0;
const PARTIAL = 1;
const NOT_STARTED = 2;
const ACCEPT = DECISION_KEYS.indexOf("accept");
const REJECT = DECISION_KEYS.indexOf("reject");
const NO_DECISION = DECISION_KEYS.indexOf("none");
const INACTIVITY = 0;
const PAUSE = 1;

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Typed columns that grow by doubling, so the tables are built in one pass without size estimates being exact. */
class Columns<T extends Record<string, Float64Array | Float32Array | Int32Array | Int16Array | Uint8Array>> {
  length = 0;
  constructor(
    public cols: T,
    private capacity: number
  ) {}
  /** Reserves row `length` and returns its index. */
  row(): number {
    if (this.length === this.capacity) {
      this.capacity *= 2;
      for (const k of Object.keys(this.cols) as (keyof T)[]) {
        const old = this.cols[k];
        const next = new (old.constructor as new (n: number) => typeof old)(this.capacity);
        next.set(old as never);
        this.cols[k] = next as T[keyof T];
      }
    }
    return this.length++;
  }
  /** The filled rows: views of the columns, not copies (copying the items' 10 columns at large scale took a second). */
  trimmed(): T & {length: number} {
    const out = {length: this.length} as T & {length: number};
    for (const k of Object.keys(this.cols) as (keyof T)[]) (out as Record<keyof T, unknown>)[k] = this.cols[k].subarray(0, this.length);
    return out;
  }
}

export function generateSessions(rng: Rng, {flags, review, reviewers}: SessionsInput): ModeratorSessions {
  const n = flags.length;
  const R = reviewers.length;
  // Cases per reviewer (counting sort), then each reviewer's cases in the order they were worked.
  const offsets = new Int32Array(R + 1);
  for (let i = 0; i < n; i++) {
    if (review.route[i] !== HUMAN) continue;
    const r = review.reviewer[i];
    if (r < 0 || r >= R) throw new Error(`invalid review: human-reviewed flag ${i} has reviewer ${r}`);
    offsets[r + 1]++;
  }
  for (let r = 0; r < R; r++) offsets[r + 1] += offsets[r];
  const m = offsets[R];
  // Each reviewer's cases with what the layout reads of them, gathered in one sequential pass over the
  // flags: a reviewer's cases are spread over the whole table, and reading them where they lie cost a
  // cache miss per column and case.
  const order = new Int32Array(m);
  const caseStart = new Float64Array(m);
  const caseDecided = new Float64Array(m);
  const caseScore = new Float32Array(m);
  const caseActor = new Int32Array(m);
  const caseTarget = new Int32Array(m);
  /** Context items expected: coordinated content and harassment bring more. */
  const caseContext = new Float64Array(m);
  const caseDecision = new Uint8Array(m);
  const fill = offsets.slice(0, R);
  for (let i = 0; i < n; i++) {
    if (review.route[i] !== HUMAN) continue;
    const p = fill[review.reviewer[i]]++;
    order[p] = i;
    caseStart[p] = review.start[i];
    caseDecided[p] = review.decided[i];
    caseScore[p] = flags.mlScore[i];
    caseActor[p] = flags.actor[i];
    caseTarget[p] = flags.target[i];
    caseContext[p] = CONTEXT_MEAN + (flags.coordinated[i] === 1 ? 0.8 : 0) + (flags.category[i] === HARASSMENT ? 0.5 : 0);
    caseDecision[p] = review.action[i] !== NONE ? ACCEPT : REJECT;
  }
  let byStart = new Int32Array(0);
  let maxOwner = 0;
  for (let i = 0; i < n; i++) if (flags.actor[i] > maxOwner) maxOwner = flags.actor[i];
  for (let i = 0; i < n; i++) if (flags.target[i] > maxOwner) maxOwner = flags.target[i];
  if (n + (maxOwner + 1) * CONTEXT_SLOTS > 2 ** 31 - 1) throw new Error(`invalid sessions input: too many content ids (${n} flags, ${maxOwner + 1} users)`);

  const sCap = Math.ceil(m * 0.7) + 16;
  const sessions = new Columns(
    {reviewer: new Int16Array(sCap), start: new Float64Array(sCap), end: new Float64Array(sCap), durationS: new Float64Array(sCap), items: new Int32Array(sCap), uniqueItems: new Int32Array(sCap), cases: new Int32Array(sCap), idleInactivityS: new Float64Array(sCap), idlePauseS: new Float64Array(sCap)},
    sCap
  );
  const iCap = Math.ceil(m * (1 + CONTEXT_MEAN) * 1.2) + 16;
  const items = new Columns(
    {session: new Int32Array(iCap), index: new Int32Array(iCap), flag: new Int32Array(iCap), content: new Int32Array(iCap), status: new Uint8Array(iCap), decision: new Uint8Array(iCap), start: new Float64Array(iCap), viewS: new Float32Array(iCap), loops: new Uint8Array(iCap), soundMuted: new Uint8Array(iCap)},
    iCap
  );
  const dCap = Math.ceil(m * 0.9) + 16;
  const idle = new Columns({session: new Int32Array(dCap), type: new Uint8Array(dCap), start: new Float64Array(dCap), durationS: new Float64Array(dCap)}, dCap);

  // Per-case scratch, reused: the context items, idle periods and the ordered segments of one stretch.
  // One capacity for all: a stretch has at most nCtx + nIdle + 1 segments and one more gap.
  let room = 64;
  const scratch = {
    ctxStatus: new Uint8Array(room), ctxView: new Float64Array(room), ctxLoops: new Uint8Array(room), ctxContent: new Int32Array(room),
    idleType: new Uint8Array(room), idleDur: new Float64Array(room), idlePart1: new Uint8Array(room),
    segKind: new Uint8Array(room), segRef: new Int32Array(room), segDur: new Float64Array(room), weights: new Float64Array(room)
  };
  /** Makes room for `size` entries in every scratch array, keeping what they hold. */
  const reserve = (size: number) => {
    if (size <= room) return;
    room = size * 2;
    for (const key of Object.keys(scratch) as (keyof typeof scratch)[]) {
      const next = new (scratch[key].constructor as new (k: number) => never)(room);
      (next as Float64Array).set(scratch[key] as never);
      scratch[key] = next;
    }
  };

  for (let r = 0; r < R; r++) {
    const lo = offsets[r];
    const count = offsets[r + 1] - lo;
    if (count === 0) continue;
    // The reviewer's cases in the order they were worked (ties in flag order).
    if (byStart.length < count) byStart = new Int32Array(count * 2);
    for (let j = 0; j < count; j++) byStart[j] = lo + j;
    const cases = byStart.subarray(0, count).sort((a, b) => caseStart[a] - caseStart[b] || a - b);
    const rr = rng.fork(`reviewer/${r}`);
    const idleness = reviewers.idleness[r];
    const speed = reviewers.speed[r];
    const shift = reviewers.shifts[r];
    // Some reviewers keep the sound off more than others (seed 004's muted share).
    const mutedShare = 0.3 + 0.15 * rr();
    const pauseShare = Math.min(0.7, Math.max(0.2, 0.35 + 0.1 * rr() + 0.05 * (idleness - 1)));
    // Distracted reviewers leave more context unwatched.
    const partialShare = 0.24 + 0.05 * idleness;
    const notStartedShare = 0.1 + 0.03 * idleness;

    let open = false;
    let session = -1;
    let stint = NaN;
    let lastEnd = -Infinity;
    let muted = false;
    let position = 0;
    const seen = new Set<number>();
    // The case being laid out: its flag and its position in the gathered columns.
    let i = -1;
    let p = -1;
    let nCtx = 0;
    let nIdle = 0;
    let caseView = 0;
    let caseLoops = 1;

    const closeSession = () => {
      if (!open) return;
      sessions.cols.end[session] = lastEnd;
      sessions.cols.durationS[session] = round1((lastEnd - sessions.cols.start[session]) / 1000);
      sessions.cols.uniqueItems[session] = seen.size;
      open = false;
    };
    const addIdle = (type: number, start: number, durationS: number) => {
      const k = idle.row();
      idle.cols.session[k] = session;
      idle.cols.type[k] = type;
      idle.cols.start[k] = start;
      idle.cols.durationS[k] = durationS;
      if (type === INACTIVITY) sessions.cols.idleInactivityS[session] += durationS;
      else sessions.cols.idlePauseS[session] += durationS;
    };
    /** Input resumes at t: continue the session (an empty queue's wait is inactivity), or start a new one. */
    const enter = (t: number, caseStint: number) => {
      const gap = t - lastEnd;
      // A case finished into a break or the next stretch runs on with no pause at all: input never
      // stopped, so the session goes on into the new stretch.
      if (open && gap <= 0) {
        stint = caseStint;
        return;
      }
      if (open && gap <= BREAK_MS && caseStint === stint) {
        if (gap >= MIN_INACTIVITY_MS) addIdle(INACTIVITY, lastEnd, Math.floor(gap / 100) / 10);
        return;
      }
      closeSession();
      session = sessions.row();
      sessions.cols.reviewer[session] = r;
      sessions.cols.start[session] = t;
      open = true;
      stint = caseStint;
      position = 0;
      seen.clear();
      muted = chance(rr, mutedShare);
    };
    const addItem = (start: number, flag: number, content: number, status: number, decision: number, viewS: number, loops: number) => {
      // Sound is a sticky toggle: most views keep the previous item's setting.
      if (chance(rr, 0.25)) muted = chance(rr, mutedShare);
      const k = items.row();
      const c = items.cols;
      c.session[k] = session;
      c.index[k] = position++;
      c.flag[k] = flag;
      c.content[k] = content;
      c.status[k] = status;
      c.decision[k] = decision;
      c.start[k] = start;
      c.viewS[k] = viewS;
      c.loops[k] = Math.min(255, loops);
      c.soundMuted[k] = muted ? 1 : 0;
      sessions.cols.items[session]++;
      if (decision !== NO_DECISION) sessions.cols.cases[session]++;
      seen.add(content);
    };
    /** Orders one stretch's segments (a uniform random merge of context items and idles), the case last. */
    const fillSegments = (part1: boolean, withCase: boolean): number => {
      const {idlePart1, ctxView, idleDur} = scratch;
      let nI = 0;
      for (let k = 0; k < nIdle; k++) if ((idlePart1[k] === 1) === part1) nI++;
      const nC = part1 ? nCtx : 0;
      const {segKind, segRef, segDur} = scratch;
      let c = 0;
      let d = 0;
      let k = 0;
      let leftC = nC;
      let leftI = nI;
      while (leftC + leftI > 0) {
        if (rr() * (leftC + leftI) < leftC) {
          segKind[k] = 0;
          segRef[k] = c;
          segDur[k] = ctxView[c] * 1000;
          c++;
          leftC--;
        } else {
          while ((idlePart1[d] === 1) !== part1) d++;
          segKind[k] = 1;
          segRef[k] = d;
          segDur[k] = idleDur[d] * 1000;
          d++;
          leftI--;
        }
        k++;
      }
      if (withCase) {
        segKind[k] = 2;
        segRef[k] = -1;
        segDur[k] = caseView * 1000;
        k++;
      }
      return k;
    };
    /** Lays segments out from t0, with `slack` ms of working time (reading, notes) spread before them and, if trailing, after. */
    const layout = (t0: number, slack: number, count: number, trailing: boolean) => {
      const g = count + (trailing ? 1 : 0);
      const {weights, segKind, segRef, segDur, ctxContent, ctxStatus, ctxView, ctxLoops, idleType, idleDur} = scratch;
      let sum = 0;
      for (let k = 0; k < g; k++) sum += weights[k] = rr() + 1e-9;
      const spread = Math.max(0, slack);
      let t = t0;
      for (let k = 0; k < count; k++) {
        t += (spread * weights[k]) / sum;
        const ref = segRef[k];
        if (segKind[k] === 0) addItem(t, -1, ctxContent[ref], ctxStatus[ref], NO_DECISION, ctxView[ref], ctxLoops[ref]);
        else if (segKind[k] === 1) addIdle(idleType[ref], t, idleDur[ref]);
        else addItem(t, i, i, COMPLETED, caseDecision[p], caseView, caseLoops);
        t += segDur[k];
      }
      if (trailing) t += (spread * weights[count]) / sum;
      lastEnd = t;
    };

    for (let j = 0; j < cases.length; j++) {
      p = cases[j];
      i = order[p];
      const s = caseStart[p];
      const e = caseDecided[p];
      if (!(e >= s) || s < lastEnd) throw new Error(`invalid review: reviewer ${r}'s case ${i} (${s} to ${e}) overlaps the previous case or ends before it starts`);
      const W = e - s;
      const caseStint = nextOnShift(shift, s).until;

      // What the reviewer looks at: context items (the thread, the poster's other content), then the flagged item.
      nCtx = poisson(rr, caseContext[p]);
      reserve(nCtx);
      const {ctxStatus, ctxView, ctxLoops, ctxContent} = scratch;
      for (let k = 0; k < nCtx; k++) {
        const u = rr();
        const status = u < notStartedShare ? NOT_STARTED : u < notStartedShare + partialShare ? PARTIAL : COMPLETED;
        const clip = lognormal(rr, 22, 0.7);
        let loops = 0;
        let view: number;
        if (status === COMPLETED) {
          loops = 1 + poisson(rr, 0.25);
          view = clip * loops + 2 * rr();
        } else if (status === PARTIAL) view = clip * (0.1 + 0.8 * rr());
        else view = 0.5 + 3 * rr();
        ctxStatus[k] = status;
        ctxView[k] = view;
        ctxLoops[k] = loops;
        const owner = caseTarget[p] >= 0 && chance(rr, 0.3) ? caseTarget[p] : caseActor[p];
        ctxContent[k] = n + owner * CONTEXT_SLOTS + int(rr, CONTEXT_SLOTS);
      }
      // Borderline scores get watched again before the decision.
      const ambiguity = Math.max(0, 1 - Math.abs(caseScore[p] - 0.6) / 0.4);
      caseLoops = 1 + poisson(rr, 0.3 + 1.2 * ambiguity);
      caseView = lognormal(rr, 24, 0.7) * caseLoops + 3 + 10 * rr();

      let engaged = Math.min(W, lognormal(rr, ENGAGED_MINUTES * MINUTE * speed, 0.5));
      nIdle = poisson(rr, (idleness * IDLE_PER_HOUR * engaged) / (60 * MINUTE));
      reserve(nCtx + nIdle + 2);
      const {idleType, idleDur, idlePart1} = scratch;
      for (let k = 0; k < nIdle; k++) {
        const pause = chance(rr, pauseShare);
        idleType[k] = pause ? PAUSE : INACTIVITY;
        // Inactivity is detected after 30 s without input; anything near the timeout would be a break.
        const d = pause ? lognormal(rr, 260, 0.7) : 30 + lognormal(rr, 110, 0.9);
        idleDur[k] = round1(Math.min(d, (BREAK_MS - MINUTE) / 1000));
      }

      // Fit the views and idles into the case window; a very short case leaves no room to idle.
      let viewTotal = caseView;
      for (let k = 0; k < nCtx; k++) viewTotal += ctxView[k];
      let idleTotal = 0;
      for (let k = 0; k < nIdle; k++) idleTotal += idleDur[k];
      if ((viewTotal + idleTotal) * 1000 > 0.95 * W) {
        nIdle = 0;
        idleTotal = 0;
      }
      const f = viewTotal * 1000 > 0.95 * W ? (0.95 * W) / (viewTotal * 1000) : 1;
      caseView = Math.floor(caseView * f * 10) / 10;
      viewTotal = caseView;
      for (let k = 0; k < nCtx; k++) {
        ctxView[k] = Math.floor(ctxView[k] * f * 10) / 10;
        viewTotal += ctxView[k];
      }
      const need = (viewTotal + idleTotal) * 1000;
      engaged = Math.max(engaged, Math.min(W, need * 1.15));
      const away = W - engaged;

      if (away < AWAY_MIN_MS) {
        // One stretch: context items and idles interleaved, then the case, its keypress at `decided`.
        for (let k = 0; k < nIdle; k++) idlePart1[k] = 1;
        enter(s, caseStint);
        layout(s, W - need, fillSegments(true, true), false);
      } else {
        // Engaged, away from the tool for longer than the timeout, back to decide: two sessions.
        const hasPart1 = nCtx > 0;
        let need1 = 0;
        for (let k = 0; k < nCtx; k++) need1 += ctxView[k] * 1000;
        for (let k = 0; k < nIdle; k++) {
          idlePart1[k] = hasPart1 && chance(rr, 0.6) ? 1 : 0;
          if (idlePart1[k]) need1 += idleDur[k] * 1000;
        }
        const slack = engaged - need;
        const slack1 = hasPart1 ? slack * (0.3 + 0.4 * rr()) : 0;
        if (hasPart1) {
          enter(s, caseStint);
          layout(s, slack1, fillSegments(true, false), true);
        }
        const part2 = engaged - need1 - slack1;
        // Part 2 always opens a session (the away stretch exceeds the timeout). Its stint is where it opens,
        // not where the case started: a case decided on the next shift must not end the session there.
        enter(e - part2, nextOnShift(shift, e - part2).until);
        layout(e - part2, slack - slack1, fillSegments(false, true), false);
      }
      lastEnd = e;
    }
    closeSession();
  }
  const s = sessions.trimmed();
  for (let k = 0; k < s.length; k++) {
    s.idleInactivityS[k] = round1(s.idleInactivityS[k]);
    s.idlePauseS[k] = round1(s.idlePauseS[k]);
  }
  return {sessions: s, items: items.trimmed(), idle: idle.trimmed()};
}
