/** A typed array of any of the kinds the simulation's tables use. */
export type TypedColumn = Float64Array | Float32Array | Int32Array | Int16Array | Int8Array | Uint8Array;

/**
 * Typed columns that grow by doubling, so a table is built in one pass without knowing its size:
 * `row()` reserves the next row, the caller then sets its fields through `cols` (read `cols` after
 * `row()`: growing replaces the arrays).
 */
export class ColumnBuffer<T extends Record<string, TypedColumn>> {
  length = 0;
  constructor(
    public cols: T,
    private capacity: number
  ) {
    for (const k of Object.keys(cols)) if (cols[k].length !== capacity) throw new Error(`invalid column buffer: column ${k} has ${cols[k].length} rows, not ${capacity}`);
  }

  /** Reserves row `length` and returns its index. */
  row(): number {
    if (this.length === this.capacity) {
      this.capacity = Math.max(1, this.capacity * 2);
      for (const k of Object.keys(this.cols) as (keyof T)[]) {
        const old = this.cols[k];
        const next = new (old.constructor as new (n: number) => typeof old)(this.capacity);
        next.set(old as never);
        this.cols[k] = next as T[keyof T];
      }
    }
    return this.length++;
  }

  /** The filled rows: views of the columns, not copies (copying the items' 10 columns at large scale took a second). */
  trimmed(): T & {length: number} {
    const out = {length: this.length} as T & {length: number};
    for (const k of Object.keys(this.cols) as (keyof T)[]) (out as Record<keyof T, unknown>)[k] = this.cols[k].subarray(0, this.length);
    return out;
  }
}
