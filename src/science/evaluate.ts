/**
 * The science pipeline's evaluation step: it scores finished outputs (entity resolution's components,
 * the review queue's cases) against the world's ground truth, which no detector, score or clustering
 * module reads (tests/unit/core/groundTruthFirewall.test.ts allowlists this module).
 */
import {pairAgreement, type PairAgreement} from "../cluster/adjustedRand.js";
import {LINK_KINDS, type LinkKind, type Resolution} from "../cluster/resolveEntities.js";
import type {ReviewQueue} from "./buildReviewQueue.js";
import {hashKey} from "./hashKey.js";
import type {ResolvedAccounts} from "./resolveAccounts.js";

/** An account's ground truth: its ring (null outside rings) and actor type. */
export interface AccountTruth {
  user_id: string;
  ring_id: string | null;
  actor_type: string;
}

/** The true entity of each account as a number: its ring, or itself outside rings. */
export function trueEntities(accounts: readonly AccountTruth[]): Int32Array {
  const entities = new Map<string, number>();
  return Int32Array.from(accounts, (a) => {
    const key = a.ring_id ?? `account:${a.user_id}`;
    let entity = entities.get(key);
    if (entity === undefined) entities.set(key, (entity = entities.size));
    return entity;
  });
}

export interface ResolutionScores {
  /** Over every account of the registry; accounts outside rings each count as their own entity. */
  agreement: PairAgreement;
  /** The same at other fan-out caps. */
  sensitivity: ({maxIpFanout: number; components: number} & PairAgreement)[];
}

/** Entity resolution (and its other fan-out caps) against the true rings, over every account. */
export function scoreResolution(resolved: ResolvedAccounts, accounts: readonly AccountTruth[]): ResolutionScores {
  const truth = trueEntities(accounts);
  const agreement = pairAgreement(resolved.resolution.component, truth);
  const sensitivity = resolved.atCaps.map(({maxIpFanout, resolution}) => ({
    maxIpFanout,
    components: resolution.sizes.filter((s) => s >= 2).length,
    ...(maxIpFanout === resolved.maxIpFanout ? agreement : pairAgreement(resolution.component, truth))
  }));
  return {agreement, sensitivity};
}

/** Accounts a population sample draws by default: as many as the event-log cohort holds at scale 1. */
export const ER_SAMPLE_ACCOUNTS = 1_500;

/** How shared identifiers of one kind link the sampled accounts to others, and how often wrongly. */
export interface FalseLinksByKind {
  kind: LinkKind;
  /** Identifiers (used for linking) that an account of the sample holds. */
  identifiers: number;
  /** Of them, identifiers whose accounts belong to more than one true entity. */
  falseIdentifiers: number;
  /** Of those, identifiers held by benign accounts only: family or office devices, shared cards, NAT or campus prefixes. */
  benignOnly: number;
  /** Pairs (a sampled account, another holder) the identifier links across true entities. */
  falsePairs: number;
  /** Of them, pairs of two benign accounts. */
  benignPairs: number;
}

export interface SampleEvaluation {
  salt: string;
  /** Accounts drawn by a hash of the account id, in all, ring members and benign among them. */
  sampled: number;
  sampledRingMembers: number;
  sampledBenign: number;
  /** Sampled accounts in a component of two or more, and those whose component holds another true entity. */
  sampledLinked: number;
  sampledFalselyLinked: number;
  /**
   * Per sampled account, not per pair (a pair count weighs a ring member by its ring's size): of the
   * linked ones, the share linked to no other entity (precision); of those with a true ring-mate, the
   * share linked to at least one (recall).
   */
  accounts: {linked: number; correct: number; precision: number; withMates: number; found: number; recall: number};
  /** Accounts evaluated: the sample, every account resolved with one of them, and their true ring-mates. */
  evaluated: number;
  /** ARI over the evaluated accounts; pair precision and recall over pairs with a sampled account. */
  ari: number;
  pairs: {truePairs: number; predictedPairs: number; actualPairs: number; precision: number; recall: number};
  falseLinks: FalseLinksByKind[];
}

/** `size` accounts with the lowest hash key of (salt, id): no generator, so the same ids give the same sample. */
export function hashSample(ids: readonly string[], size: number, salt: string): number[] {
  if (!(Number.isInteger(size) && size > 0)) throw new Error(`invalid sample size: ${size}`);
  return ids
    .map((id, i) => ({i, key: hashKey(salt, id)}))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
    .slice(0, size)
    .map((a) => a.i)
    .sort((a, b) => a - b);
}

/**
 * Entity resolution scored on a sample of the population that is not built around the rings: accounts
 * drawn by a hash of their id, plus every account resolved into a component with one of them and their
 * true ring-mates (so that missed links count). Pair precision and recall count the pairs with at least
 * one sampled account; false links are attributed to the identifier that makes them, by kind.
 */
export function evaluateOnSample(resolution: Resolution, accounts: readonly AccountTruth[], {size = ER_SAMPLE_ACCOUNTS, salt}: {size?: number; salt: string}): SampleEvaluation {
  const truth = trueEntities(accounts);
  const benign = accounts.map((a) => a.actor_type === "benign");
  const {component} = resolution;
  const sample = hashSample(accounts.map((a) => a.user_id), Math.min(size, accounts.length), salt);
  const inSample = new Uint8Array(accounts.length);
  for (const i of sample) inSample[i] = 1;
  const c = countSampledPairs(sample, inSample, component, truth);
  const kept = [...c.evaluated].sort((a, b) => a - b);
  const ari = pairAgreement(kept.map((i) => component[i]), kept.map((i) => truth[i])).ari;
  const {predictedPairs, actualPairs, truePairs, sampledLinked, sampledFalselyLinked, withMates, found} = c;
  return {
    salt,
    sampled: sample.length,
    sampledRingMembers: sample.filter((i) => accounts[i].ring_id !== null).length,
    sampledBenign: sample.filter((i) => benign[i]).length,
    sampledLinked,
    sampledFalselyLinked,
    accounts: {linked: sampledLinked, correct: sampledLinked - sampledFalselyLinked, precision: sampledLinked > 0 ? (sampledLinked - sampledFalselyLinked) / sampledLinked : NaN, withMates, found, recall: withMates > 0 ? found / withMates : NaN},
    evaluated: kept.length,
    ari,
    pairs: {truePairs, predictedPairs, actualPairs, precision: predictedPairs > 0 ? truePairs / predictedPairs : NaN, recall: actualPairs > 0 ? truePairs / actualPairs : NaN},
    falseLinks: falseLinksByKind(resolution, inSample, truth, benign)
  };
}

/** The indexes of each key's members (rows with that key), by key. */
function membersByKey(key: Int32Array): Map<number, number[]> {
  const by = new Map<number, number[]>();
  key.forEach((k, i) => {
    let list = by.get(k);
    if (!list) by.set(k, (list = []));
    list.push(i);
  });
  return by;
}

/**
 * The sampled accounts' links: pairs predicted (same component), actual (same true entity) and both,
 * counting the pairs with at least one sampled account once; sampled accounts linked, falsely linked,
 * with true mates and with a mate found; and every account evaluated (a sampled one and its partners).
 */
function countSampledPairs(sample: readonly number[], inSample: Uint8Array, component: Int32Array, truth: Int32Array) {
  const byComponent = membersByKey(component);
  const byEntity = membersByKey(truth);
  const c = {evaluated: new Set<number>(), predictedPairs: 0, actualPairs: 0, truePairs: 0, sampledLinked: 0, sampledFalselyLinked: 0, withMates: 0, found: 0};
  for (const i of sample) {
    const partners = new Set([...byComponent.get(component[i])!, ...byEntity.get(truth[i])!]);
    const comp = byComponent.get(component[i])!;
    if (comp.length >= 2) c.sampledLinked++;
    if (comp.some((j) => truth[j] !== truth[i])) c.sampledFalselyLinked++;
    if (byEntity.get(truth[i])!.length >= 2) {
      c.withMates++;
      if (comp.some((j) => j !== i && truth[j] === truth[i])) c.found++;
    }
    for (const j of partners) {
      c.evaluated.add(j);
      // A pair of two sampled accounts counts once, from its lower index.
      if (j === i || (inSample[j] && j < i)) continue;
      const together = component[j] === component[i];
      const same = truth[j] === truth[i];
      if (together) c.predictedPairs++;
      if (same) c.actualPairs++;
      if (together && same) c.truePairs++;
    }
  }
  return c;
}

/** False links attributed to the identifiers that make them, by kind, over identifiers held by a sampled account. */
function falseLinksByKind(resolution: Resolution, inSample: Uint8Array, truth: Int32Array, benign: boolean[]): FalseLinksByKind[] {
  const falseLinks = LINK_KINDS.map((kind): FalseLinksByKind => ({kind, identifiers: 0, falseIdentifiers: 0, benignOnly: 0, falsePairs: 0, benignPairs: 0}));
  for (const s of resolution.shared) {
    const held = s.accounts.filter((a) => inSample[a]);
    if (held.length === 0) continue;
    const row = falseLinks[LINK_KINDS.indexOf(s.kind)];
    row.identifiers++;
    if (!s.accounts.some((a) => truth[a] !== truth[s.accounts[0]])) continue;
    row.falseIdentifiers++;
    if (s.accounts.every((a) => benign[a])) row.benignOnly++;
    for (const i of held) {
      for (const j of s.accounts) {
        if (j === i || (inSample[j] && j < i) || truth[j] === truth[i]) continue;
        row.falsePairs++;
        if (benign[i] && benign[j]) row.benignPairs++;
      }
    }
  }
  return falseLinks;
}

/** The review queue with its hidden truth columns: each case's actor type, each text's template group. */
export function annotateQueue(queue: ReviewQueue, {actorTypeOf, templateGroupOf}: {actorTypeOf: (userId: string) => string; templateGroupOf: (flagId: number) => string}) {
  return {
    cases: queue.cases.map((c) => ({...c, truth_actor_type: actorTypeOf(c.user_id)})),
    snippets: queue.snippets.map((s) => ({...s, truth_template_group: templateGroupOf(s.flag_id)}))
  };
}
