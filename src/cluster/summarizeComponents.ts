/**
 * Entity resolution's components against the true rings, one row per component: which ring most of its
 * accounts belong to, that ring's purpose, and its accounts by true actor type. An evaluation of a
 * finished resolution (er_accounts.arrow), for the reader to judge it.
 */

/** A linked account of er_accounts.arrow, as far as the summary reads it. */
export interface LinkedAccount {
  component_id: number;
  component_size: number;
  truth_ring_id: string | null;
  truth_actor_type: string;
}

export interface ComponentSummary {
  component_id: number;
  /** Accounts in the component (all of them, listed or not). */
  size: number;
  /** The true ring of most of its listed accounts ("none" for accounts in no ring); ties go to the first seen. */
  ring: string;
  /** That ring's purpose, "" for "none" or a ring without one. */
  purpose: string;
  /** Its accounts in that ring, as a share of `size`. */
  share: number;
  /** Accounts per true actor type, most first (ties in order of first appearance), as "type n, type n". */
  types: string;
}

/**
 * One row per component of `accounts`, largest first (ties by component id). `label` names an actor
 * type in `types` (the page passes its display labels).
 */
export function summarizeComponents(
  accounts: readonly LinkedAccount[],
  rings: readonly {ring_id: string; purpose: string}[],
  {label = (type: string) => type}: {label?: (type: string) => string} = {}
): ComponentSummary[] {
  const byComponent = new Map<number, {component_id: number; size: number; rings: Map<string, number>; types: Map<string, number>}>();
  for (const a of accounts) {
    const c = byComponent.get(a.component_id) ?? {component_id: a.component_id, size: a.component_size, rings: new Map(), types: new Map()};
    const ring = a.truth_ring_id ?? "none";
    c.rings.set(ring, (c.rings.get(ring) ?? 0) + 1);
    c.types.set(a.truth_actor_type, (c.types.get(a.truth_actor_type) ?? 0) + 1);
    byComponent.set(a.component_id, c);
  }
  const purpose = new Map(rings.map((r) => [r.ring_id, r.purpose]));
  const mostFirst = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1]);
  return [...byComponent.values()]
    .map((c) => {
      const [ring, count] = mostFirst(c.rings)[0];
      const types = mostFirst(c.types).map(([t, n]) => `${label(t)} ${n}`).join(", ");
      return {component_id: c.component_id, size: c.size, ring, purpose: purpose.get(ring) ?? "", share: count / c.size, types};
    })
    .sort((a, b) => b.size - a.size || a.component_id - b.component_id);
}
