/**
 * Exact deduplication after normalisation: texts whose normalised forms hash alike are one group. The
 * first text of each group (in input order) is kept as its representative; the others are duplicates a
 * reviewer need not read again.
 */
import {fnv1a64, normalizeText} from "./normalizeText.js";

export interface Dedupe {
  /** Hash of each input's normalised text. */
  keys: string[];
  /** Group index of each input (groups numbered in order of first appearance). */
  group: Int32Array;
  /** Input index of each group's representative. */
  representatives: number[];
  /** Inputs per group. */
  sizes: number[];
  /** Share of the inputs that are duplicates: 1 − groups / inputs (0 for no input). */
  duplicateShare: number;
}

export function dedupe(texts: readonly string[]): Dedupe {
  const keys = texts.map((t) => fnv1a64(normalizeText(t)));
  const index = new Map<string, number>();
  const group = new Int32Array(texts.length);
  const representatives: number[] = [];
  const sizes: number[] = [];
  keys.forEach((key, i) => {
    let g = index.get(key);
    if (g === undefined) {
      g = representatives.length;
      index.set(key, g);
      representatives.push(i);
      sizes.push(0);
    }
    group[i] = g;
    sizes[g]++;
  });
  return {keys, group, representatives, sizes, duplicateShare: texts.length ? 1 - representatives.length / texts.length : 0};
}
