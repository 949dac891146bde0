import {ACTIONS, CATEGORIES, COUNTRIES, ROUTES, SEVERITIES, type Action, type Category, DAY_MS as DAY, HOUR_MS as HOUR} from "../core/constants.js";
import type {Flags} from "./flags.js";
import {APPEALS, REVIEW, ROUTING} from "../core/params.js";
import {simulateQueue} from "./queue.js";
import {apacStaffingPlan} from "./apacStaffing.js";
import {chance, lognormal, pick, weightTotal, type Rng} from "../core/random.js";
import {POOL_BY_REGION, type Reviewers} from "./reviewers.js";
import {route as routeOf} from "./routing.js";

/** What happened to each flag after it was raised: route, decision, enforcement, appeal. */
export interface Review {
  route: Uint8Array;
  action: Uint8Array;
  /** Index into the reviewers, -1 for automated routes. */
  reviewer: Int16Array;
  /** Review start and decision times in ms (decision = raised + a few seconds for automated routes). */
  start: Float64Array;
  decided: Float64Array;
  ttaHours: Float32Array;
  slaBreached: Uint8Array;
  appealed: Uint8Array;
  appealTs: Float64Array;
  overturned: Uint8Array;
  /** Per-country multiplier of overturn odds: appeal handling is not consistent across countries. */
  countryLeniency: Float64Array;
}

const A = (a: Action) => ACTIONS.indexOf(a);
type ActionMix = Partial<Record<Action, number>>;
/** What a reviewer does with a confirmed violation, by category (the APAC KPI dashboard's enforcement mix). */
const HUMAN_ACTIONS: Record<Category, ActionMix> = {
  spam: {removal: 0.6, suspension: 0.3, warning: 0.1},
  harassment_hate: {removal: 0.45, warning: 0.35, suspension: 0.2},
  nudity: {removal: 0.85, warning: 0.1, suspension: 0.05},
  misinformation: {downrank: 0.72, removal: 0.14, warning: 0.14},
  child_safety: {removal: 0.6, suspension: 0.4},
  other: {removal: 0.4, warning: 0.4, downrank: 0.2}
};
const AUTO_BLOCK_ACTIONS: Record<Category, ActionMix> = {
  spam: {removal: 0.8, suspension: 0.2},
  harassment_hate: {removal: 1},
  nudity: {removal: 1},
  misinformation: {removal: 0.3, downrank: 0.7},
  child_safety: {removal: 0.6, suspension: 0.4},
  other: {removal: 1}
};
const AUTO_ACTIONS: Record<Category, ActionMix> = {
  spam: {downrank: 0.5, warning: 0.5},
  harassment_hate: {warning: 1},
  nudity: {downrank: 1},
  misinformation: {downrank: 1},
  child_safety: {removal: 1},
  other: {downrank: 0.6, warning: 0.4}
};

/** One category's mix ready to draw from: its actions and weights in the mix's key order, and their total. */
interface ActionDraw {
  actions: number[];
  weights: number[];
  total: number;
}
/** Each category's draw, by category index. */
function actionDraws(mixes: Record<Category, ActionMix>): ActionDraw[] {
  return CATEGORIES.map((category) => {
    const keys = Object.keys(mixes[category]) as Action[];
    const weights = keys.map((k) => mixes[category][k]!);
    return {actions: keys.map(A), weights, total: weightTotal(weights)};
  });
}
const HUMAN_DRAWS = actionDraws(HUMAN_ACTIONS);
const AUTO_BLOCK_DRAWS = actionDraws(AUTO_BLOCK_ACTIONS);
const AUTO_DRAWS = actionDraws(AUTO_ACTIONS);

function drawAction(rng: Rng, draw: ActionDraw): number {
  return draw.actions[pick(rng, draw.weights, draw.total)];
}

/**
 * How lenient each country's appeal handling is (a multiplier of overturn odds). Each region's
 * countries get a shuffled ladder from 0.6 to 1.4, so appeal outcomes always differ across countries
 * (the APAC KPI dashboard) while which country is strictest changes with the seed.
 */
export function leniencyLadder(rng: Rng): Float64Array {
  const out = new Float64Array(COUNTRIES.length);
  for (const region of new Set(COUNTRIES.map((c) => c.region))) {
    const members = COUNTRIES.flatMap((c, i) => (c.region === region ? [i] : []));
    const ladder = members.map((_, j) => (members.length === 1 ? 1 : 0.6 + (0.8 * j) / (members.length - 1)));
    for (let j = ladder.length - 1; j > 0; j--) {
      const k = Math.floor(rng() * (j + 1));
      [ladder[j], ladder[k]] = [ladder[k], ladder[j]];
    }
    members.forEach((i, j) => (out[i] = ladder[j]));
  }
  return out;
}

export function reviewFlags(rng: Rng, flags: Flags, reviewers: Reviewers, dates: string[]): Review {
  const n = flags.length;
  const {route, human} = routeFlags(flags);
  const queue = queueHumanCases(rng, flags, reviewers, dates, human);
  const review: Review = {
    route,
    action: new Uint8Array(n).fill(A("none")),
    reviewer: new Int16Array(n).fill(-1),
    start: new Float64Array(n),
    decided: new Float64Array(n),
    ttaHours: new Float32Array(n),
    slaBreached: new Uint8Array(n),
    appealed: new Uint8Array(n),
    appealTs: new Float64Array(n).fill(NaN),
    overturned: new Uint8Array(n),
    countryLeniency: leniencyLadder(rng.fork("leniency"))
  };
  human.forEach((i, j) => {
    review.reviewer[i] = queue.reviewer[j];
    // Published times are whole milliseconds: the world keeps them so, and so every figure derived from
    // them (a case's opening, time to action, the reviewers' hours) is what the published rows give.
    review.start[i] = Math.round(queue.start[j]);
    review.decided[i] = Math.round(queue.end[j]);
  });
  // One flag at a time, its decision then its appeal, so that the generator's draws keep their order.
  for (let i = 0; i < n; i++) {
    decide(rng, flags, reviewers, review, i);
    appeal(rng, flags, review, i);
  }
  return review;
}

/** Each flag's route by the routing rules, and the flags routed to human review (in time order). */
function routeFlags(flags: Flags): {route: Uint8Array; human: number[]} {
  const route = new Uint8Array(flags.length);
  const human: number[] = [];
  const HUMAN = ROUTES.indexOf("human_review");
  for (let i = 0; i < flags.length; i++) {
    route[i] = ROUTES.indexOf(routeOf(flags.mlScore[i], flags.severity[i], ROUTING));
    if (route[i] === HUMAN) human.push(i);
  }
  return {route, human};
}

/** The human-review queue: cases arrive in time order (flags are sorted by time), with their priority credit and handling time. */
function queueHumanCases(rng: Rng, flags: Flags, reviewers: Reviewers, dates: string[], human: readonly number[]) {
  const m = human.length;
  const arrival = new Float64Array(m);
  const credit = new Float64Array(m);
  const handling = new Float64Array(m);
  const last = Math.max(1, dates.length - 1);
  const severityHandling = [1.4, 1.15, 1, 0.85];
  for (let j = 0; j < m; j++) {
    const i = human[j];
    arrival[j] = flags.ts[i];
    credit[j] = REVIEW.priorityCredit[SEVERITIES[flags.severity[i]]] * HOUR;
    const mean = REVIEW.handlingStart + ((REVIEW.handlingEnd - REVIEW.handlingStart) * flags.day[i]) / last;
    handling[j] = lognormal(rng, mean, REVIEW.handlingCv) * severityHandling[flags.severity[i]] * 60_000;
  }
  const pool = Uint8Array.from(human, (i) => POOL_BY_REGION[COUNTRIES[flags.country[i]].region] ?? 0);
  const start = Date.parse(`${dates[0]}T00:00:00Z`);
  const along = (t: number) => Math.min(1, Math.max(0, (t - start) / (last * DAY)));
  const plan = apacStaffingPlan({
    arrival,
    pool,
    staffed: POOL_BY_REGION.APAC,
    shifts: reviewers.shifts,
    reads: reviewers.reads,
    handling,
    occupancy: REVIEW.apacOccupancy,
    goalHours: (t) => REVIEW.apacGoalHours[0] + (REVIEW.apacGoalHours[1] - REVIEW.apacGoalHours[0]) * along(t)
  });
  return simulateQueue({arrival, credit, handling, shifts: reviewers.shifts, speed: reviewers.speed, pool, reads: reviewers.reads, plan, pause: REVIEW.pauseMinutes * 60_000});
}

/** Flag i's action (a reviewer's, right with their accuracy, or an automated route's), time to action and SLA breach. */
function decide(rng: Rng, flags: Flags, reviewers: Reviewers, review: Review, i: number): void {
  const routeName = ROUTES[review.route[i]];
  if (routeName === "human_review") {
    const correct = chance(rng, reviewers.accuracy[review.reviewer[i]]);
    const enforce = flags.isViolation[i] ? correct : !correct;
    if (enforce) review.action[i] = drawAction(rng, HUMAN_DRAWS[flags.category[i]]);
  } else {
    review.start[i] = flags.ts[i];
    review.decided[i] = Math.round(flags.ts[i] + lognormal(rng, 0.04, 0.8) * HOUR);
    if (routeName === "auto_block") review.action[i] = drawAction(rng, AUTO_BLOCK_DRAWS[flags.category[i]]);
    else if (routeName === "auto_action") review.action[i] = drawAction(rng, AUTO_DRAWS[flags.category[i]]);
  }
  review.ttaHours[i] = timeToActionHours(Math.round(flags.ts[i]), review.decided[i]);
  review.slaBreached[i] = slaBreached(flags.severity[i], review.ttaHours[i]) ? 1 : 0;
}

/** Time to action in hours, to a thousandth of an hour: from the flag (ms) to its decision (ms). */
export function timeToActionHours(ts: number, decided: number): number {
  return Math.round(((decided - ts) / HOUR) * 1000) / 1000;
}

/** A high or critical flag (severity index) decided more than REVIEW.slaHours after it was raised. */
export function slaBreached(severity: number, ttaHours: number): boolean {
  const sev = SEVERITIES[severity];
  return (sev === "critical" || sev === "high") && ttaHours > REVIEW.slaHours;
}

/** Whether flag i's enforcement is appealed, when, and whether the appeal overturns it. */
function appeal(rng: Rng, flags: Flags, review: Review, i: number): void {
  if (review.action[i] === A("none")) return;
  const falsePositive = !flags.isViolation[i];
  const pAppeal = (falsePositive ? APPEALS.rateFalsePositive : APPEALS.rateTruePositive) * APPEALS.actionFactor[ACTIONS[review.action[i]]];
  if (!chance(rng, pAppeal)) return;
  review.appealed[i] = 1;
  review.appealTs[i] = review.decided[i] + lognormal(rng, 36, 0.8) * HOUR;
  // Child-safety enforcement is never reversed on appeal (the APAC KPI dashboard).
  if (flags.category[i] === CHILD) return;
  const pOverturn = (falsePositive ? APPEALS.overturnFalsePositive : APPEALS.overturnTruePositive) * review.countryLeniency[flags.country[i]];
  review.overturned[i] = chance(rng, Math.min(0.95, pOverturn)) ? 1 : 0;
}

const CHILD = CATEGORIES.indexOf("child_safety");
