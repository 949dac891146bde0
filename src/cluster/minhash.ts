/**
 * Near-duplicate detection from the text alone, as a platform would do it: MinHash signatures over
 * character shingles, grouped by locality-sensitive hashing (LSH) bands and confirmed by the estimated
 * Jaccard similarity. Unlike exact dedup (`dedupe.ts`), copies that differ by a typo, spacing,
 * leetspeak, a homoglyph or an added emoji still land in one group.
 *
 * Parameters (stated on every page that shows a near-duplicate figure):
 * - text folded by `foldForMatching`, then `shingle` consecutive characters per shingle;
 * - `hashes` hash functions, split into `bands` bands of `hashes / bands` rows: two texts become
 *   candidates when all rows of one band agree, which happens with probability 1 − (1 − J^r)^b;
 * - a candidate pair is joined when its estimated Jaccard similarity is at least `threshold`.
 */
import {connectedComponents} from "./connectedComponents.js";

export interface MinHashOptions {
  /** Characters per shingle. */
  shingle?: number;
  /** Hash functions (signature length). */
  hashes?: number;
  /** LSH bands; must divide `hashes`. */
  bands?: number;
  /** Least estimated Jaccard similarity for two texts to be near-duplicates. */
  threshold?: number;
}

export const MINHASH_DEFAULTS: Required<MinHashOptions> = {shingle: 4, hashes: 64, bands: 16, threshold: 0.5};

/** Look-alike characters folded to the Latin letter they imitate (Cyrillic, Greek, leetspeak digits and signs). */
const FOLD: Record<string, string> = {
  а: "a", в: "b", е: "e", ё: "e", к: "k", м: "m", н: "h", о: "o", р: "p", с: "c", т: "t", у: "y", х: "x", і: "i", ј: "j", ѕ: "s",
  α: "a", β: "b", ε: "e", ι: "i", κ: "k", ν: "v", ο: "o", ρ: "p", τ: "t", υ: "u", χ: "x",
  "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s"
};

/**
 * The form two texts are compared in: NFKC, lower case, look-alikes folded, and everything that is not
 * a letter or a combining mark (Thai vowels) removed (spaces too, so "f r e e" and "free" match). Digits fold to letters first, so
 * amounts lose their value: near-duplicates, not equal offers.
 */
export function foldForMatching(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFKC").toLowerCase()) {
    const c = FOLD[ch] ?? ch;
    if (/[\p{L}\p{M}]/u.test(c)) out += c;
  }
  return out;
}

/** 32-bit finaliser of MurmurHash3: spreads the bits of x. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Distinct 32-bit hashes of the folded text's character shingles (the whole text if it is shorter). */
export function shingleHashes(text: string, shingle = MINHASH_DEFAULTS.shingle): Uint32Array {
  if (!Number.isInteger(shingle) || shingle < 1) throw new Error(`invalid shingle length: ${shingle}`);
  const chars = [...foldForMatching(text)];
  const out = new Set<number>();
  const last = Math.max(0, chars.length - shingle);
  for (let i = 0; i <= last && chars.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < Math.min(chars.length, i + shingle); j++) h = Math.imul(h ^ chars[j].codePointAt(0)!, 0x01000193);
    out.add(mix32(h));
  }
  return Uint32Array.from(out);
}

/** Fixed per-function salts (not random draws: the same text always gets the same signature). */
const SALTS = Uint32Array.from({length: 1024}, (_, i) => mix32(0x9e3779b9 * (i + 1)));

/** MinHash signature: for each hash function, the least hash over the text's shingles (0xffffffff for an empty text). */
export function minhashSignature(text: string, {shingle = MINHASH_DEFAULTS.shingle, hashes = MINHASH_DEFAULTS.hashes}: MinHashOptions = {}): Uint32Array {
  if (!Number.isInteger(hashes) || hashes < 1 || hashes > SALTS.length) throw new Error(`invalid hash count: ${hashes} (expected 1 to ${SALTS.length})`);
  const sig = new Uint32Array(hashes).fill(0xffffffff);
  for (const s of shingleHashes(text, shingle)) {
    for (let i = 0; i < hashes; i++) {
      const h = mix32(s ^ SALTS[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/** Share of positions where two signatures agree: an unbiased estimate of the shingle sets' Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new Error(`signatures differ in length: ${a.length} and ${b.length}`);
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length ? same / a.length : 0;
}

export interface NearDuplicates {
  /** Group of each input, numbered in order of each group's first input. */
  group: Int32Array;
  /** Inputs per group. */
  sizes: number[];
  /** Share of the inputs that are near-duplicates of an earlier one: 1 − groups / inputs (0 for no input). */
  nearDuplicateShare: number;
}

function checkOptions({hashes, bands, threshold}: Required<MinHashOptions>): void {
  if (!Number.isInteger(bands) || bands < 1 || hashes % bands !== 0) throw new Error(`invalid bands: ${bands} (must divide ${hashes} hashes)`);
  if (!(threshold > 0 && threshold <= 1)) throw new Error(`invalid threshold: ${threshold} (expected (0, 1])`);
}

/**
 * Groups near-duplicate texts. Each input joins the first input it shares a band bucket with, when
 * their estimated similarity reaches the threshold; groups are the connected components of those links.
 * Linear in the inputs (one link per input and band at most), so it runs on a day's flags at any scale.
 */
export function nearDuplicateGroups(texts: readonly string[], options: MinHashOptions = {}): NearDuplicates {
  const o = {...MINHASH_DEFAULTS, ...options};
  checkOptions(o);
  const rows = o.hashes / o.bands;
  const sigs = texts.map((t) => minhashSignature(t, o));
  const edges: [number, number][] = [];
  for (let b = 0; b < o.bands; b++) {
    const first = new Map<string, number>();
    sigs.forEach((sig, i) => {
      const key = sig.subarray(b * rows, (b + 1) * rows).join(",");
      const j = first.get(key);
      if (j === undefined) first.set(key, i);
      else if (estimateJaccard(sig, sigs[j]) >= o.threshold) edges.push([j, i]);
    });
  }
  const group = connectedComponents(texts.length, edges);
  const sizes: number[] = [];
  for (const g of group) sizes[g] = (sizes[g] ?? 0) + 1;
  return {group, sizes, nearDuplicateShare: texts.length ? 1 - sizes.length / texts.length : 0};
}
