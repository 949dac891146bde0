import {describe, expect, it} from "vitest";
import {pairwiseDistances} from "../../../src/cluster/pairwiseDistances.js";
import type {SparseRow} from "../../../src/cluster/tfidf.js";
import {createRng} from "../../../src/core/random.js";

const row = (indices: number[], values: number[]): SparseRow => ({indices: Int32Array.from(indices), values: Float64Array.from(values)});
const norms = (rows: SparseRow[]) => rows.map((r) => r.values.reduce((s, v) => s + v * v, 0));

/** The distance as a merge of the two rows' terms computes it. */
function merged(a: SparseRow, b: SparseRow, na: number, nb: number): number {
  let dot = 0;
  let p = 0;
  let q = 0;
  while (p < a.indices.length && q < b.indices.length) {
    if (a.indices[p] === b.indices[q]) dot += a.values[p++] * b.values[q++];
    else if (a.indices[p] < b.indices[q]) p++;
    else q++;
  }
  return Math.sqrt(Math.max(0, na + nb - 2 * dot));
}

describe("pairwiseDistances", () => {
  it("pairwiseDistances(rows, norms) of two unit axes and a point between them", () => {
    // e0, e1 and (0.6, 0.8): |e0 − e1|² = 2, |e0 − r|² = 2 − 2·0.6, |e1 − r|² = 2 − 2·0.8.
    const rows = [row([0], [1]), row([1], [1]), row([0, 1], [0.6, 0.8])];
    const d = pairwiseDistances(rows, norms(rows));
    expect(Array.from(d)).toEqual([0, Math.SQRT2, Math.sqrt(0.8), Math.SQRT2, 0, Math.sqrt(0.4), Math.sqrt(0.8), Math.sqrt(0.4), 0].map(Math.fround));
  });
  it("pairwiseDistances(rows, norms) puts an empty row at its partner's norm", () => {
    const rows = [row([], []), row([2, 5], [3, 4])];
    expect(Array.from(pairwiseDistances(rows, norms(rows)))).toEqual([0, 5, 5, 0]);
  });
  it("pairwiseDistances(rows, norms) of no rows or one row", () => {
    expect(pairwiseDistances([], []).length).toBe(0);
    expect(Array.from(pairwiseDistances([row([1], [1])], [1]))).toEqual([0]);
  });
  it("pairwiseDistances(rows, norms) equals merging each pair's terms, to the last bit", () => {
    for (const seed of [1, 2, 3]) {
      const rng = createRng(seed);
      const rows = Array.from({length: 60}, () => {
        const terms = [...new Set(Array.from({length: 1 + Math.floor(rng() * 8)}, () => Math.floor(rng() * 25)))].sort((a, b) => a - b);
        return row(terms, terms.map(() => rng()));
      });
      const n2 = norms(rows);
      const d = pairwiseDistances(rows, n2);
      for (let i = 0; i < rows.length; i++) for (let j = 0; j < rows.length; j++) expect(d[i * rows.length + j]).toBe(i === j ? 0 : Math.fround(merged(rows[Math.min(i, j)], rows[Math.max(i, j)], n2[Math.min(i, j)], n2[Math.max(i, j)])));
    }
  });
});
