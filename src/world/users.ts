import {ATTACKS, LOOKALIKES, MESSAGING_LAUNCH} from "../core/scenarios.js";
import {COUNTRIES, START_DATE, type ActorType, ACTOR_TYPES} from "../core/constants.js";
import {daysBetween} from "../core/calendar.js";
import {chance, int, pick, type Rng} from "../core/random.js";

/** Accounts, columnar. Identifiers are integers here and get their printable form on publication. */
export interface Users {
  length: number;
  country: Uint8Array;
  /** Signup as days since START_DATE (negative: before the period). */
  signupDay: Int16Array;
  device: Int32Array;
  ipPrefix: Int32Array;
  /** -1: no payment instrument on file. */
  payment: Int32Array;
  actorType: Uint8Array;
  /** -1: not in a ring. */
  ring: Int16Array;
  /** Index into `ringSpecs`. */
  ringSpecs: RingSpec[];
  /** User ids of each country and actor type, for drawing actors. */
  pools: Int32Array[][];
  /** User ids of each ring. */
  ringMembers: Int32Array[];
  /**
   * The accounts of each benign look-alike (index into LOOKALIKES): a viral post's creator, a signup
   * cohort, households and offices sharing identifiers, a campus behind one prefix; empty for text.
   */
  lookalikeAccounts: Int32Array[];
  /** Number of distinct ids handed out. */
  devices: number;
  ipPrefixes: number;
  payments: number;
}

export interface RingSpec {
  id: string;
  /** Attack id when the ring runs one of the five attacks; "" otherwise. */
  attack: string;
  purpose: string;
  /** Day the ring's accounts were created around (days since START_DATE). */
  createdDay: number;
  accounts: number;
}

/** Share of ordinary (non-ring) accounts by actor type. */
const ACTOR_MIX: Record<Exclude<ActorType, "ring_member">, number> = {benign: 0.976, spammer: 0.012, scammer: 0.004, harasser: 0.008};
const BASE_USERS = 40_000;
/** Benign accounts behind one IP prefix (carrier NAT): too many for a prefix to mean one actor. */
const BENIGN_PREFIX_FANOUT = 40;

export function ringSpecsFor(scale: number): RingSpec[] {
  const n = (accounts: number) => Math.max(5, Math.round(accounts * scale));
  const rings: RingSpec[] = ATTACKS.map((a, i) => ({
    id: `RING-${i + 1}`,
    attack: a.id,
    purpose: a.pattern,
    createdDay: daysBetween(START_DATE, a.start) - 12,
    accounts: n(a.accounts)
  }));
  rings.push({id: `RING-${rings.length + 1}`, attack: "", purpose: "messaging_scam", createdDay: daysBetween(START_DATE, MESSAGING_LAUNCH.scamStart) - 6, accounts: n(40)});
  rings.push({id: `RING-${rings.length + 1}`, attack: "", purpose: "dormant_follow_farm", createdDay: 20, accounts: n(25)});
  rings.push({id: `RING-${rings.length + 1}`, attack: "", purpose: "dormant_review_fraud", createdDay: 75, accounts: n(18)});
  return rings;
}

const SHARES = COUNTRIES.map((c) => c.userShare);
const MIX_TYPES = Object.keys(ACTOR_MIX) as Exclude<ActorType, "ring_member">[];
const MIX_WEIGHTS = MIX_TYPES.map((t) => ACTOR_MIX[t]);

/** The per-account columns that drawOrdinary and drawRings fill. */
type AccountColumns = Pick<Users, "country" | "signupDay" | "device" | "ipPrefix" | "payment" | "actorType" | "ring">;

/** The ids handed out so far, and the IP prefixes of each country's ordinary accounts. */
interface IdSpace {
  devices: number;
  ipPrefixes: number;
  payments: number;
  prefixOffset: number[];
  prefixesPerCountry: number[];
}

export function generateUsers(rng: Rng, scale: number): Users {
  const ringSpecs = ringSpecsFor(scale);
  const ordinary = Math.max(500, Math.round(BASE_USERS * scale));
  const ringTotal = ringSpecs.reduce((s, r) => s + r.accounts, 0);
  const length = ordinary + ringTotal;
  const cols: AccountColumns = {
    country: new Uint8Array(length),
    signupDay: new Int16Array(length),
    device: new Int32Array(length),
    ipPrefix: new Int32Array(length),
    payment: new Int32Array(length).fill(-1),
    actorType: new Uint8Array(length),
    ring: new Int16Array(length).fill(-1)
  };
  const space = idSpace(ordinary);
  drawOrdinary(rng, cols, ordinary, space);
  const ringMembers = drawRings(rng, cols, ringSpecs, ordinary, space);
  const pools = poolsOf(cols, ordinary);
  const {country, signupDay, device, ipPrefix, payment, actorType, ring} = cols;
  const ids = {devices: space.devices, ipPrefixes: space.ipPrefixes, payments: space.payments};
  const lookalikeAccounts = assignLookalikes(rng.fork("lookalikes"), {country, signupDay, device, ipPrefix, payment, pools}, ids, scale);
  return {length, country, signupDay, device, ipPrefix, payment, actorType, ring, ringSpecs, pools, ringMembers, lookalikeAccounts, ...ids};
}

/** Each country's block of IP prefixes for its ordinary accounts, about BENIGN_PREFIX_FANOUT accounts each. */
function idSpace(ordinary: number): IdSpace {
  const prefixesPerCountry = COUNTRIES.map((c) => Math.max(3, Math.round((ordinary * c.userShare) / BENIGN_PREFIX_FANOUT)));
  const prefixOffset: number[] = [];
  let ipPrefixes = 0;
  for (const k of prefixesPerCountry) {
    prefixOffset.push(ipPrefixes);
    ipPrefixes += k;
  }
  return {devices: 0, ipPrefixes, payments: 0, prefixOffset, prefixesPerCountry};
}

/** The ordinary accounts (rows 0 to ordinary - 1): country, actor type, signup day, device, IP prefix, payment. */
function drawOrdinary(rng: Rng, cols: AccountColumns, ordinary: number, space: IdSpace): void {
  const {country, actorType, signupDay, device, ipPrefix, payment} = cols;
  for (let u = 0; u < ordinary; u++) {
    const c = pick(rng, SHARES);
    country[u] = c;
    const type = MIX_TYPES[pick(rng, MIX_WEIGHTS)];
    actorType[u] = ACTOR_TYPES.indexOf(type);
    // Most accounts predate the period; abusive ones skew young.
    // (The draws stay in this order so that the rest of the world is unchanged.)
    const established = -int(rng, 1100);
    signupDay[u] = type === "benign" ? (chance(rng, 0.12) ? int(rng, 184) : established) : -int(rng, 200) + int(rng, 184);
    // A household shares a device now and then; spammers recycle theirs in small farms.
    const shareDevice = u > 0 && (type === "spammer" ? chance(rng, 0.25) : chance(rng, 0.02)) && country[u - 1] === c;
    device[u] = shareDevice ? device[u - 1] : space.devices++;
    ipPrefix[u] = space.prefixOffset[c] + int(rng, space.prefixesPerCountry[c]);
    if (chance(rng, type === "benign" ? 0.35 : 0.15)) payment[u] = u > 0 && payment[u - 1] >= 0 && chance(rng, 0.03) ? payment[u - 1] : space.payments++;
  }
}

/** The rings' accounts (after the ordinary ones): young accounts that share a few devices, payment instruments and low-fan-out IP prefixes. */
function drawRings(rng: Rng, cols: AccountColumns, ringSpecs: RingSpec[], ordinary: number, space: IdSpace): Int32Array[] {
  const {country, actorType, ring, signupDay, device, ipPrefix, payment} = cols;
  const ringMembers: Int32Array[] = [];
  let u = ordinary;
  const ringType = ACTOR_TYPES.indexOf("ring_member");
  ringSpecs.forEach((spec, r) => {
    const members = new Int32Array(spec.accounts);
    const deviceBase = space.devices;
    const nDevices = Math.max(2, Math.ceil(spec.accounts / 7));
    space.devices += nDevices;
    const paymentBase = space.payments;
    const nPayments = Math.max(1, Math.ceil(spec.accounts / 12));
    space.payments += nPayments;
    const prefixBase = space.ipPrefixes;
    const nPrefixes = Math.max(1, Math.ceil(spec.accounts / 8));
    space.ipPrefixes += nPrefixes;
    const home = pick(rng, SHARES);
    for (let i = 0; i < spec.accounts; i++, u++) {
      members[i] = u;
      country[u] = chance(rng, 0.6) ? home : pick(rng, SHARES);
      actorType[u] = ringType;
      ring[u] = r;
      signupDay[u] = spec.createdDay - int(rng, 10);
      // Not every member shares every identifier: entity resolution has to combine the signals.
      device[u] = chance(rng, 0.85) ? deviceBase + int(rng, nDevices) : space.devices++;
      ipPrefix[u] = chance(rng, 0.8) ? prefixBase + int(rng, nPrefixes) : space.prefixOffset[country[u]] + int(rng, space.prefixesPerCountry[country[u]]);
      if (chance(rng, 0.5)) payment[u] = paymentBase + int(rng, nPayments);
    }
    ringMembers.push(members);
  });
  return ringMembers;
}

/** The ordinary accounts of each country and actor type, ascending. */
function poolsOf({country, actorType}: AccountColumns, ordinary: number): Int32Array[][] {
  const pools: Int32Array[][] = COUNTRIES.map(() => ACTOR_TYPES.map(() => new Int32Array(0)));
  const buckets: number[][][] = COUNTRIES.map(() => ACTOR_TYPES.map(() => []));
  for (let i = 0; i < ordinary; i++) buckets[country[i]][actorType[i]].push(i);
  buckets.forEach((byType, c) => byType.forEach((ids, t) => (pools[c][t] = Int32Array.from(ids))));
  return pools;
}

type LookalikeColumns = Pick<Users, "country" | "signupDay" | "device" | "ipPrefix" | "payment" | "pools">;

/**
 * Gives the benign look-alikes their accounts from the ordinary benign ones, on a stream of their own
 * (so every other draw of the world stays as it was): a signup cohort's accounts are re-dated to the
 * push, households and offices of 3 to 6 get a shared device (and mostly a shared card), and a campus
 * gets one IP prefix. Each event lives in one country. `ids` counts on from the ids handed out.
 */
function assignLookalikes(rng: Rng, u: LookalikeColumns, ids: {devices: number; ipPrefixes: number; payments: number}, scale: number): Int32Array[] {
  const benign = ACTOR_TYPES.indexOf("benign");
  const taken = new Set<number>();
  const shares = COUNTRIES.map((c) => c.userShare);
  return LOOKALIKES.map((spec) => {
    if (spec.accounts === 0) return new Int32Array(0);
    const pool = u.pools[pick(rng, shares)][benign];
    const n = spec.accounts === 1 ? 1 : Math.min(Math.floor(pool.length / 2), Math.max(5, Math.round(spec.accounts * scale)));
    const members = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let a = pool[int(rng, pool.length)];
      while (taken.has(a)) a = pool[int(rng, pool.length)];
      taken.add(a);
      members[i] = a;
    }
    const startDay = daysBetween(START_DATE, spec.start);
    if (spec.kind === "signup_cohort") for (const a of members) u.signupDay[a] = startDay - int(rng, 3);
    if (spec.kind === "campus_nat") {
      const prefix = ids.ipPrefixes++;
      for (const a of members) u.ipPrefix[a] = prefix;
    }
    if (spec.kind === "shared_devices") {
      for (let i = 0; i < n; ) {
        const size = Math.min(n - i, 3 + int(rng, 4));
        const device = ids.devices++;
        const card = ids.payments++;
        for (let j = i; j < i + size; j++) {
          u.device[members[j]] = device;
          if (chance(rng, 0.7)) u.payment[members[j]] = card;
        }
        i += size;
      }
    }
    return members;
  });
}
