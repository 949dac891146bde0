import type {Columns, TableSchema} from "./schema.js";

/**
 * Privacy transforms for publishing: keyed pseudonyms for identifier columns and small-cell
 * suppression with secondary suppression. Pure: the keyed hash is passed in (HMAC-SHA-256 in the
 * loaders), so this module runs anywhere and tests can use a fixture hash.
 */

/** Smallest and largest count that is suppressed. */
export const SMALL_CELL = {min: 1, max: 10} as const;

export type KeyedHash = (value: string) => string;

/** Every identifier column of the schema mapped through the keyed hash; nulls stay null. */
export function pseudonymise(schema: TableSchema, columns: Columns, hash: KeyedHash): Columns {
  const out: Columns = {...columns};
  const memo = new Map<string, string>();
  for (const spec of schema.columns) {
    if (!spec.identifier || !columns[spec.name]) continue;
    out[spec.name] = Array.from(columns[spec.name] as ArrayLike<string | null>, (v) => {
      if (v === null || v === undefined) return null;
      let p = memo.get(v);
      if (p === undefined) memo.set(v, (p = hash(v)));
      return p;
    });
  }
  return out;
}

/** A total and the parts that add up to it, by column name. */
export interface CellGroup {
  total: string;
  parts: readonly string[];
}

export interface SuppressionResult {
  columns: Columns;
  /** Cells suppressed, by column: primary (small) and secondary (to protect a primary). */
  primary: number;
  secondary: number;
}

const isSmall = (v: number) => v >= SMALL_CELL.min && v <= SMALL_CELL.max;

/**
 * Suppresses (sets to null) every count from 1 to 10 in the given columns, then, in each row and
 * group, adds secondary suppressions until no suppressed part can be recovered as the published
 * total minus the published parts: a group whose total is published needs zero or at least two
 * suppressed parts. The secondary cell is the smallest remaining part. `derived` lists columns computed
 * from suppressed ones (rates, shares), nulled wherever any of their inputs is.
 */
export function suppressSmallCells(columns: Columns, counts: readonly string[], groups: readonly CellGroup[], derived: Record<string, readonly string[]> = {}): SuppressionResult {
  const n = (Object.values(columns)[0] ?? []).length;
  const values: Record<string, (number | null)[]> = {};
  for (const name of counts) values[name] = Array.from(columns[name] as ArrayLike<number>, (v) => v);
  let primary = 0;
  let secondary = 0;
  const hidden = (name: string, i: number) => values[name][i] === null;
  for (const name of counts) {
    for (let i = 0; i < n; i++) {
      const v = values[name][i];
      if (v !== null && isSmall(v)) {
        values[name][i] = null;
        primary++;
      }
    }
  }
  // Suppressing a part can expose a part of another group that shares the cell; repeat until stable.
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < n; i++) {
      for (const {total, parts} of groups) {
        if (hidden(total, i)) continue;
        const suppressed = parts.filter((p) => hidden(p, i));
        if (suppressed.length !== 1) continue;
        const candidates = parts.filter((p) => !hidden(p, i));
        if (candidates.length === 0) continue;
        const pickFrom = candidates.filter((p) => (columns[p] as ArrayLike<number>)[i] > 0);
        const pool = pickFrom.length ? pickFrom : candidates;
        const smallest = pool.reduce((a, b) => ((columns[b] as ArrayLike<number>)[i] < (columns[a] as ArrayLike<number>)[i] ? b : a));
        values[smallest][i] = null;
        secondary++;
        changed = true;
      }
    }
  }
  const out: Columns = {...columns};
  for (const name of counts) out[name] = values[name];
  for (const [name, inputs] of Object.entries(derived)) {
    if (!columns[name]) continue;
    out[name] = Array.from(columns[name] as ArrayLike<number | null>, (v, i) => (inputs.some((input) => values[input]?.[i] === null) ? null : v));
  }
  return {columns: out, primary, secondary};
}
