/**
 * Entity resolution on the platform's accounts. Identifiers come from the account registry (each
 * account's device, IP prefix and payment instrument) and from the event log (every device, prefix and
 * instrument a cohort account actually used), so rings that rotate through shared phones and proxies
 * are seen using them. It reads identifiers only: the scoring against the true rings is in
 * ./evaluate.ts, which gets the finished resolutions.
 */
import {resolveAtCaps, type LinkKind, type Observation, type Resolution} from "../cluster/resolveEntities.js";

export interface AccountRow {
  user_id: string;
  device_id: string;
  ip_prefix: string;
  payment_id: string | null;
}

export interface EventIdentifiers {
  user_id: ArrayLike<string>;
  device_id: ArrayLike<string>;
  ip_prefix: ArrayLike<string>;
  payment_id: ArrayLike<string | null>;
}

export interface ResolvedAccounts {
  resolution: Resolution;
  /** The same resolution at other fan-out caps, for the sensitivity table (scored in ./evaluate.ts). */
  atCaps: {maxIpFanout: number; resolution: Resolution}[];
  /** Distinct accounts per IP prefix: prefix count by fan-out (capped at 80 for the chart). */
  fanout: {accounts: number; prefixes: number}[];
  observations: number;
  maxIpFanout: number;
}

export const DEFAULT_MAX_IP_FANOUT = 15;
export const FANOUT_CAPS = [3, 5, 10, 15, 20, 30, 40, 60] as const;

/** Observations of (account, identifier), each distinct one once. */
export function accountObservations(accounts: readonly AccountRow[], events?: EventIdentifiers): Observation[] {
  const index = new Map(accounts.map((a, i) => [a.user_id, i]));
  // Each identifier gets a number (per kind), so that an (account, identifier) pair is one number to
  // look up: the event log repeats the same few pairs hundreds of thousands of times.
  const numbers: Record<LinkKind, Map<string, number>> = {device: new Map(), ip_prefix: new Map(), payment: new Map()};
  let identifiers = 0;
  const seen = new Set<number>();
  const out: Observation[] = [];
  const add = (account: number, kind: LinkKind, identifier: string | null) => {
    if (identifier === null || identifier === undefined) return;
    let number = numbers[kind].get(identifier);
    if (number === undefined) numbers[kind].set(identifier, (number = identifiers++));
    const key = number * accounts.length + account;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({account, kind, identifier});
  };
  accounts.forEach((a, i) => {
    add(i, "device", a.device_id);
    add(i, "ip_prefix", a.ip_prefix);
    add(i, "payment", a.payment_id);
  });
  if (events) {
    for (let e = 0; e < events.user_id.length; e++) {
      const i = index.get(events.user_id[e]);
      if (i === undefined) throw new Error(`unknown account in the event log: ${events.user_id[e]}`);
      add(i, "device", events.device_id[e]);
      add(i, "ip_prefix", events.ip_prefix[e]);
      add(i, "payment", events.payment_id[e]);
    }
  }
  return out;
}

export function resolveAccounts(accounts: readonly AccountRow[], events?: EventIdentifiers, {maxIpFanout = DEFAULT_MAX_IP_FANOUT, caps = FANOUT_CAPS as readonly number[]} = {}): ResolvedAccounts {
  const observations = accountObservations(accounts, events);
  const [resolution, ...others] = resolveAtCaps(accounts.length, observations, [maxIpFanout, ...caps]);
  const atCaps = caps.map((cap, i) => ({maxIpFanout: cap, resolution: others[i]}));
  const perPrefix = new Map<string, Set<number>>();
  for (const o of observations) {
    if (o.kind !== "ip_prefix") continue;
    let s = perPrefix.get(o.identifier);
    if (!s) perPrefix.set(o.identifier, (s = new Set()));
    s.add(o.account);
  }
  const hist = new Map<number, number>();
  for (const s of perPrefix.values()) {
    const b = Math.min(80, s.size);
    hist.set(b, (hist.get(b) ?? 0) + 1);
  }
  return {
    resolution,
    atCaps,
    fanout: [...hist].sort((a, b) => a[0] - b[0]).map(([accounts, prefixes]) => ({accounts, prefixes})),
    observations: observations.length,
    maxIpFanout
  };
}
