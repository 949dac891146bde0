/**
 * Entity resolution: accounts that share an identifier are linked, and the connected components of the
 * links are the candidate entities (one actor behind several accounts, or a ring). Three signals, as
 * the protection-science notebook uses them:
 * - a shared device;
 * - a shared payment instrument;
 * - a shared IP prefix, but only when few accounts use it (limited fan-out): a carrier's NAT prefix
 *   serves dozens of unrelated people, a ring's proxy a handful.
 * Observations can repeat and come from several sources (the account registry, the event log); the
 * fan-out of an identifier is the number of distinct accounts observed with it.
 */
import {connectedComponents} from "./connectedComponents.js";

export const LINK_KINDS = ["device", "payment", "ip_prefix"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface Observation {
  /** Index of the account (0..accounts−1). */
  account: number;
  kind: LinkKind;
  identifier: string;
}

export interface ResolveOptions {
  /** An IP prefix links its accounts only if at most this many distinct accounts use it; default 20. */
  maxIpFanout?: number;
}

export interface SharedIdentifier {
  kind: LinkKind;
  identifier: string;
  /** Distinct accounts, ascending. */
  accounts: number[];
}

export interface Resolution {
  /** Identifiers that link two or more accounts. */
  shared: SharedIdentifier[];
  /** IP prefixes left out for their fan-out. */
  skippedPrefixes: number;
  /** Component of each account; a singleton is its own component. */
  component: Int32Array;
  /** Accounts per component. */
  sizes: number[];
}

export function resolveEntities(accounts: number, observations: Iterable<Observation>, {maxIpFanout = 20}: ResolveOptions = {}): Resolution {
  return resolveAtCaps(accounts, observations, [maxIpFanout])[0];
}

/**
 * The resolution at each of several fan-out caps (a sensitivity analysis), grouping the observations
 * once: each is what resolveEntities gives at that cap.
 */
export function resolveAtCaps(accounts: number, observations: Iterable<Observation>, caps: readonly number[]): Resolution[] {
  for (const cap of caps) if (!Number.isInteger(cap) || cap < 2) throw new Error(`invalid maxIpFanout: ${cap} (expected an integer >= 2)`);
  const candidates = sharedIdentifiers(accounts, observations);
  return caps.map((cap) => resolveShared(accounts, candidates, cap));
}

/** Identifiers observed with two or more distinct accounts, by kind and then identifier. */
function sharedIdentifiers(accounts: number, observations: Iterable<Observation>): SharedIdentifier[] {
  const users = new Map<string, Set<number>>();
  for (const {account, kind, identifier} of observations) {
    if (!LINK_KINDS.includes(kind)) throw new Error(`invalid link kind: ${kind}`);
    if (!(Number.isInteger(account) && account >= 0 && account < accounts)) throw new Error(`invalid account: ${account}`);
    const key = `${kind}\u0000${identifier}`;
    let set = users.get(key);
    if (!set) users.set(key, (set = new Set()));
    set.add(account);
  }
  const shared: SharedIdentifier[] = [];
  for (const [key, set] of users) {
    if (set.size < 2) continue;
    const [kind, identifier] = key.split("\u0000") as [LinkKind, string];
    shared.push({kind, identifier, accounts: [...set].sort((a, b) => a - b)});
  }
  return shared.sort((a, b) => LINK_KINDS.indexOf(a.kind) - LINK_KINDS.indexOf(b.kind) || (a.identifier < b.identifier ? -1 : a.identifier > b.identifier ? 1 : 0));
}

/** The components that the shared identifiers link, leaving out IP prefixes over the cap. */
function resolveShared(accounts: number, candidates: readonly SharedIdentifier[], maxIpFanout: number): Resolution {
  const shared: SharedIdentifier[] = [];
  let skippedPrefixes = 0;
  for (const s of candidates) {
    if (s.kind === "ip_prefix" && s.accounts.length > maxIpFanout) skippedPrefixes++;
    else shared.push({kind: s.kind, identifier: s.identifier, accounts: s.accounts.slice()});
  }
  // A star per identifier connects the same accounts as a clique, with m − 1 edges instead of m(m − 1)/2.
  const edges: [number, number][] = [];
  for (const s of shared) for (let i = 1; i < s.accounts.length; i++) edges.push([s.accounts[0], s.accounts[i]]);
  const component = connectedComponents(accounts, edges);
  const sizes: number[] = [];
  for (const c of component) sizes[c] = (sizes[c] ?? 0) + 1;
  return {shared, skippedPrefixes, component, sizes};
}
