/**
 * Euclidean distances between all pairs of sparse rows (such as TF-IDF rows), as an n × n matrix of
 * 32-bit floats: ‖a − b‖ = √(‖a‖² + ‖b‖² − 2 a·b), clamped at 0 against rounding. For silhouettes over
 * several clusterings of the same rows, computed once.
 *
 * The dot products go through an inverted index (for each term, the rows holding it), so row i meets
 * only the later rows that share a term with it, instead of merging its terms with every other row's.
 * Each dot product still adds its shared terms in ascending term order, as a merge of the two rows
 * does, so every distance is the same to the last bit.
 */
import type {SparseRow} from "./tfidf.js";

/** `norms` holds each row's squared Euclidean norm. */
export function pairwiseDistances(rows: readonly SparseRow[], norms: ArrayLike<number>): Float32Array {
  const n = rows.length;
  let terms = 0;
  for (const r of rows) for (let p = 0; p < r.indices.length; p++) terms = Math.max(terms, r.indices[p] + 1);
  const postingRows: number[][] = Array.from({length: terms}, () => []);
  const postingValues: number[][] = Array.from({length: terms}, () => []);
  rows.forEach((r, i) => {
    for (let p = 0; p < r.indices.length; p++) {
      postingRows[r.indices[p]].push(i);
      postingValues[r.indices[p]].push(r.values[p]);
    }
  });
  // Position of the current row in each term's postings: rows are visited in order, so it only advances.
  const at = new Int32Array(terms);
  const dots = new Float64Array(n);
  const dist = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    const {indices, values} = rows[i];
    for (let p = 0; p < indices.length; p++) {
      const t = indices[p];
      const a = values[p];
      const others = postingRows[t];
      const weights = postingValues[t];
      for (let q = ++at[t]; q < others.length; q++) dots[others[q]] += a * weights[q];
    }
    for (let j = i + 1; j < n; j++) {
      dist[i * n + j] = dist[j * n + i] = Math.sqrt(Math.max(0, norms[i] + norms[j] - 2 * dots[j]));
      dots[j] = 0;
    }
  }
  return dist;
}
