/**
 * Deterministic bounds on the item rows the automation page loads, so that its data stays small however
 * large the world grows, while its cards read totals computed over everything. Below the bounds every
 * row is kept, in its original order; above them the choice depends only on the data, never on chance.
 */

/** Dedup groups listed by size: enough to show every text a reviewer sees many times. */
export const MAX_LISTED_GROUPS = 1000;

/** Linked accounts listed (whole components): a few hundred kilobytes with their links. */
export const MAX_LISTED_ACCOUNTS = 3000;

/** What boundComponents kept of rows that belong to groups (components), and of how much. */
export interface BoundedComponents {
  /** Kept row indexes, ascending. */
  rows: number[];
  /** Kept groups. */
  kept: Set<number>;
  shownComponents: number;
  totalComponents: number;
  totalRows: number;
  maxRows: number;
}

const checkBudget = (budget: number, what: string) => {
  if (!(Number.isInteger(budget) && budget > 0)) throw new Error(`invalid ${what} budget: ${budget}`);
};

/**
 * Whole groups of rows, largest first (ties by group number), as long as they fit in `maxRows` rows. A
 * group larger than what is left of the budget is skipped, and smaller ones still fill it; when every
 * row fits, every row is kept. `componentOf[i]` is the group of row i.
 */
export function boundComponents(componentOf: ArrayLike<number>, maxRows: number, what = "row"): BoundedComponents {
  checkBudget(maxRows, what);
  const size = new Map<number, number>();
  for (let i = 0; i < componentOf.length; i++) size.set(componentOf[i], (size.get(componentOf[i]) ?? 0) + 1);
  const order = [...size].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const kept = new Set<number>();
  let used = 0;
  for (const [component, n] of order) {
    if (used + n > maxRows) continue;
    kept.add(component);
    used += n;
  }
  const rows: number[] = [];
  for (let i = 0; i < componentOf.length; i++) if (kept.has(componentOf[i])) rows.push(i);
  return {rows, kept, shownComponents: kept.size, totalComponents: size.size, totalRows: componentOf.length, maxRows};
}

/**
 * Indexes of the `maxGroups` largest groups (ties by index) and of every group in `also`, ascending: the
 * dedup table's rows, where `also` holds the groups that clustering sampled so that its examples resolve.
 */
export function largestGroups(sizes: ArrayLike<number>, maxGroups: number, also: Iterable<number> = []): number[] {
  checkBudget(maxGroups, "group");
  const keep = new Uint8Array(sizes.length);
  for (const g of also) {
    if (!(Number.isInteger(g) && g >= 0 && g < sizes.length)) throw new Error(`no group ${g} of ${sizes.length}`);
    keep[g] = 1;
  }
  const order = Array.from({length: sizes.length}, (_, g) => g).sort((a, b) => sizes[b] - sizes[a] || a - b);
  for (const g of order.slice(0, maxGroups)) keep[g] = 1;
  const rows: number[] = [];
  for (let g = 0; g < sizes.length; g++) if (keep[g]) rows.push(g);
  return rows;
}
