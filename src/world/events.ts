import type {Activity} from "./activity.js";
import {daysBetween} from "../core/calendar.js";
import {ColumnBuffer} from "./columnBuffer.js";
import {ACTOR_TYPES, COUNTRIES, DAY_MS, DIURNAL, EVENT_TYPES, RATE_LIMIT_PER_DAY, type EventType} from "../core/constants.js";
import type {Flags} from "./flags.js";
import {timeOrder} from "./order.js";
import {chance, int, lognormal, pick, poisson, weightTotal, type Rng} from "../core/random.js";
import {ATTACKS, EXPERIMENT, MESSAGING_LAUNCH} from "../core/scenarios.js";
import type {Users} from "./users.js";

/**
 * The product event log of the protection-science notebook for a cohort of users: signups, logins, direct messages ("chat"),
 * uploads, billing, and the platform's warnings and policy blocks. It is the raw input of the SQL core
 * tables (user, user-day, day) and of the event-level detectors, and it carries its ground truth: each
 * event says whether it is abusive, each cohort user has an experiment arm, an exposure day and a
 * churn or suspension day; actor type and ring come from `users`.
 *
 * The cohort is stratified: every ring member (up to a cap), ordinary spammers, scammers and harassers
 * in their population proportion, then benign users with in-period signups over-represented so that
 * the new-account experiment has users to measure. `weight` undoes the stratification.
 *
 * Abusive cohort users' flagged content (the flags table) appears here as the upload or chat it was
 * raised on, so the two logs agree on what those accounts posted; their other activity, and all
 * benign activity, is generated.
 */


/** Largest scale whose cohort grows with the world (see generateEvents). */
export const COHORT_MAX_SCALE = 4;
/** Cohort users at scale 1. */
export const COHORT_SIZE = 1500;
/** Ring members are at most this share of the cohort. */
export const RING_CAP_SHARE = 0.25;
/** Share of the cohort's benign users drawn from accounts created in the period. */
export const NEW_BENIGN_SHARE = 0.3;

/** One row per cohort user, ascending user index. */
export interface Cohort {
  length: number;
  user: Int32Array;
  /** Index into COHORT_STRATA. */
  stratum: Uint8Array;
  /** Users of the population each cohort user stands for (stratum size / stratum sample). */
  weight: Float64Array;
  /** Index into ARMS: a seeded hash of the user index, 50/50. */
  arm: Uint8Array;
  /** Day index (0 = START_DATE) an abusive message first reached the user, -1 if never. */
  exposedDay: Int16Array;
  /** Abusive messages received. */
  exposures: Int32Array;
  /** Day index a user stopped using the platform (no events from that day on), -1 if never. */
  churnDay: Int16Array;
  /** Day index an account was suspended after repeated warnings (no events from that day on), -1 if never. */
  suspendedDay: Int16Array;
  /** Messages the treatment's rate limit stopped (never sent, so not in the log): the friction's truth. */
  rateLimited: Int32Array;
}

/** One row per event, ascending ts (ties in generation order). */
export interface EventLog {
  length: number;
  /** ms since the epoch, integer, UTC, within the calendar. */
  ts: Float64Array;
  user: Int32Array;
  /** Index into EVENT_TYPES. */
  type: Uint8Array;
  /** Ids continue the `users` id spaces: ids at or above users.devices / users.ipPrefixes are extra ones. */
  device: Int32Array;
  ipPrefix: Int32Array;
  /** Payment instrument on billing events, -1 otherwise. */
  payment: Int32Array;
  /** Recipient of a chat, or of the chat a policy_block stopped; -1 otherwise. */
  peer: Int32Array;
  /** The recipient's account was younger than EXPERIMENT.newAccountDays. */
  peerNew: Uint8Array;
  /**
   * Truth. For chats and uploads: the content is abusive. For policy_block and warning: the action
   * that triggered it was abusive (0 is a false positive). 0 for signup, login and billing.
   */
  abusive: Uint8Array;
  cohort: Cohort;
  /** Seed of the arm hash (see experimentArm). */
  armSalt: number;
  /** Size of the device and IP prefix id spaces including the extra ids handed out here. */
  devices: number;
  ipPrefixes: number;
}

export interface EventsInput {
  users: Users;
  activity: Activity;
  dates: string[];
  flags: Flags;
  /** The world's scale; without it, inferred from the number of ordinary accounts (40,000 at scale 1). */
  scale?: number;
}

/**
 * The unit the experiment assigns to an arm: a ring as a whole (a negative key, -1 - ring), an account
 * outside rings on its own. Cluster randomisation: one operator cannot move its activity from capped
 * accounts to uncapped ones, and the readout's standard errors count rings, not their accounts. The
 * ring stands for the linked-account component a platform would randomise by.
 */
export function experimentUnit(user: number, ring: number): number {
  return ring >= 0 ? -1 - ring : user;
}

/**
 * The arm of each ring. Rings with an account new during the test (signed up from `from` to `to`) are
 * few, and a coin per ring can put them all in one arm, where the comparison would only say which arm
 * the rings fell in: they are assigned in blocks of two in order of their first signup, one of each
 * block to each arm by a coin per block (blocked cluster randomisation, as arrivals would be assigned).
 * Other rings get a coin each.
 */
export function ringArmsInBlocks(users: Pick<Users, "ringMembers" | "signupDay">, from: number, to: number, salt: number): Uint8Array {
  const arms = new Uint8Array(users.ringMembers.length);
  const blocked: {ring: number; first: number}[] = [];
  users.ringMembers.forEach((members, ring) => {
    let first = Infinity;
    let eligible = false;
    for (const u of members) {
      first = Math.min(first, users.signupDay[u]);
      if (users.signupDay[u] >= from && users.signupDay[u] <= to) eligible = true;
    }
    if (eligible) blocked.push({ring, first});
    else arms[ring] = experimentArm(experimentUnit(-1, ring), salt);
  });
  blocked.sort((a, b) => a.first - b.first || a.ring - b.ring);
  blocked.forEach(({ring}, k) => {
    // A block's coin is keyed apart from the rings' own (-1 - ring) and the accounts' (>= 0) keys.
    const coin = experimentArm(-100_000 - Math.floor(k / 2), salt);
    arms[ring] = k % 2 === 0 ? coin : 1 - coin;
  });
  return arms;
}

/** The experiment arm of a unit (experimentUnit): 0 control, 1 treatment. */
export function experimentArm(user: number, salt: number): number {
  let h = (user ^ salt) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) & 1;
}

const BENIGN = ACTOR_TYPES.indexOf("benign");
const SPAMMER = ACTOR_TYPES.indexOf("spammer");
const SCAMMER = ACTOR_TYPES.indexOf("scammer");
const HARASSER = ACTOR_TYPES.indexOf("harasser");
const T = Object.fromEntries(EVENT_TYPES.map((t, i) => [t, i])) as Record<EventType, number>;
const MINUTE = 60_000;
const DIURNAL_TOTAL = weightTotal(DIURNAL);
/** Baseline daily churn hazard of an established benign user. */
const CHURN_HAZARD = 0.0006;
/** Churn hazard multiplier for new accounts (first 30 days) and for 30 days after an abusive message. */
const NEW_CHURN = 2.5;
const EXPOSED_CHURN = 5;
/** Share of established benign users who accept messages from strangers (new accounts always do). */
const OPEN_DMS = 0.3;
/** Benign accounts in their first week have few contacts to message. */
const NEWCOMER_CHATS = 0.6;
const EXPOSURE_DAYS = 30;
const SUSPEND_AFTER_WARNINGS = 3;

/** How a kind of account behaves (rates per active day; chats scale with messaging adoption). */
interface Behaviour {
  active: number;
  chats: number;
  chatAbusive: number;
  uploads: number;
  uploadAbusive: number;
  /** Mean seconds between actions in an app session. */
  gap: number;
  /** Share of abusive messages sent to brand-new accounts, when there are any. */
  targetNew: number;
  /** Distinct targets a sender keeps messaging (0: a new random target each time). */
  targets: number;
}

const QUIET: Behaviour = {active: 0.12, chats: 1.5, chatAbusive: 0.5, uploads: 0.4, uploadAbusive: 0.5, gap: 60, targetNew: 0.3, targets: 0};

type LogColumns = {ts: Float64Array; user: Int32Array; type: Uint8Array; device: Int32Array; ipPrefix: Int32Array; payment: Int32Array; peer: Int32Array; peerNew: Uint8Array; abusive: Uint8Array};

/** What each cohort user is like, drawn once: their habits, and the devices and IP prefixes they use. */
interface Traits {
  signup: Int16Array;
  type: Uint8Array;
  ring: Int16Array;
  pActive: Float64Array;
  chatRate: Float64Array;
  uploadRate: Float64Array;
  hazard: Float64Array;
  payDay: Int8Array;
  openDms: Uint8Array;
  /** Device and IP pools: user c's ids are devPool[devStart[c]] to devPool[devStart[c + 1] - 1], own id first. */
  devStart: Int32Array;
  ipStart: Int32Array;
  devPool: number[];
  ipPool: number[];
  /** Size of the device and IP prefix id spaces, extra ids included. */
  devices: number;
  ipPrefixes: number;
}

/** k distinct elements of pool, uniformly (a partial Fisher–Yates shuffle of a copy). */
function sample(rng: Rng, pool: ArrayLike<number>, k: number): number[] {
  const a = Array.from(pool);
  const n = Math.min(k, a.length);
  for (let i = 0; i < n; i++) {
    const j = i + int(rng, a.length - i);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a.slice(0, n);
}

export function generateEvents(rng: Rng, {users, activity, dates, flags, scale}: EventsInput): EventLog {
  if (dates.length === 0) throw new Error("invalid calendar: no dates");
  if (activity.dates.length !== dates.length) throw new Error(`invalid activity: ${activity.dates.length} days for a ${dates.length}-day calendar`);
  const {cohort, size} = drawCohort(rng.fork("cohort"), users, dates.length - 1, scale);
  const armSalt = Math.floor(rng.fork("arms")() * 2 ** 32) >>> 0;
  assignArms(cohort, users, dates, armSalt);
  const traits = drawTraits(rng.fork("behaviour"), users, cohort);
  const days = new EventDays(rng.fork("days"), {users, activity, dates, flags}, cohort, traits, Math.ceil(size * 300) + 1024);
  for (let d = 0; d < dates.length; d++) days.simulate(d);
  const n = days.log.length;
  const c = days.log.cols;
  return {
    length: n,
    ts: c.ts.slice(0, n),
    user: c.user.slice(0, n),
    type: c.type.slice(0, n),
    device: c.device.slice(0, n),
    ipPrefix: c.ipPrefix.slice(0, n),
    payment: c.payment.slice(0, n),
    peer: c.peer.slice(0, n),
    peerNew: c.peerNew.slice(0, n),
    abusive: c.abusive.slice(0, n),
    cohort,
    armSalt,
    devices: traits.devices,
    ipPrefixes: traits.ipPrefixes
  };
}

/** Draws the cohort's members and weights (see the module comment); arms and outcomes start empty. */
function drawCohort(rng: Rng, users: Users, lastDay: number, scaleOption: number | undefined): {cohort: Cohort; size: number} {
  let ringTotal = 0;
  for (const m of users.ringMembers) ringTotal += m.length;
  const ordinary = users.length - ringTotal;
  const scale = scaleOption ?? ordinary / 40_000;
  if (!(scale > 0)) throw new Error(`invalid scale: ${scale}`);
  // The cohort is a weighted sample of the population: it grows with the world up to COHORT_MAX_SCALE,
  // then its weights grow instead, so a large world's event log stays a few million rows.
  const size = Math.max(100, Math.round(COHORT_SIZE * Math.min(scale, COHORT_MAX_SCALE)));
  const members = drawMembers(rng, users, ordinary, lastDay, size);
  const C = members.length;
  const cohort: Cohort = {
    length: C,
    user: Int32Array.from(members, (m) => m.u),
    stratum: Uint8Array.from(members, (m) => m.stratum),
    weight: Float64Array.from(members, (m) => Math.round(m.weight * 1e6) / 1e6),
    arm: new Uint8Array(C),
    exposedDay: new Int16Array(C).fill(-1),
    exposures: new Int32Array(C),
    churnDay: new Int16Array(C).fill(-1),
    suspendedDay: new Int16Array(C).fill(-1),
    rateLimited: new Int32Array(C)
  };
  return {cohort, size};
}

/** The stratified sample, ascending user: ring members up to a cap, abusive accounts, new and established benign ones. */
function drawMembers(rng: Rng, users: Users, ordinary: number, lastDay: number, size: number): {u: number; stratum: number; weight: number}[] {
  const ringPool: number[] = [];
  for (const m of users.ringMembers) for (const u of m) ringPool.push(u);
  const rings = sample(rng, ringPool, Math.round(size * RING_CAP_SHARE));
  const abusivePool: number[] = [];
  const newPool: number[] = [];
  const establishedPool: number[] = [];
  for (let u = 0; u < ordinary; u++) {
    if (users.actorType[u] !== BENIGN) abusivePool.push(u);
    // Accounts created on the last day have no history to observe.
    else if (users.signupDay[u] >= 0 && users.signupDay[u] < lastDay) newPool.push(u);
    else if (users.signupDay[u] < 0) establishedPool.push(u);
  }
  const rest = size - rings.length;
  const abusive = sample(rng, abusivePool, Math.round((rest * abusivePool.length) / Math.max(1, ordinary)));
  const benignCount = rest - abusive.length;
  const fresh = sample(rng, newPool, Math.round(benignCount * NEW_BENIGN_SHARE));
  const established = sample(rng, establishedPool, benignCount - fresh.length);
  const strata: [number[], number, number][] = [
    [rings, 0, ringPool.length],
    [abusive, 1, abusivePool.length],
    [fresh, 2, newPool.length],
    [established, 3, establishedPool.length]
  ];
  const members: {u: number; stratum: number; weight: number}[] = [];
  for (const [list, stratum, population] of strata) for (const u of list) members.push({u, stratum, weight: population / list.length});
  return members.sort((a, b) => a.u - b.u);
}

/** Puts each cohort user in an experiment arm: rings as a whole (in blocks, see ringArmsInBlocks), others alone. */
function assignArms(cohort: Cohort, users: Users, dates: string[], armSalt: number): void {
  const ringArms = ringArmsInBlocks(users, daysBetween(dates[0], EXPERIMENT.start) - EXPERIMENT.newAccountDays + 1, daysBetween(dates[0], EXPERIMENT.end), armSalt);
  for (let c = 0; c < cohort.length; c++) {
    const u = cohort.user[c];
    cohort.arm[c] = users.ring[u] >= 0 ? ringArms[users.ring[u]] : experimentArm(experimentUnit(u, -1), armSalt);
  }
}

/** Draws each cohort user's habits and identifiers, one user after another. */
function drawTraits(rng: Rng, users: Users, cohort: Cohort): Traits {
  const C = cohort.length;
  const t: Traits = {
    signup: new Int16Array(C),
    type: new Uint8Array(C),
    ring: new Int16Array(C),
    pActive: new Float64Array(C),
    chatRate: new Float64Array(C),
    uploadRate: new Float64Array(C),
    hazard: new Float64Array(C),
    payDay: new Int8Array(C),
    openDms: new Uint8Array(C),
    devStart: new Int32Array(C + 1),
    ipStart: new Int32Array(C + 1),
    devPool: [],
    ipPool: [],
    devices: users.devices,
    ipPrefixes: users.ipPrefixes
  };
  const ringShared = {devices: new Map<number, number[]>(), ips: new Map<number, number[]>()};
  for (let c = 0; c < C; c++) {
    const u = cohort.user[c];
    drawHabits(rng, users, t, c, u);
    drawIdentifiers(rng, users, t, c, u, ringShared);
  }
  t.devStart[C] = t.devPool.length;
  t.ipStart[C] = t.ipPool.length;
  return t;
}

/** One user's habits: billing day, activity, chat and upload rates, open inbox, churn hazard. */
function drawHabits(rng: Rng, users: Users, t: Traits, c: number, u: number): void {
  t.signup[c] = users.signupDay[u];
  t.type[c] = users.actorType[u];
  t.ring[c] = users.ring[u];
  t.payDay[c] = int(rng, 30);
  const benign = t.type[c] === BENIGN;
  t.pActive[c] = benign ? Math.min(0.95, Math.max(0.04, lognormal(rng, 0.5, 0.5))) : 0.45 + 0.2 * rng();
  t.chatRate[c] = lognormal(rng, benign ? 3.4 : 1, benign ? 1 : 0.4);
  t.uploadRate[c] = lognormal(rng, benign ? 0.6 : 1, 1);
  t.openDms[c] = !benign || chance(rng, OPEN_DMS) ? 1 : 0;
  t.hazard[c] = benign ? CHURN_HAZARD * lognormal(rng, 1, 0.5) : 0;
}

/** One user's devices and IP prefixes: their own, then extra ones (other phones, carriers, proxies). */
function drawIdentifiers(rng: Rng, users: Users, t: Traits, c: number, u: number, ringShared: {devices: Map<number, number[]>; ips: Map<number, number[]>}): void {
  const {devPool, ipPool} = t;
  t.devStart[c] = devPool.length;
  t.ipStart[c] = ipPool.length;
  devPool.push(users.device[u]);
  ipPool.push(users.ipPrefix[u]);
  if (t.type[c] === BENIGN) {
    if (chance(rng, 0.3)) devPool.push(t.devices++);
    // Roaming: another carrier prefix of the same country.
    const local = users.pools[users.country[u]][BENIGN];
    for (let k = 1 + int(rng, 2); k > 0 && local.length > 0; k--) ipPool.push(users.ipPrefix[local[int(rng, local.length)]]);
  } else if (t.ring[c] >= 0) {
    // Ring members rotate through devices and proxies that the whole ring shares.
    const r = t.ring[c];
    const accounts = users.ringSpecs[r].accounts;
    if (!ringShared.devices.has(r)) {
      ringShared.devices.set(r, Array.from({length: Math.ceil(accounts / 6) + 1}, () => t.devices++));
      ringShared.ips.set(r, Array.from({length: Math.ceil(accounts / 5) + 1}, () => t.ipPrefixes++));
    }
    for (const d of sample(rng, ringShared.devices.get(r)!, 2)) devPool.push(d);
    for (const p of sample(rng, ringShared.ips.get(r)!, 3)) ipPool.push(p);
  } else {
    for (let k = 1 + poisson(rng, 2); k > 0; k--) devPool.push(t.devices++);
    for (let k = 2 + poisson(rng, 3); k > 0; k--) ipPool.push(t.ipPrefixes++);
  }
}

/** How each kind of account behaves on a day: by actor type, age, and its ring's scenario (scam wave, attack, dormancy). */
function behaviourModel(users: Users, dates: string[], t: Traits): (c: number, d: number) => Behaviour {
  const scamStart = daysBetween(dates[0], MESSAGING_LAUNCH.scamStart);
  const scamEnd = daysBetween(dates[0], MESSAGING_LAUNCH.scamEnd);
  const attackDays = users.ringSpecs.map((spec) => {
    const a = ATTACKS.find((x) => x.id === spec.attack);
    return a ? [daysBetween(dates[0], a.start), daysBetween(dates[0], a.end)] : null;
  });
  const {type, signup, pActive, chatRate, uploadRate, ring} = t;
  // One mutable behaviour, refilled per user-day: the day loop makes millions of these at large scale.
  const B: Behaviour = {...QUIET};
  const set = (active: number, chats: number, chatAbusive: number, uploads: number, uploadAbusive: number, gap: number, targetNew: number, targets: number): Behaviour => {
    B.active = active;
    B.chats = chats;
    B.chatAbusive = chatAbusive;
    B.uploads = uploads;
    B.uploadAbusive = uploadAbusive;
    B.gap = gap;
    B.targetNew = targetNew;
    B.targets = targets;
    return B;
  };
  const quiet = (chats = QUIET.chats) => set(QUIET.active, chats, QUIET.chatAbusive, QUIET.uploads, QUIET.uploadAbusive, QUIET.gap, QUIET.targetNew, QUIET.targets);
  return (c: number, d: number): Behaviour => {
    const kind = type[c];
    const age = d - signup[c];
    if (kind === BENIGN) return set(Math.min(0.97, pActive[c] * (age < 14 ? 1.2 : 1)), chatRate[c] * (age < EXPERIMENT.newAccountDays ? NEWCOMER_CHATS : 1), 0, uploadRate[c], 0, 90, 0.03, 0);
    const burst = age < 10 ? 2 : 1;
    if (kind === SPAMMER) return set(pActive[c], 9 * chatRate[c] * burst, 0.85, 3 * uploadRate[c] * burst, 0.8, 8, 0.3, 0);
    if (kind === SCAMMER) return set(pActive[c] * 0.8, 6 * chatRate[c] * burst, 0.8, uploadRate[c], 0.3, 20, 0.4, 12);
    if (kind === HARASSER) return set(pActive[c], 4 * chatRate[c], 0.6, 1.5 * uploadRate[c], 0.4, 30, 0.1, 3);
    const spec = users.ringSpecs[ring[c]];
    if (spec.purpose === "messaging_scam") {
      if (d >= scamStart && d <= scamEnd) return set(0.85, 16 * chatRate[c], 0.95, 0.3, 0.5, 6, 0.35, 15);
      if (age < 10) return set(0.5, 2, 0.3, 0.8, 0, 40, 0.3, 15);
      return quiet();
    }
    const attack = attackDays[ring[c]];
    if (attack) {
      if (d >= attack[0] && d <= attack[1]) return set(0.95, 4 * chatRate[c], 0.8, 3, 0.9, 8, 0.3, 0);
      // Fresh accounts warm up by messaging: the behaviour the new-account rate limit targets.
      if (age < 10) return set(0.8, 12 * chatRate[c], 0.9, 1, 0, 6, 0.35, 0);
      return quiet();
    }
    // Dormant rings: occasional logins, a little fake engagement; review fraud pays (see purchases).
    return quiet(0.5);
  };
}

/** Flag rows by day: the flags of day d are rows dayFlags[d] to dayFlags[d + 1] - 1. */
function flagsByDay(flags: Flags, nDays: number): Int32Array {
  const dayFlags = new Int32Array(nDays + 1);
  for (let i = 0; i < flags.length; i++) dayFlags[flags.day[i] + 1]++;
  for (let d = 0; d < nDays; d++) dayFlags[d + 1] += dayFlags[d];
  return dayFlags;
}

/** Each day's platform-wide active users relative to the period's mean. */
function activityFactor(activity: Activity, nDays: number): Float64Array {
  const factor = new Float64Array(nDays);
  let mean = 0;
  const totals = new Float64Array(nDays);
  for (let d = 0; d < nDays; d++) {
    for (let k = 0; k < COUNTRIES.length; k++) totals[d] += activity.activeUsers[d * COUNTRIES.length + k];
    mean += totals[d] / nDays;
  }
  for (let d = 0; d < nDays; d++) factor[d] = mean > 0 ? totals[d] / mean : 1;
  return factor;
}

/** The cohort's days, simulated one after another into the event log (one random stream, "days"). */
class EventDays {
  readonly log: ColumnBuffer<LogColumns>;
  private gaps = new Float64Array(256);
  /** The brand-new accounts of the current day: bySignup[newLo] to bySignup[newHi - 1]. */
  private newLo = 0;
  private newHi = 0;
  private readonly behaviour: (c: number, d: number) => Behaviour;
  private readonly cohortOf = new Map<number, number>();
  private readonly dayFlags: Int32Array;
  private readonly lastFlagDay: Int16Array;
  /** Cohort users by signup day, to find the brand-new accounts of a day. */
  private readonly bySignup: Int32Array;
  private readonly targetLists = new Map<number, number[]>();
  private readonly warnings: Int32Array;
  private readonly lastExposed: Int16Array;
  private readonly flagLoginDay: Int16Array;
  private readonly activeFactor: Float64Array;
  private readonly t0: number;
  private readonly lastDay: number;
  private readonly expStart: number;
  private readonly expEnd: number;
  private readonly newAccountDays = EXPERIMENT.newAccountDays;

  constructor(
    private readonly rng: Rng,
    private readonly input: {users: Users; activity: Activity; dates: string[]; flags: Flags},
    private readonly cohort: Cohort,
    private readonly t: Traits,
    capacity: number
  ) {
    const {users, activity, dates, flags} = input;
    const C = cohort.length;
    const nDays = dates.length;
    this.log = new ColumnBuffer<LogColumns>({ts: new Float64Array(capacity), user: new Int32Array(capacity), type: new Uint8Array(capacity), device: new Int32Array(capacity), ipPrefix: new Int32Array(capacity), payment: new Int32Array(capacity), peer: new Int32Array(capacity), peerNew: new Uint8Array(capacity), abusive: new Uint8Array(capacity)}, capacity);
    for (let c = 0; c < C; c++) this.cohortOf.set(cohort.user[c], c);
    this.behaviour = behaviourModel(users, dates, t);
    this.dayFlags = flagsByDay(flags, nDays);
    this.lastFlagDay = new Int16Array(C).fill(-1);
    for (let i = 0; i < flags.length; i++) {
      const c = this.cohortOf.get(flags.actor[i]);
      if (c !== undefined && t.type[c] !== BENIGN) this.lastFlagDay[c] = Math.max(this.lastFlagDay[c], flags.day[i]);
    }
    this.bySignup = Int32Array.from({length: C}, (_, c) => c).sort((a, b) => t.signup[a] - t.signup[b] || a - b);
    this.warnings = new Int32Array(C);
    this.lastExposed = new Int16Array(C).fill(-1);
    this.flagLoginDay = new Int16Array(C).fill(-1);
    this.activeFactor = activityFactor(activity, nDays);
    this.t0 = Date.parse(`${dates[0]}T00:00:00Z`);
    this.lastDay = nDays - 1;
    this.expStart = daysBetween(dates[0], EXPERIMENT.start);
    this.expEnd = daysBetween(dates[0], EXPERIMENT.end);
  }

  /** Day d: every cohort user's own activity, then the flagged content the world says they posted, in time order. */
  simulate(d: number): void {
    const dayStart = this.t0 + d * DAY_MS;
    const first = this.log.length;
    const {bySignup} = this;
    const {signup} = this.t;
    const C = this.cohort.length;
    while (this.newHi < C && signup[bySignup[this.newHi]] <= d) this.newHi++;
    while (this.newLo < this.newHi && signup[bySignup[this.newLo]] <= d - this.newAccountDays) this.newLo++;
    for (let c = 0; c < C; c++) this.userDay(c, d, dayStart);
    for (let i = this.dayFlags[d]; i < this.dayFlags[d + 1]; i++) this.postFlagged(i, d, dayStart);
    sortRange(this.log, first, this.log.length, dayStart);
  }

  /** One user's day: churn, the subscription's renewal, and whether they show up at all. */
  private userDay(c: number, d: number, dayStart: number): void {
    const {signup, type, payDay} = this.t;
    const rng = this.rng;
    if (signup[c] > d || this.gone(c, d)) return;
    const age = d - signup[c];
    if (type[c] === BENIGN && age > 0 && this.churns(c, d, age)) return;
    const payment = this.input.users.payment[this.cohort.user[c]];
    // Subscriptions renew monthly whether or not the user shows up.
    if (payment >= 0 && (d + payDay[c]) % 30 === 0 && age > 0) this.emit(dayStart + Math.floor(rng() * DAY_MS), c, T.billing, this.t.devPool[this.t.devStart[c]], this.t.ipPool[this.t.ipStart[c]], payment, -1, 0, 0);
    const b = this.behaviour(c, d);
    if (age !== 0 && !chance(rng, Math.min(0.98, b.active * this.activeFactor[d]))) return;
    this.activeDay(c, d, dayStart, age, b, payment);
  }

  /** Whether a benign user leaves on day d (more likely when new, or soon after an abusive message). */
  private churns(c: number, d: number, age: number): boolean {
    const last = this.lastExposed[c];
    const recent = last >= 0 && d - last >= 1 && d - last <= EXPOSURE_DAYS;
    const h = this.t.hazard[c] * (age < 30 ? NEW_CHURN : 1) * (recent ? EXPOSED_CHURN : 1);
    if (!chance(this.rng, h)) return false;
    this.cohort.churnDay[c] = d;
    return true;
  }

  /** What a user does on an active day (the experiment's message cap applied), split over one or two app sessions. */
  private activeDay(c: number, d: number, dayStart: number, age: number, b: Behaviour, payment: number): void {
    const rng = this.rng;
    const {cohort} = this;
    const {type, ring} = this.t;
    const adoption = this.input.activity.adoption[d];
    let chats = adoption > 0 ? poisson(rng, b.chats * adoption) : 0;
    // The experiment's friction: a daily message cap on new accounts in treatment.
    if (d >= this.expStart && d <= this.expEnd && cohort.arm[c] === 1 && age < this.newAccountDays && chats > RATE_LIMIT_PER_DAY) {
      cohort.rateLimited[c] += chats - RATE_LIMIT_PER_DAY;
      chats = RATE_LIMIT_PER_DAY;
    }
    const uploads = poisson(rng, b.uploads);
    const purchases = payment >= 0 && chance(rng, type[c] === BENIGN ? 0.02 : ring[c] >= 0 && this.input.users.ringSpecs[ring[c]].purpose === "dormant_review_fraud" ? 0.3 : 0.08) ? 1 : 0;
    const sessions = 1 + (chance(rng, 0.25) ? 1 : 0);
    let leftChats = chats;
    let leftUploads = uploads;
    let leftBuys = purchases;
    for (let s = 0; s < sessions; s++) {
      const last = s === sessions - 1;
      const nChats = last ? leftChats : Math.round(leftChats * rng());
      const nUploads = last ? leftUploads : Math.round(leftUploads * rng());
      const nBuys = last ? leftBuys : 0;
      leftChats -= nChats;
      leftUploads -= nUploads;
      leftBuys -= nBuys;
      this.appSession(c, d, dayStart, age === 0 && s === 0, nChats, nUploads, nBuys, b, payment);
    }
  }

  /** One app session: a login (after the signup on day one), chats and uploads in random order, a purchase last. */
  private appSession(c: number, d: number, dayStart: number, signs: boolean, nChats: number, nUploads: number, nBuys: number, b: Behaviour, payment: number): void {
    const rng = this.rng;
    const dayEnd = dayStart + DAY_MS;
    // The session's pace, drawn first so that a late start still ends before midnight UTC.
    const steps = nChats + nUploads;
    let span = this.drawGaps(steps, signs ? 25_000 : 0, b);
    const tail = nBuys > 0 ? 30_000 + Math.floor(rng() * 600_000) : 0;
    span = this.fitDay(steps, span + tail);
    let t = this.startTime(c, dayStart, span);
    const device = this.deviceOf(c);
    const ip = this.ipOf(c);
    if (signs) {
      this.emit(t, c, T.signup, device, ip, -1, -1, 0, 0);
      t += 5_000 + Math.floor(rng() * 20_000);
    }
    this.emit(t, c, T.login, device, ip, -1, -1, 0, 0);
    let cLeft = nChats;
    let uLeft = nUploads;
    for (let k = 0; k < steps; k++) {
      t += this.gaps[k];
      if (rng() * (cLeft + uLeft) < cLeft) {
        cLeft--;
        this.act(c, d, t, dayEnd, true, chance(rng, b.chatAbusive), b, device, ip);
      } else {
        uLeft--;
        this.act(c, d, t, dayEnd, false, chance(rng, b.uploadAbusive), b, device, ip);
      }
    }
    if (nBuys > 0) this.emit(t + tail, c, T.billing, device, ip, payment, -1, 0, 0);
  }

  /** Draws the gaps before each of `steps` actions into `gaps`; returns `lead` plus their sum. */
  private drawGaps(steps: number, lead: number, b: Behaviour): number {
    if (this.gaps.length < steps) this.gaps = new Float64Array(steps * 2);
    const gaps = this.gaps;
    let span = lead;
    for (let k = 0; k < steps; k++) span += gaps[k] = 1_000 + Math.floor(lognormal(this.rng, b.gap * 1000, 1));
    return span;
  }

  /** Shrinks the gaps of a session longer than a day so that it fits in one; returns its span. */
  private fitDay(steps: number, span: number): number {
    if (span <= DAY_MS - 1) return span;
    const f = (DAY_MS - 1) / span;
    for (let k = 0; k < steps; k++) this.gaps[k] = Math.floor(this.gaps[k] * f);
    return DAY_MS - 1;
  }

  /** A session's start: a local hour by the diurnal curve, moved earlier if the session would pass midnight UTC. */
  private startTime(c: number, dayStart: number, span: number): number {
    const rng = this.rng;
    const country = this.input.users.country[this.cohort.user[c]];
    const localHour = pick(rng, DIURNAL, DIURNAL_TOTAL);
    const utcHour = (((localHour - COUNTRIES[country].utcOffset) % 24) + 24) % 24;
    let t = dayStart + utcHour * 3_600_000 + Math.floor(rng() * 3_600_000);
    if (t + span > dayStart + DAY_MS - 1) t = dayStart + Math.floor((DAY_MS - 1 - span) * rng());
    return t;
  }

  /** Flag i (day d) as the upload or chat it was raised on, posted a little before it was reported, after a login. */
  private postFlagged(i: number, d: number, dayStart: number): void {
    const {flags} = this.input;
    const {type, signup} = this.t;
    const rng = this.rng;
    const c = this.cohortOf.get(flags.actor[i]);
    if (c === undefined || type[c] === BENIGN || signup[c] > d) return;
    const ts = this.shifted(flags.ts[i], dayStart, -lognormal(rng, 25 * MINUTE, 0.8));
    const device = this.deviceOf(c);
    const ip = this.ipOf(c);
    if (this.flagLoginDay[c] !== d) {
      this.flagLoginDay[c] = d;
      this.emit(this.shifted(ts, dayStart, -(MINUTE + rng() * 9 * MINUTE)), c, T.login, device, ip, -1, -1, 0, 0);
    }
    const isChat = flags.surface[i] === 2;
    const b = this.behaviour(c, d);
    const abusive = flags.isViolation[i] === 1;
    const peer = isChat ? this.recipient(c, d, b, abusive) : -1;
    if (isChat && abusive) this.deliverAbusive(peer, d);
    this.emit(ts, c, isChat ? T.chat : T.upload, device, ip, -1, peer >= 0 ? this.cohort.user[peer] : -1, peer >= 0 && d - signup[peer] < this.newAccountDays ? 1 : 0, abusive ? 1 : 0);
  }

  /** One chat or upload attempt by c at ts: it is blocked, or delivered (and maybe warned on). */
  private act(c: number, d: number, ts: number, dayEnd: number, isChat: boolean, abusive: boolean, b: Behaviour, device: number, ip: number): void {
    const peer = isChat ? this.recipient(c, d, b, abusive) : -1;
    if (isChat && peer < 0) return;
    const peerNew = peer >= 0 && d - this.t.signup[peer] < this.newAccountDays ? 1 : 0;
    const peerUser = peer >= 0 ? this.cohort.user[peer] : -1;
    const a = abusive ? 1 : 0;
    const pBlock = abusive ? (this.t.ring[c] >= 0 ? 0.2 : 0.12) : 0.002;
    if (chance(this.rng, pBlock)) {
      this.emit(ts, c, T.policy_block, device, ip, -1, peerUser, peerNew, a);
      return;
    }
    this.emit(ts, c, isChat ? T.chat : T.upload, device, ip, -1, peerUser, peerNew, a);
    if (abusive && isChat) this.deliverAbusive(peer, d);
    if (chance(this.rng, abusive ? 0.015 : 0.0005)) this.warn(c, d, ts, dayEnd, a);
  }

  /** A warning to c; repeat offenders are suspended, but never before the flagged content the world says they posted. */
  private warn(c: number, d: number, ts: number, dayEnd: number, abusive: number): void {
    const rng = this.rng;
    this.emit(this.shifted(ts, dayEnd - 1, lognormal(rng, 30 * MINUTE, 0.8)), c, T.warning, this.t.devPool[this.t.devStart[c]], this.t.ipPool[this.t.ipStart[c]], -1, -1, 0, abusive);
    this.warnings[c]++;
    if (this.warnings[c] >= SUSPEND_AFTER_WARNINGS && this.cohort.suspendedDay[c] < 0 && chance(rng, 0.4)) {
      const day = Math.max(d + 1, this.lastFlagDay[c] + 1);
      if (day <= this.lastDay) this.cohort.suspendedDay[c] = day;
    }
  }

  /** A recipient for c's message on day d: a brand-new account, one of c's regular targets, or anyone. */
  private recipient(c: number, d: number, b: Behaviour, abusive: boolean): number {
    const rng = this.rng;
    if (abusive && this.newHi > this.newLo && chance(rng, b.targetNew)) {
      const v = this.bySignup[this.newLo + int(rng, this.newHi - this.newLo)];
      if (v !== c && !this.gone(v, d)) return v;
    }
    if (abusive && b.targets > 0) {
      let list = this.targetLists.get(c);
      if (!list) this.targetLists.set(c, (list = []));
      if (list.length < b.targets || chance(rng, 0.1)) {
        const v = this.randomMember(c, d, true);
        if (v >= 0) {
          if (list.length < b.targets) list.push(v);
          else list[int(rng, list.length)] = v;
        }
      }
      for (let k = 0; k < list.length; k++) {
        const v = list[int(rng, list.length)];
        if (!this.gone(v, d)) return v;
      }
    }
    return this.randomMember(c, d, abusive);
  }

  /** A random cohort user who has signed up and is still around; strangers reach only open inboxes. */
  private randomMember(c: number, d: number, stranger: boolean): number {
    const C = this.cohort.length;
    for (let k = 0; k < 20; k++) {
      const v = int(this.rng, C);
      if (this.reachable(v, c, d, stranger)) return v;
    }
    // Few eligible users left (a tiny cohort): scan from a random point.
    const from = int(this.rng, C);
    for (let k = 0; k < C; k++) if (this.reachable((from + k) % C, c, d, stranger)) return (from + k) % C;
    return stranger ? this.randomMember(c, d, false) : -1;
  }

  private reachable(v: number, c: number, d: number, stranger: boolean): boolean {
    const t = this.t;
    return v !== c && t.signup[v] <= d && !this.gone(v, d) && (!stranger || (t.type[v] === BENIGN && t.openDms[v] === 1));
  }

  /** Whether c has churned or been suspended by day d. */
  private gone(c: number, d: number): boolean {
    const {churnDay, suspendedDay} = this.cohort;
    return (churnDay[c] >= 0 && churnDay[c] <= d) || (suspendedDay[c] >= 0 && suspendedDay[c] <= d);
  }

  /** An abusive message reaches v (a benign user) on day d. */
  private deliverAbusive(v: number, d: number): void {
    if (v < 0 || this.t.type[v] !== BENIGN) return;
    this.cohort.exposures[v]++;
    if (this.cohort.exposedDay[v] < 0) this.cohort.exposedDay[v] = d;
    this.lastExposed[v] = d;
  }

  /** The device of one session: mostly the account's own, otherwise one of its extra ones. */
  private deviceOf(c: number): number {
    const {devStart, devPool, type, ring} = this.t;
    const n = devStart[c + 1] - devStart[c];
    const own = type[c] === BENIGN ? 0.85 : ring[c] >= 0 ? 0.6 : 0.35;
    return n === 1 || chance(this.rng, own) ? devPool[devStart[c]] : devPool[devStart[c] + 1 + int(this.rng, n - 1)];
  }

  /** The IP prefix of one session, like deviceOf. */
  private ipOf(c: number): number {
    const {ipStart, ipPool, type, ring} = this.t;
    const n = ipStart[c + 1] - ipStart[c];
    const own = type[c] === BENIGN ? 0.75 : ring[c] >= 0 ? 0.5 : 0.25;
    return n === 1 || chance(this.rng, own) ? ipPool[ipStart[c]] : ipPool[ipStart[c] + 1 + int(this.rng, n - 1)];
  }

  /** ts moved by delta ms (either sign), or to a random point between ts and the limit when that would pass it. */
  private shifted(ts: number, limit: number, delta: number): number {
    return Math.floor(Math.abs(delta) <= Math.abs(limit - ts) ? ts + delta : ts + (limit - ts) * this.rng());
  }

  private emit(ts: number, c: number, t: number, device: number, ip: number, payment: number, peer: number, peerNew: number, abusive: number): void {
    const k = this.log.row();
    const col = this.log.cols;
    col.ts[k] = ts;
    col.user[k] = this.cohort.user[c];
    col.type[k] = t;
    col.device[k] = device;
    col.ipPrefix[k] = ip;
    col.payment[k] = payment;
    col.peer[k] = peer;
    col.peerNew[k] = peerNew;
    col.abusive[k] = abusive;
  }
}

/** Scratch buffers of sortRange, grown as needed. */
const scratch = {order: new Int32Array(0), f64: new Float64Array(0), i32: new Int32Array(0), u8: new Uint8Array(0)};

/** Sorts rows [a, b) of one day by ts, keeping generation order among ties. */
function sortRange(table: ColumnBuffer<LogColumns>, a: number, b: number, dayStart: number): void {
  const n = b - a;
  if (n < 2) return;
  const ts = table.cols.ts;
  let sorted = true;
  for (let i = a + 1; i < b && sorted; i++) if (ts[i] < ts[i - 1]) sorted = false;
  if (sorted) return;
  if (scratch.order.length < n) {
    const size = n * 2;
    scratch.order = new Int32Array(size);
    scratch.f64 = new Float64Array(size);
    scratch.i32 = new Int32Array(size);
    scratch.u8 = new Uint8Array(size);
  }
  const order = timeOrder(ts, a, n, dayStart, scratch.order);
  for (const k of Object.keys(table.cols) as (keyof LogColumns)[]) {
    const col = table.cols[k];
    if (col instanceof Float64Array) permuteF64(col, scratch.f64, order, a, n);
    else if (col instanceof Int32Array) permuteI32(col, scratch.i32, order, a, n);
    else permuteU8(col, scratch.u8, order, a, n);
  }
}

// One function per array type keeps each loop monomorphic (a shared one is several times slower).
function permuteF64(col: Float64Array, copy: Float64Array, order: Int32Array, a: number, n: number): void {
  copy.set(col.subarray(a, a + n));
  for (let i = 0; i < n; i++) col[a + i] = copy[order[i]];
}
function permuteI32(col: Int32Array, copy: Int32Array, order: Int32Array, a: number, n: number): void {
  copy.set(col.subarray(a, a + n));
  for (let i = 0; i < n; i++) col[a + i] = copy[order[i]];
}
function permuteU8(col: Uint8Array, copy: Uint8Array, order: Int32Array, a: number, n: number): void {
  copy.set(col.subarray(a, a + n));
  for (let i = 0; i < n; i++) col[a + i] = copy[order[i]];
}
