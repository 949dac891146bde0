import type {Activity} from "./activity.js";
import {daysBetween} from "./calendar.js";
import {ACTOR_TYPES, COUNTRIES, DAY_MS, DIURNAL} from "./constants.js";
import type {Flags} from "./flags.js";
import {timeOrder} from "./order.js";
import {chance, int, lognormal, pick, poisson, weightTotal, type Rng} from "./random.js";
import {ATTACKS, EXPERIMENT, MESSAGING_LAUNCH} from "./scenarios.js";
import type {Users} from "./users.js";

/**
 * The product event log of seed 002 for a cohort of users: signups, logins, direct messages ("chat"),
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

export const EVENT_TYPES = ["signup", "login", "chat", "upload", "billing", "warning", "policy_block"] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const ARMS = ["control", "treatment"] as const;
export type Arm = (typeof ARMS)[number];
export const COHORT_STRATA = ["ring", "abusive", "benign_new", "benign_established"] as const;
export type CohortStratum = (typeof COHORT_STRATA)[number];

/** Largest scale whose cohort grows with the world (see generateEvents). */
export const COHORT_MAX_SCALE = 4;
/** Cohort users at scale 1. */
export const COHORT_SIZE = 1500;
/** Ring members are at most this share of the cohort. */
export const RING_CAP_SHARE = 0.25;
/** Share of the cohort's benign users drawn from accounts created in the period. */
export const NEW_BENIGN_SHARE = 0.3;
/** Messages a new account may send per day in the experiment's treatment arm. */
export const RATE_LIMIT_PER_DAY = 5;

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

/** Growable typed columns. */
class Table<K extends string> {
  length = 0;
  cols: Record<K, Float64Array | Int32Array | Uint8Array>;
  constructor(
    spec: Record<K, new (n: number) => Float64Array | Int32Array | Uint8Array>,
    private capacity: number
  ) {
    this.cols = {} as Record<K, Float64Array | Int32Array | Uint8Array>;
    for (const k of Object.keys(spec) as K[]) this.cols[k] = new spec[k](capacity);
  }
  row(): number {
    if (this.length === this.capacity) {
      this.capacity *= 2;
      for (const k of Object.keys(this.cols) as K[]) {
        const old = this.cols[k];
        const next = new (old.constructor as new (n: number) => typeof old)(this.capacity);
        next.set(old as never);
        this.cols[k] = next;
      }
    }
    return this.length++;
  }
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

export function generateEvents(rng: Rng, {users, activity, dates, flags, scale: scaleOption}: EventsInput): EventLog {
  if (dates.length === 0) throw new Error("invalid calendar: no dates");
  if (activity.dates.length !== dates.length) throw new Error(`invalid activity: ${activity.dates.length} days for a ${dates.length}-day calendar`);
  const nDays = dates.length;
  const lastDay = nDays - 1;
  const t0 = Date.parse(`${dates[0]}T00:00:00Z`);

  // --- The cohort -------------------------------------------------------------------------------
  const pickRng = rng.fork("cohort");
  let ringTotal = 0;
  for (const m of users.ringMembers) ringTotal += m.length;
  const ordinary = users.length - ringTotal;
  const scale = scaleOption ?? ordinary / 40_000;
  if (!(scale > 0)) throw new Error(`invalid scale: ${scale}`);
  // The cohort is a weighted sample of the population: it grows with the world up to COHORT_MAX_SCALE,
  // then its weights grow instead, so a large world's event log stays a few million rows.
  const size = Math.max(100, Math.round(COHORT_SIZE * Math.min(scale, COHORT_MAX_SCALE)));
  const ringPool: number[] = [];
  for (const m of users.ringMembers) for (const u of m) ringPool.push(u);
  const rings = sample(pickRng, ringPool, Math.round(size * RING_CAP_SHARE));
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
  const abusive = sample(pickRng, abusivePool, Math.round((rest * abusivePool.length) / Math.max(1, ordinary)));
  const benignCount = rest - abusive.length;
  const fresh = sample(pickRng, newPool, Math.round(benignCount * NEW_BENIGN_SHARE));
  const established = sample(pickRng, establishedPool, benignCount - fresh.length);
  const strata: [number[], number, number][] = [
    [rings, 0, ringPool.length],
    [abusive, 1, abusivePool.length],
    [fresh, 2, newPool.length],
    [established, 3, establishedPool.length]
  ];
  const members: {u: number; stratum: number; weight: number}[] = [];
  for (const [list, stratum, population] of strata) for (const u of list) members.push({u, stratum, weight: population / list.length});
  members.sort((a, b) => a.u - b.u);
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
  const armSalt = Math.floor(rng.fork("arms")() * 2 ** 32) >>> 0;
  const ringArms = ringArmsInBlocks(users, daysBetween(dates[0], EXPERIMENT.start) - EXPERIMENT.newAccountDays + 1, daysBetween(dates[0], EXPERIMENT.end), armSalt);
  for (let c = 0; c < C; c++) {
    const u = cohort.user[c];
    cohort.arm[c] = users.ring[u] >= 0 ? ringArms[users.ring[u]] : experimentArm(experimentUnit(u, -1), armSalt);
  }
  const cohortOf = new Map<number, number>();
  for (let c = 0; c < C; c++) cohortOf.set(cohort.user[c], c);

  // --- Who behaves how ---------------------------------------------------------------------------
  const behaveRng = rng.fork("behaviour");
  const scamStart = daysBetween(dates[0], MESSAGING_LAUNCH.scamStart);
  const scamEnd = daysBetween(dates[0], MESSAGING_LAUNCH.scamEnd);
  const expStart = daysBetween(dates[0], EXPERIMENT.start);
  const expEnd = daysBetween(dates[0], EXPERIMENT.end);
  const attackDays = users.ringSpecs.map((spec) => {
    const a = ATTACKS.find((x) => x.id === spec.attack);
    return a ? [daysBetween(dates[0], a.start), daysBetween(dates[0], a.end)] : null;
  });
  const signup = new Int16Array(C);
  const type = new Uint8Array(C);
  const ring = new Int16Array(C);
  const pActive = new Float64Array(C);
  const chatRate = new Float64Array(C);
  const uploadRate = new Float64Array(C);
  const hazard = new Float64Array(C);
  const payDay = new Int8Array(C);
  const openDms = new Uint8Array(C);
  // Device and IP pools: the account's own ids first, then extra ones (other phones, carriers, proxies).
  const devStart = new Int32Array(C + 1);
  const ipStart = new Int32Array(C + 1);
  const devPool: number[] = [];
  const ipPool: number[] = [];
  let devices = users.devices;
  let ipPrefixes = users.ipPrefixes;
  const ringDevices = new Map<number, number[]>();
  const ringIps = new Map<number, number[]>();
  for (let c = 0; c < C; c++) {
    const u = cohort.user[c];
    signup[c] = users.signupDay[u];
    type[c] = users.actorType[u];
    ring[c] = users.ring[u];
    payDay[c] = int(behaveRng, 30);
    const benign = type[c] === BENIGN;
    pActive[c] = benign ? Math.min(0.95, Math.max(0.04, lognormal(behaveRng, 0.5, 0.5))) : 0.45 + 0.2 * behaveRng();
    chatRate[c] = lognormal(behaveRng, benign ? 3.4 : 1, benign ? 1 : 0.4);
    uploadRate[c] = lognormal(behaveRng, benign ? 0.6 : 1, 1);
    openDms[c] = !benign || chance(behaveRng, OPEN_DMS) ? 1 : 0;
    hazard[c] = benign ? CHURN_HAZARD * lognormal(behaveRng, 1, 0.5) : 0;
    devStart[c] = devPool.length;
    ipStart[c] = ipPool.length;
    devPool.push(users.device[u]);
    ipPool.push(users.ipPrefix[u]);
    if (benign) {
      if (chance(behaveRng, 0.3)) devPool.push(devices++);
      // Roaming: another carrier prefix of the same country.
      const local = users.pools[users.country[u]][BENIGN];
      for (let k = 1 + int(behaveRng, 2); k > 0 && local.length > 0; k--) ipPool.push(users.ipPrefix[local[int(behaveRng, local.length)]]);
    } else if (ring[c] >= 0) {
      // Ring members rotate through devices and proxies that the whole ring shares.
      const r = ring[c];
      const accounts = users.ringSpecs[r].accounts;
      if (!ringDevices.has(r)) {
        ringDevices.set(r, Array.from({length: Math.ceil(accounts / 6) + 1}, () => devices++));
        ringIps.set(r, Array.from({length: Math.ceil(accounts / 5) + 1}, () => ipPrefixes++));
      }
      for (const d of sample(behaveRng, ringDevices.get(r)!, 2)) devPool.push(d);
      for (const p of sample(behaveRng, ringIps.get(r)!, 3)) ipPool.push(p);
    } else {
      for (let k = 1 + poisson(behaveRng, 2); k > 0; k--) devPool.push(devices++);
      for (let k = 2 + poisson(behaveRng, 3); k > 0; k--) ipPool.push(ipPrefixes++);
    }
  }
  devStart[C] = devPool.length;
  ipStart[C] = ipPool.length;

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
  const behaviour = (c: number, d: number): Behaviour => {
    const t = type[c];
    const age = d - signup[c];
    if (t === BENIGN) return set(Math.min(0.97, pActive[c] * (age < 14 ? 1.2 : 1)), chatRate[c] * (age < EXPERIMENT.newAccountDays ? NEWCOMER_CHATS : 1), 0, uploadRate[c], 0, 90, 0.03, 0);
    const burst = age < 10 ? 2 : 1;
    if (t === SPAMMER) return set(pActive[c], 9 * chatRate[c] * burst, 0.85, 3 * uploadRate[c] * burst, 0.8, 8, 0.3, 0);
    if (t === SCAMMER) return set(pActive[c] * 0.8, 6 * chatRate[c] * burst, 0.8, uploadRate[c], 0.3, 20, 0.4, 12);
    if (t === HARASSER) return set(pActive[c], 4 * chatRate[c], 0.6, 1.5 * uploadRate[c], 0.4, 30, 0.1, 3);
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

  // Flagged content of abusive cohort users, by day.
  const dayFlags = new Int32Array(nDays + 1);
  for (let i = 0; i < flags.length; i++) dayFlags[flags.day[i] + 1]++;
  for (let d = 0; d < nDays; d++) dayFlags[d + 1] += dayFlags[d];
  const lastFlagDay = new Int16Array(C).fill(-1);
  for (let i = 0; i < flags.length; i++) {
    const c = cohortOf.get(flags.actor[i]);
    if (c !== undefined && type[c] !== BENIGN) lastFlagDay[c] = Math.max(lastFlagDay[c], flags.day[i]);
  }

  // Cohort users by signup day, to find the brand-new accounts of a day.
  const bySignup = Int32Array.from({length: C}, (_, c) => c).sort((a, b) => signup[a] - signup[b] || a - b);
  const targetLists = new Map<number, number[]>();
  const warnings = new Int32Array(C);
  const lastExposed = new Int16Array(C).fill(-1);
  const flagLoginDay = new Int16Array(C).fill(-1);
  const activeFactor = new Float64Array(nDays);
  {
    let mean = 0;
    const totals = new Float64Array(nDays);
    for (let d = 0; d < nDays; d++) {
      for (let k = 0; k < COUNTRIES.length; k++) totals[d] += activity.activeUsers[d * COUNTRIES.length + k];
      mean += totals[d] / nDays;
    }
    for (let d = 0; d < nDays; d++) activeFactor[d] = mean > 0 ? totals[d] / mean : 1;
  }

  const expected = Math.ceil(size * 300) + 1024;
  const log = new Table({ts: Float64Array, user: Int32Array, type: Uint8Array, device: Int32Array, ipPrefix: Int32Array, payment: Int32Array, peer: Int32Array, peerNew: Uint8Array, abusive: Uint8Array}, expected);
  const dayRng = rng.fork("days");
  let gaps = new Float64Array(256);
  const newAccountDays = EXPERIMENT.newAccountDays;

  const gone = (c: number, d: number) => (cohort.churnDay[c] >= 0 && cohort.churnDay[c] <= d) || (cohort.suspendedDay[c] >= 0 && cohort.suspendedDay[c] <= d);
  const deviceOf = (c: number) => {
    const n = devStart[c + 1] - devStart[c];
    const own = type[c] === BENIGN ? 0.85 : ring[c] >= 0 ? 0.6 : 0.35;
    return n === 1 || chance(dayRng, own) ? devPool[devStart[c]] : devPool[devStart[c] + 1 + int(dayRng, n - 1)];
  };
  const ipOf = (c: number) => {
    const n = ipStart[c + 1] - ipStart[c];
    const own = type[c] === BENIGN ? 0.75 : ring[c] >= 0 ? 0.5 : 0.25;
    return n === 1 || chance(dayRng, own) ? ipPool[ipStart[c]] : ipPool[ipStart[c] + 1 + int(dayRng, n - 1)];
  };
  /** ts moved by delta ms (either sign), or to a random point between ts and the limit when that would pass it. */
  const shifted = (ts: number, limit: number, delta: number) => Math.floor(Math.abs(delta) <= Math.abs(limit - ts) ? ts + delta : ts + (limit - ts) * dayRng());
  const emit = (ts: number, c: number, t: number, device: number, ip: number, payment: number, peer: number, peerNew: number, abusive: number) => {
    const k = log.row();
    const col = log.cols;
    col.ts[k] = ts;
    col.user[k] = cohort.user[c];
    col.type[k] = t;
    col.device[k] = device;
    col.ipPrefix[k] = ip;
    col.payment[k] = payment;
    col.peer[k] = peer;
    col.peerNew[k] = peerNew;
    col.abusive[k] = abusive;
  };
  let newLo = 0;
  let newHi = 0;
  /** A recipient for c's message on day d: a brand-new account, one of c's regular targets, or anyone. */
  const recipient = (c: number, d: number, b: Behaviour, abusive: boolean): number => {
    if (abusive && newHi > newLo && chance(dayRng, b.targetNew)) {
      const v = bySignup[newLo + int(dayRng, newHi - newLo)];
      if (v !== c && !gone(v, d)) return v;
    }
    if (abusive && b.targets > 0) {
      let list = targetLists.get(c);
      if (!list) targetLists.set(c, (list = []));
      if (list.length < b.targets || chance(dayRng, 0.1)) {
        const v = randomMember(c, d, true);
        if (v >= 0) {
          if (list.length < b.targets) list.push(v);
          else list[int(dayRng, list.length)] = v;
        }
      }
      for (let k = 0; k < list.length; k++) {
        const v = list[int(dayRng, list.length)];
        if (!gone(v, d)) return v;
      }
    }
    return randomMember(c, d, abusive);
  };
  /** A random cohort user who has signed up and is still around; strangers reach only open inboxes. */
  const reachable = (v: number, c: number, d: number, stranger: boolean) => v !== c && signup[v] <= d && !gone(v, d) && (!stranger || (type[v] === BENIGN && openDms[v] === 1));
  const randomMember = (c: number, d: number, stranger: boolean): number => {
    for (let k = 0; k < 20; k++) {
      const v = int(dayRng, C);
      if (reachable(v, c, d, stranger)) return v;
    }
    // Few eligible users left (a tiny cohort): scan from a random point.
    const from = int(dayRng, C);
    for (let k = 0; k < C; k++) if (reachable((from + k) % C, c, d, stranger)) return (from + k) % C;
    return stranger ? randomMember(c, d, false) : -1;
  };
  const deliverAbusive = (v: number, d: number) => {
    if (v < 0 || type[v] !== BENIGN) return;
    cohort.exposures[v]++;
    if (cohort.exposedDay[v] < 0) cohort.exposedDay[v] = d;
    lastExposed[v] = d;
  };
  const warn = (c: number, d: number, ts: number, dayEnd: number, abusive: number) => {
    emit(shifted(ts, dayEnd - 1, lognormal(dayRng, 30 * MINUTE, 0.8)), c, T.warning, devPool[devStart[c]], ipPool[ipStart[c]], -1, -1, 0, abusive);
    warnings[c]++;
    // Repeat offenders are suspended, but never before the flagged content the world says they posted.
    if (warnings[c] >= SUSPEND_AFTER_WARNINGS && cohort.suspendedDay[c] < 0 && chance(dayRng, 0.4)) {
      const day = Math.max(d + 1, lastFlagDay[c] + 1);
      if (day <= lastDay) cohort.suspendedDay[c] = day;
    }
  };
  /** One chat or upload attempt by c at ts: it is blocked, or delivered (and maybe warned on). */
  const act = (c: number, d: number, ts: number, dayEnd: number, isChat: boolean, abusive: boolean, b: Behaviour, device: number, ip: number) => {
    const peer = isChat ? recipient(c, d, b, abusive) : -1;
    if (isChat && peer < 0) return;
    const peerNew = peer >= 0 && d - signup[peer] < newAccountDays ? 1 : 0;
    const peerUser = peer >= 0 ? cohort.user[peer] : -1;
    const a = abusive ? 1 : 0;
    const pBlock = abusive ? (ring[c] >= 0 ? 0.2 : 0.12) : 0.002;
    if (chance(dayRng, pBlock)) {
      emit(ts, c, T.policy_block, device, ip, -1, peerUser, peerNew, a);
      return;
    }
    emit(ts, c, isChat ? T.chat : T.upload, device, ip, -1, peerUser, peerNew, a);
    if (abusive && isChat) deliverAbusive(peer, d);
    if (chance(dayRng, abusive ? 0.015 : 0.0005)) warn(c, d, ts, dayEnd, a);
  };

  for (let d = 0; d < nDays; d++) {
    const dayStart = t0 + d * DAY_MS;
    const dayEnd = dayStart + DAY_MS;
    const first = log.length;
    while (newHi < C && signup[bySignup[newHi]] <= d) newHi++;
    while (newLo < newHi && signup[bySignup[newLo]] <= d - newAccountDays) newLo++;
    const adoption = activity.adoption[d];
    const inExperiment = d >= expStart && d <= expEnd;
    for (let c = 0; c < C; c++) {
      if (signup[c] > d || gone(c, d)) continue;
      const age = d - signup[c];
      if (type[c] === BENIGN && age > 0) {
        const recent = lastExposed[c] >= 0 && d - lastExposed[c] >= 1 && d - lastExposed[c] <= EXPOSURE_DAYS;
        const h = hazard[c] * (age < 30 ? NEW_CHURN : 1) * (recent ? EXPOSED_CHURN : 1);
        if (chance(dayRng, h)) {
          cohort.churnDay[c] = d;
          continue;
        }
      }
      const u = cohort.user[c];
      const country = users.country[u];
      const payment = users.payment[u];
      // Subscriptions renew monthly whether or not the user shows up.
      if (payment >= 0 && (d + payDay[c]) % 30 === 0 && age > 0) emit(dayStart + Math.floor(dayRng() * DAY_MS), c, T.billing, devPool[devStart[c]], ipPool[ipStart[c]], payment, -1, 0, 0);
      const b = behaviour(c, d);
      const isSignupDay = age === 0;
      if (!isSignupDay && !chance(dayRng, Math.min(0.98, b.active * activeFactor[d]))) continue;
      let chats = adoption > 0 ? poisson(dayRng, b.chats * adoption) : 0;
      // The experiment's friction: a daily message cap on new accounts in treatment.
      if (inExperiment && cohort.arm[c] === 1 && age < newAccountDays && chats > RATE_LIMIT_PER_DAY) {
        cohort.rateLimited[c] += chats - RATE_LIMIT_PER_DAY;
        chats = RATE_LIMIT_PER_DAY;
      }
      const uploads = poisson(dayRng, b.uploads);
      const purchases = payment >= 0 && chance(dayRng, type[c] === BENIGN ? 0.02 : ring[c] >= 0 && users.ringSpecs[ring[c]].purpose === "dormant_review_fraud" ? 0.3 : 0.08) ? 1 : 0;
      const sessions = 1 + (chance(dayRng, 0.25) ? 1 : 0);
      let leftChats = chats;
      let leftUploads = uploads;
      let leftBuys = purchases;
      for (let s = 0; s < sessions; s++) {
        const last = s === sessions - 1;
        const nChats = last ? leftChats : Math.round(leftChats * dayRng());
        const nUploads = last ? leftUploads : Math.round(leftUploads * dayRng());
        const nBuys = last ? leftBuys : 0;
        leftChats -= nChats;
        leftUploads -= nUploads;
        leftBuys -= nBuys;
        // The session's pace, drawn first so that a late start still ends before midnight UTC.
        const steps = nChats + nUploads;
        if (gaps.length < steps) gaps = new Float64Array(steps * 2);
        let span = isSignupDay && s === 0 ? 25_000 : 0;
        for (let k = 0; k < steps; k++) span += gaps[k] = 1_000 + Math.floor(lognormal(dayRng, b.gap * 1000, 1));
        const tail = nBuys > 0 ? 30_000 + Math.floor(dayRng() * 600_000) : 0;
        span += tail;
        if (span > DAY_MS - 1) {
          const f = (DAY_MS - 1) / span;
          for (let k = 0; k < steps; k++) gaps[k] = Math.floor(gaps[k] * f);
          span = DAY_MS - 1;
        }
        const localHour = pick(dayRng, DIURNAL, DIURNAL_TOTAL);
        const utcHour = (((localHour - COUNTRIES[country].utcOffset) % 24) + 24) % 24;
        let t = dayStart + utcHour * 3_600_000 + Math.floor(dayRng() * 3_600_000);
        if (t + span > dayEnd - 1) t = dayStart + Math.floor((DAY_MS - 1 - span) * dayRng());
        const device = deviceOf(c);
        const ip = ipOf(c);
        if (isSignupDay && s === 0) {
          emit(t, c, T.signup, device, ip, -1, -1, 0, 0);
          t += 5_000 + Math.floor(dayRng() * 20_000);
        }
        emit(t, c, T.login, device, ip, -1, -1, 0, 0);
        let cLeft = nChats;
        let uLeft = nUploads;
        for (let k = 0; k < steps; k++) {
          t += gaps[k];
          if (dayRng() * (cLeft + uLeft) < cLeft) {
            cLeft--;
            act(c, d, t, dayEnd, true, chance(dayRng, b.chatAbusive), b, device, ip);
          } else {
            uLeft--;
            act(c, d, t, dayEnd, false, chance(dayRng, b.uploadAbusive), b, device, ip);
          }
        }
        if (nBuys > 0) emit(t + tail, c, T.billing, device, ip, payment, -1, 0, 0);
      }
    }
    // The flagged content of abusive cohort users, posted a little before it was reported.
    for (let i = dayFlags[d]; i < dayFlags[d + 1]; i++) {
      const c = cohortOf.get(flags.actor[i]);
      if (c === undefined || type[c] === BENIGN || signup[c] > d) continue;
      const ts = shifted(flags.ts[i], dayStart, -lognormal(dayRng, 25 * MINUTE, 0.8));
      const device = deviceOf(c);
      const ip = ipOf(c);
      if (flagLoginDay[c] !== d) {
        flagLoginDay[c] = d;
        emit(shifted(ts, dayStart, -(MINUTE + dayRng() * 9 * MINUTE)), c, T.login, device, ip, -1, -1, 0, 0);
      }
      const isChat = flags.surface[i] === 2;
      const b = behaviour(c, d);
      const abusive = flags.isViolation[i] === 1;
      const peer = isChat ? recipient(c, d, b, abusive) : -1;
      if (isChat && abusive) deliverAbusive(peer, d);
      emit(ts, c, isChat ? T.chat : T.upload, device, ip, -1, peer >= 0 ? cohort.user[peer] : -1, peer >= 0 && d - signup[peer] < newAccountDays ? 1 : 0, abusive ? 1 : 0);
    }
    sortRange(log, first, log.length, dayStart);
  }

  const n = log.length;
  const c = log.cols;
  return {
    length: n,
    ts: (c.ts as Float64Array).slice(0, n),
    user: (c.user as Int32Array).slice(0, n),
    type: (c.type as Uint8Array).slice(0, n),
    device: (c.device as Int32Array).slice(0, n),
    ipPrefix: (c.ipPrefix as Int32Array).slice(0, n),
    payment: (c.payment as Int32Array).slice(0, n),
    peer: (c.peer as Int32Array).slice(0, n),
    peerNew: (c.peerNew as Uint8Array).slice(0, n),
    abusive: (c.abusive as Uint8Array).slice(0, n),
    cohort,
    armSalt,
    devices,
    ipPrefixes
  };
}

/** Scratch buffers of sortRange, grown as needed. */
const scratch = {order: new Int32Array(0), f64: new Float64Array(0), i32: new Int32Array(0), u8: new Uint8Array(0)};

/** Sorts rows [a, b) of one day by ts, keeping generation order among ties. */
function sortRange<K extends string>(table: Table<K>, a: number, b: number, dayStart: number): void {
  const n = b - a;
  if (n < 2) return;
  const ts = table.cols["ts" as K] as Float64Array;
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
  for (const k of Object.keys(table.cols) as K[]) {
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
