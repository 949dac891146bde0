import type {ColumnData, Columns} from "../../io/schema.js";

/**
 * Reading imported columns into the simulation's structures: a closed-set value to its index in a
 * vocabulary of src/core/constants.ts, an identifier to a dense index (keeping the identifiers as
 * labels), a column that may be absent. Accepted rows are already typed and checked against the
 * contract (validateImport); a value that still does not fit is a clear error naming the table, row,
 * column and rule.
 */

/** The row's value of a column, or null where the column is absent or the value is null (NaN in a numeric column). */
export function cell(table: Columns, column: string, row: number): string | number | boolean | null {
  const values = table[column] as ColumnData | undefined;
  const value = values ? (values[row] ?? null) : null;
  return typeof value === "number" && Number.isNaN(value) ? null : value;
}

/** The number of rows of an imported table (its columns all have that length). */
export function rowCount(table: Columns): number {
  const first = Object.values(table)[0];
  return first ? first.length : 0;
}

/** A column that must be there, or a clear error. */
export function required(table: Columns, name: string, column: string): ColumnData {
  const values = table[column];
  if (!values) throw new Error(`import ${name}: column ${column} is missing (required)`);
  return values;
}

/** Index of each value in `values` (a closed vocabulary), or a clear error naming table, row and column. */
export function vocabularyIndex(values: readonly string[], name: string, column: string): (value: unknown, row: number) => number {
  const index = new Map(values.map((v, i) => [v, i]));
  return (value, row) => {
    const i = index.get(value as string);
    if (i === undefined) throw new Error(`import ${name} row ${row + 1}, column ${column}: ${JSON.stringify(value)} is not one of ${values.join(", ")} (value not allowed)`);
    return i;
  };
}

/** Dense indexes for identifiers, first seen first, with the identifiers kept as labels. */
export class Labeller {
  readonly labels: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(initial: Iterable<string> = []) {
    for (const id of initial) this.of(id);
  }
  of(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.labels.length;
      this.index.set(id, i);
      this.labels.push(id);
    }
    return i;
  }
  has(id: string): boolean {
    return this.index.has(id);
  }
  get(id: string): number | undefined {
    return this.index.get(id);
  }
}

/**
 * The index in `labels` of each of the `wanted` values (those `labels` holds): only the wanted ones
 * are mapped, since a map of every flag would hold ten million entries at scale.
 */
export function labelIndex(labels: ArrayLike<number>, wanted: ArrayLike<number | null>): Map<number, number> {
  const set = new Set<number>();
  for (let k = 0; k < wanted.length; k++) if (wanted[k] != null) set.add(wanted[k]!);
  const index = new Map<number, number>();
  for (let i = 0; i < labels.length && index.size < set.size; i++) if (set.has(labels[i])) index.set(labels[i], i);
  return index;
}
