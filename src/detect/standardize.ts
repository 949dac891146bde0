/**
 * Feature scaling as scikit-learn's StandardScaler: each column minus its mean, divided by its
 * population standard deviation (n, not n − 1); a constant column keeps scale 1. Fit on the training
 * rows only and apply the same scaler to later rows, so nothing of the evaluation period leaks in.
 */
import {mean as meanOf, standardDeviation} from "simple-statistics";

export interface Scaler {
  mean: number[];
  scale: number[];
}

export function fitScaler(rows: readonly ArrayLike<number>[]): Scaler {
  if (rows.length === 0) throw new Error("invalid rows: none to fit a scaler on");
  const d = rows[0].length;
  const mean: number[] = [];
  const scale: number[] = [];
  for (let j = 0; j < d; j++) {
    const column = rows.map((r) => r[j]);
    for (const v of column) if (!Number.isFinite(v)) throw new Error(`invalid feature: column ${j} holds ${v}`);
    const m = meanOf(column);
    const sd = standardDeviation(column);
    mean.push(m);
    scale.push(sd > 0 ? sd : 1);
  }
  return {mean, scale};
}

export function applyScaler(scaler: Scaler, row: ArrayLike<number>): number[] {
  if (row.length !== scaler.mean.length) throw new Error(`invalid row: ${row.length} features, expected ${scaler.mean.length}`);
  return Array.from(row, (v, j) => (v - scaler.mean[j]) / scaler.scale[j]);
}
