/**
 * TF-IDF vectors with scikit-learn's TfidfVectorizer defaults: lower-cased tokens of two or more word
 * characters (`\b\w\w+\b`), raw term counts, smooth idf
 *
 *     idf(t) = ln((1 + n) / (1 + df(t))) + 1
 *
 * (as if one extra document held every term once, so no idf is zero or infinite), and every row scaled
 * to unit Euclidean (l2) length. Rows are sparse: term indexes ascending, with their weights.
 */

export interface SparseRow {
  indices: Int32Array;
  values: Float64Array;
}

export interface Tfidf {
  /** Terms in alphabetical order; a term's index is its column. */
  vocabulary: string[];
  idf: Float64Array;
  rows: SparseRow[];
}

// A maximal run of two or more word characters: what `\b\w\w+\b` matches in Python with Unicode on.
const TOKEN = /[\p{L}\p{N}_]{2,}/gu;

export function tokenize(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

export function tfidf(texts: readonly string[]): Tfidf {
  const tokens = texts.map(tokenize);
  const df = new Map<string, number>();
  for (const doc of tokens) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  const vocabulary = [...df.keys()].sort();
  const column = new Map(vocabulary.map((t, j) => [t, j]));
  const n = texts.length;
  const idf = Float64Array.from(vocabulary, (t) => Math.log((1 + n) / (1 + df.get(t)!)) + 1);
  const rows = tokens.map((doc) => {
    const counts = new Map<number, number>();
    for (const t of doc) {
      const j = column.get(t)!;
      counts.set(j, (counts.get(j) ?? 0) + 1);
    }
    const indices = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
    const values = Float64Array.from(indices, (j) => counts.get(j)! * idf[j]);
    let norm = 0;
    for (const v of values) norm += v * v;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = 0; k < values.length; k++) values[k] /= norm;
    return {indices, values};
  });
  return {vocabulary, idf, rows};
}

/** A sparse row as a dense vector of the given dimension. */
export function densify(row: SparseRow, dimension: number): Float64Array {
  const out = new Float64Array(dimension);
  for (let k = 0; k < row.indices.length; k++) out[row.indices[k]] = row.values[k];
  return out;
}
