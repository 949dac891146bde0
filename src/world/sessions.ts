import {ColumnBuffer} from "./columnBuffer.js";
import {ACTIONS, CATEGORIES, DECISION_KEYS, ROUTES} from "../core/constants.js";
import type {Flags} from "./flags.js";
import {nextOnShift} from "../core/shifts.js";
import {chance, int, lognormal, poisson, type Rng} from "../core/random.js";
import type {Review} from "./review.js";
import type {Reviewers} from "./reviewers.js";

/**
 * Moderator sessions (the moderator-session dashboard): the review tool's log of each reviewer's working sessions, derived
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

/** The human-reviewed cases grouped by reviewer (r's are rows offsets[r] to offsets[r + 1] - 1), with what the layout reads of each. */
interface Cases {
  offsets: Int32Array;
  /** The case's flag. */
  order: Int32Array;
  start: Float64Array;
  decided: Float64Array;
  score: Float32Array;
  actor: Int32Array;
  target: Int32Array;
  /** Context items expected: coordinated content and harassment bring more. */
  context: Float64Array;
  decision: Uint8Array;
}

type SessionColumns = Omit<SessionTable, "length">;
type ItemColumns = Omit<SessionItems, "length">;
type IdleColumns = Omit<IdlePeriods, "length">;
/** The three tables being written. */
interface Tables {
  sessions: ColumnBuffer<SessionColumns>;
  items: ColumnBuffer<ItemColumns>;
  idle: ColumnBuffer<IdleColumns>;
}

export function generateSessions(rng: Rng, {flags, review, reviewers}: SessionsInput): ModeratorSessions {
  const R = reviewers.length;
  const cases = gatherCases(flags, review, R);
  checkContentIds(flags);
  const tables = sessionTables(cases.order.length);
  const scratch = new Scratch();
  let byStart = new Int32Array(0);
  for (let r = 0; r < R; r++) {
    const lo = cases.offsets[r];
    const count = cases.offsets[r + 1] - lo;
    if (count === 0) continue;
    // The reviewer's cases in the order they were worked (ties in flag order).
    if (byStart.length < count) byStart = new Int32Array(count * 2);
    for (let j = 0; j < count; j++) byStart[j] = lo + j;
    const worked = byStart.subarray(0, count).sort((a, b) => cases.start[a] - cases.start[b] || a - b);
    new ReviewerSessions(rng.fork(`reviewer/${r}`), r, reviewers, flags.length, cases, tables, scratch).layOut(worked);
  }
  const s = tables.sessions.trimmed();
  for (let k = 0; k < s.length; k++) {
    s.idleInactivityS[k] = round1(s.idleInactivityS[k]);
    s.idlePauseS[k] = round1(s.idlePauseS[k]);
  }
  return {sessions: s, items: tables.items.trimmed(), idle: tables.idle.trimmed()};
}

/** Cases per reviewer (a counting sort), gathered in one sequential pass over the flags. */
function gatherCases(flags: Flags, review: Review, R: number): Cases {
  const n = flags.length;
  const offsets = new Int32Array(R + 1);
  for (let i = 0; i < n; i++) {
    if (review.route[i] !== HUMAN) continue;
    const r = review.reviewer[i];
    if (r < 0 || r >= R) throw new Error(`invalid review: human-reviewed flag ${i} has reviewer ${r}`);
    offsets[r + 1]++;
  }
  for (let r = 0; r < R; r++) offsets[r + 1] += offsets[r];
  const m = offsets[R];
  // A reviewer's cases are spread over the whole table, and reading them where they lie cost a cache
  // miss per column and case.
  const c: Cases = {offsets, order: new Int32Array(m), start: new Float64Array(m), decided: new Float64Array(m), score: new Float32Array(m), actor: new Int32Array(m), target: new Int32Array(m), context: new Float64Array(m), decision: new Uint8Array(m)};
  const fill = offsets.slice(0, R);
  for (let i = 0; i < n; i++) {
    if (review.route[i] !== HUMAN) continue;
    const p = fill[review.reviewer[i]]++;
    c.order[p] = i;
    c.start[p] = review.start[i];
    c.decided[p] = review.decided[i];
    c.score[p] = flags.mlScore[i];
    c.actor[p] = flags.actor[i];
    c.target[p] = flags.target[i];
    c.context[p] = CONTEXT_MEAN + (flags.coordinated[i] === 1 ? 0.8 : 0) + (flags.category[i] === HARASSMENT ? 0.5 : 0);
    c.decision[p] = review.action[i] !== NONE ? ACCEPT : REJECT;
  }
  return c;
}

/** Throws if context items' content ids (see CONTEXT_SLOTS) would not fit in an Int32. */
function checkContentIds(flags: Flags): void {
  const n = flags.length;
  let maxOwner = 0;
  for (let i = 0; i < n; i++) if (flags.actor[i] > maxOwner) maxOwner = flags.actor[i];
  for (let i = 0; i < n; i++) if (flags.target[i] > maxOwner) maxOwner = flags.target[i];
  if (n + (maxOwner + 1) * CONTEXT_SLOTS > 2 ** 31 - 1) throw new Error(`invalid sessions input: too many content ids (${n} flags, ${maxOwner + 1} users)`);
}

/** Empty session, item and idle tables, sized for m cases. */
function sessionTables(m: number): Tables {
  const sCap = Math.ceil(m * 0.7) + 16;
  const sessions = new ColumnBuffer<SessionColumns>(
    {reviewer: new Int16Array(sCap), start: new Float64Array(sCap), end: new Float64Array(sCap), durationS: new Float64Array(sCap), items: new Int32Array(sCap), uniqueItems: new Int32Array(sCap), cases: new Int32Array(sCap), idleInactivityS: new Float64Array(sCap), idlePauseS: new Float64Array(sCap)},
    sCap
  );
  const iCap = Math.ceil(m * (1 + CONTEXT_MEAN) * 1.2) + 16;
  const items = new ColumnBuffer<ItemColumns>(
    {session: new Int32Array(iCap), index: new Int32Array(iCap), flag: new Int32Array(iCap), content: new Int32Array(iCap), status: new Uint8Array(iCap), decision: new Uint8Array(iCap), start: new Float64Array(iCap), viewS: new Float32Array(iCap), loops: new Uint8Array(iCap), soundMuted: new Uint8Array(iCap)},
    iCap
  );
  const dCap = Math.ceil(m * 0.9) + 16;
  const idle = new ColumnBuffer<IdleColumns>({session: new Int32Array(dCap), type: new Uint8Array(dCap), start: new Float64Array(dCap), durationS: new Float64Array(dCap)}, dCap);
  return {sessions, items, idle};
}

const SCRATCH_KEYS = ["ctxStatus", "ctxView", "ctxLoops", "ctxContent", "idleType", "idleDur", "idlePart1", "segKind", "segRef", "segDur", "weights"] as const;

/**
 * Per-case scratch, reused: the context items, idle periods and the ordered segments of one stretch.
 * One capacity for all: a stretch has at most nCtx + nIdle + 1 segments and one more gap.
 */
class Scratch {
  room = 64;
  ctxStatus = new Uint8Array(64);
  ctxView = new Float64Array(64);
  ctxLoops = new Uint8Array(64);
  ctxContent = new Int32Array(64);
  idleType = new Uint8Array(64);
  idleDur = new Float64Array(64);
  idlePart1 = new Uint8Array(64);
  segKind = new Uint8Array(64);
  segRef = new Int32Array(64);
  segDur = new Float64Array(64);
  weights = new Float64Array(64);

  /** Makes room for `size` entries in every array, keeping what they hold. */
  reserve(size: number): void {
    if (size <= this.room) return;
    this.room = size * 2;
    for (const key of SCRATCH_KEYS) {
      const next = new (this[key].constructor as new (k: number) => never)(this.room);
      (next as Float64Array).set(this[key] as never);
      this[key] = next;
    }
  }
}

/** One reviewer's cases laid out as tool sessions: item views, idle periods and breaks (one random stream per reviewer). */
class ReviewerSessions {
  private readonly shift: Reviewers["shifts"][number];
  private readonly idleness: number;
  private readonly speed: number;
  /** Some reviewers keep the sound off more than others (the moderator-session dashboard's muted share). */
  private readonly mutedShare: number;
  private readonly pauseShare: number;
  /** Distracted reviewers leave more context unwatched. */
  private readonly partialShare: number;
  private readonly notStartedShare: number;
  private open = false;
  private session = -1;
  private stint = NaN;
  private lastEnd = -Infinity;
  private muted = false;
  private position = 0;
  private readonly seen = new Set<number>();
  // The case being laid out: its flag and its position in the gathered columns.
  private i = -1;
  private p = -1;
  private nCtx = 0;
  private nIdle = 0;
  private caseView = 0;
  private caseLoops = 1;

  constructor(
    private readonly rr: Rng,
    private readonly r: number,
    reviewers: Reviewers,
    /** Flags in the world: context items' content ids start there. */
    private readonly n: number,
    private readonly cases: Cases,
    private readonly tables: Tables,
    private readonly scratch: Scratch
  ) {
    this.idleness = reviewers.idleness[r];
    this.speed = reviewers.speed[r];
    this.shift = reviewers.shifts[r];
    this.mutedShare = 0.3 + 0.15 * rr();
    this.pauseShare = Math.min(0.7, Math.max(0.2, 0.35 + 0.1 * rr() + 0.05 * (this.idleness - 1)));
    this.partialShare = 0.24 + 0.05 * this.idleness;
    this.notStartedShare = 0.1 + 0.03 * this.idleness;
  }

  /** Lays out the reviewer's cases (positions in the gathered columns, in the order worked) and closes the last session. */
  layOut(worked: Int32Array): void {
    for (let j = 0; j < worked.length; j++) this.layCase(worked[j]);
    this.closeSession();
  }

  /** One case: what the reviewer looks at and for how long, and the idles, fitted into the case window and laid out in one or two stretches. */
  private layCase(p: number): void {
    const {cases, rr} = this;
    this.p = p;
    this.i = cases.order[p];
    const s = cases.start[p];
    const e = cases.decided[p];
    if (!(e >= s) || s < this.lastEnd) throw new Error(`invalid review: reviewer ${this.r}'s case ${this.i} (${s} to ${e}) overlaps the previous case or ends before it starts`);
    const W = e - s;
    const caseStint = nextOnShift(this.shift, s).until;
    const ctxView = this.drawContext(p);
    this.drawCaseView(p);
    let engaged = Math.min(W, lognormal(rr, ENGAGED_MINUTES * MINUTE * this.speed, 0.5));
    this.drawIdles(engaged);
    const need = this.fitWindow(W, ctxView);
    engaged = Math.max(engaged, Math.min(W, need * 1.15));
    if (W - engaged < AWAY_MIN_MS) this.oneStretch(s, W - need, caseStint);
    else this.twoStretches(s, e, engaged, need, caseStint, ctxView);
    this.lastEnd = e;
  }

  /**
   * The context items the reviewer looks at before the flagged item (the thread, the poster's other
   * content): status, seconds viewed, plays and content id. Returns the array the views were written to.
   */
  private drawContext(p: number): Float64Array {
    const {rr, cases, scratch} = this;
    this.nCtx = poisson(rr, cases.context[p]);
    scratch.reserve(this.nCtx);
    const {ctxStatus, ctxView, ctxLoops, ctxContent} = scratch;
    for (let k = 0; k < this.nCtx; k++) {
      const u = rr();
      const status = u < this.notStartedShare ? NOT_STARTED : u < this.notStartedShare + this.partialShare ? PARTIAL : COMPLETED;
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
      const owner = cases.target[p] >= 0 && chance(rr, 0.3) ? cases.target[p] : cases.actor[p];
      ctxContent[k] = this.n + owner * CONTEXT_SLOTS + int(rr, CONTEXT_SLOTS);
    }
    return ctxView;
  }

  /** The flagged item's plays and seconds viewed: borderline scores get watched again before the decision. */
  private drawCaseView(p: number): void {
    const rr = this.rr;
    const ambiguity = Math.max(0, 1 - Math.abs(this.cases.score[p] - 0.6) / 0.4);
    this.caseLoops = 1 + poisson(rr, 0.3 + 1.2 * ambiguity);
    this.caseView = lognormal(rr, 24, 0.7) * this.caseLoops + 3 + 10 * rr();
  }

  /** The idle periods of `engaged` ms of work: pauses and inactivity (detected after 30 s without input). */
  private drawIdles(engaged: number): void {
    const {rr, scratch} = this;
    this.nIdle = poisson(rr, (this.idleness * IDLE_PER_HOUR * engaged) / (60 * MINUTE));
    scratch.reserve(this.nCtx + this.nIdle + 2);
    const {idleType, idleDur} = scratch;
    for (let k = 0; k < this.nIdle; k++) {
      const pause = chance(rr, this.pauseShare);
      idleType[k] = pause ? PAUSE : INACTIVITY;
      // Anything near the timeout would be a break.
      const d = pause ? lognormal(rr, 260, 0.7) : 30 + lognormal(rr, 110, 0.9);
      idleDur[k] = round1(Math.min(d, (BREAK_MS - MINUTE) / 1000));
    }
  }

  /**
   * Fits the views and idles into a case window of W ms (a very short case leaves no room to idle);
   * returns the ms they need. `ctxView` is the array drawContext wrote: if drawIdles grew the scratch
   * since, the shrunk views land there and not in the scratch the layout reads (kept: it is the world).
   */
  private fitWindow(W: number, ctxView: Float64Array): number {
    const {idleDur} = this.scratch;
    let viewTotal = this.caseView;
    for (let k = 0; k < this.nCtx; k++) viewTotal += ctxView[k];
    let idleTotal = 0;
    for (let k = 0; k < this.nIdle; k++) idleTotal += idleDur[k];
    if ((viewTotal + idleTotal) * 1000 > 0.95 * W) {
      this.nIdle = 0;
      idleTotal = 0;
    }
    const f = viewTotal * 1000 > 0.95 * W ? (0.95 * W) / (viewTotal * 1000) : 1;
    this.caseView = Math.floor(this.caseView * f * 10) / 10;
    viewTotal = this.caseView;
    for (let k = 0; k < this.nCtx; k++) {
      ctxView[k] = Math.floor(ctxView[k] * f * 10) / 10;
      viewTotal += ctxView[k];
    }
    return (viewTotal + idleTotal) * 1000;
  }

  /** One stretch from the case's start: context items and idles interleaved, then the case, its keypress at the decision. */
  private oneStretch(s: number, slack: number, caseStint: number): void {
    const {idlePart1} = this.scratch;
    for (let k = 0; k < this.nIdle; k++) idlePart1[k] = 1;
    this.enter(s, caseStint);
    this.layout(s, slack, this.fillSegments(true, true), false);
  }

  /** Engaged, away from the tool for longer than the timeout, back to decide: two sessions. */
  private twoStretches(s: number, e: number, engaged: number, need: number, caseStint: number, ctxView: Float64Array): void {
    const rr = this.rr;
    const {idlePart1, idleDur} = this.scratch;
    const hasPart1 = this.nCtx > 0;
    let need1 = 0;
    for (let k = 0; k < this.nCtx; k++) need1 += ctxView[k] * 1000;
    for (let k = 0; k < this.nIdle; k++) {
      idlePart1[k] = hasPart1 && chance(rr, 0.6) ? 1 : 0;
      if (idlePart1[k]) need1 += idleDur[k] * 1000;
    }
    const slack = engaged - need;
    const slack1 = hasPart1 ? slack * (0.3 + 0.4 * rr()) : 0;
    if (hasPart1) {
      this.enter(s, caseStint);
      this.layout(s, slack1, this.fillSegments(true, false), true);
    }
    const part2 = engaged - need1 - slack1;
    // Part 2 always opens a session (the away stretch exceeds the timeout). Its stint is where it opens,
    // not where the case started: a case decided on the next shift must not end the session there.
    this.enter(e - part2, nextOnShift(this.shift, e - part2).until);
    this.layout(e - part2, slack - slack1, this.fillSegments(false, true), false);
  }

  private closeSession(): void {
    if (!this.open) return;
    const cols = this.tables.sessions.cols;
    cols.end[this.session] = this.lastEnd;
    cols.durationS[this.session] = round1((Math.round(this.lastEnd) - Math.round(cols.start[this.session])) / 1000);
    cols.uniqueItems[this.session] = this.seen.size;
    this.open = false;
  }

  private addIdle(type: number, start: number, durationS: number): void {
    const {idle, sessions} = this.tables;
    const k = idle.row();
    idle.cols.session[k] = this.session;
    idle.cols.type[k] = type;
    idle.cols.start[k] = start;
    idle.cols.durationS[k] = durationS;
    if (type === INACTIVITY) sessions.cols.idleInactivityS[this.session] += durationS;
    else sessions.cols.idlePauseS[this.session] += durationS;
  }

  /** Input resumes at t: continue the session (an empty queue's wait is inactivity), or start a new one. */
  private enter(t: number, caseStint: number): void {
    const gap = t - this.lastEnd;
    // A case finished into a break or the next stretch runs on with no pause at all: input never
    // stopped, so the session goes on into the new stretch.
    if (this.open && gap <= 0) {
      this.stint = caseStint;
      return;
    }
    if (this.open && gap <= BREAK_MS && caseStint === this.stint) {
      if (gap >= MIN_INACTIVITY_MS) this.addIdle(INACTIVITY, this.lastEnd, Math.floor(gap / 100) / 10);
      return;
    }
    this.closeSession();
    const sessions = this.tables.sessions;
    this.session = sessions.row();
    sessions.cols.reviewer[this.session] = this.r;
    sessions.cols.start[this.session] = t;
    this.open = true;
    this.stint = caseStint;
    this.position = 0;
    this.seen.clear();
    this.muted = chance(this.rr, this.mutedShare);
  }

  private addItem(start: number, flag: number, content: number, status: number, decision: number, viewS: number, loops: number): void {
    // Sound is a sticky toggle: most views keep the previous item's setting.
    if (chance(this.rr, 0.25)) this.muted = chance(this.rr, this.mutedShare);
    const {items, sessions} = this.tables;
    const k = items.row();
    const c = items.cols;
    c.session[k] = this.session;
    c.index[k] = this.position++;
    c.flag[k] = flag;
    c.content[k] = content;
    c.status[k] = status;
    c.decision[k] = decision;
    c.start[k] = start;
    c.viewS[k] = viewS;
    c.loops[k] = Math.min(255, loops);
    c.soundMuted[k] = this.muted ? 1 : 0;
    sessions.cols.items[this.session]++;
    if (decision !== NO_DECISION) sessions.cols.cases[this.session]++;
    this.seen.add(content);
  }

  /** Orders one stretch's segments (a uniform random merge of context items and idles), the case last. */
  private fillSegments(part1: boolean, withCase: boolean): number {
    const {idlePart1, ctxView, idleDur, segKind, segRef, segDur} = this.scratch;
    let nI = 0;
    for (let k = 0; k < this.nIdle; k++) if ((idlePart1[k] === 1) === part1) nI++;
    const nC = part1 ? this.nCtx : 0;
    let c = 0;
    let d = 0;
    let k = 0;
    let leftC = nC;
    let leftI = nI;
    while (leftC + leftI > 0) {
      if (this.rr() * (leftC + leftI) < leftC) {
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
      segDur[k] = this.caseView * 1000;
      k++;
    }
    return k;
  }

  /** Lays segments out from t0, with `slack` ms of working time (reading, notes) spread before them and, if trailing, after. */
  private layout(t0: number, slack: number, count: number, trailing: boolean): void {
    const g = count + (trailing ? 1 : 0);
    const {weights, segKind, segRef, segDur, ctxContent, ctxStatus, ctxView, ctxLoops, idleType, idleDur} = this.scratch;
    let sum = 0;
    for (let k = 0; k < g; k++) sum += weights[k] = this.rr() + 1e-9;
    const spread = Math.max(0, slack);
    let t = t0;
    for (let k = 0; k < count; k++) {
      t += (spread * weights[k]) / sum;
      const ref = segRef[k];
      if (segKind[k] === 0) this.addItem(t, -1, ctxContent[ref], ctxStatus[ref], NO_DECISION, ctxView[ref], ctxLoops[ref]);
      else if (segKind[k] === 1) this.addIdle(idleType[ref], t, idleDur[ref]);
      else this.addItem(t, this.i, this.i, COMPLETED, this.cases.decision[this.p], this.caseView, this.caseLoops);
      t += segDur[k];
    }
    if (trailing) t += (spread * weights[count]) / sum;
    this.lastEnd = t;
  }
}
