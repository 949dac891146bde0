/**
 * Text normalisation for deduplication: Unicode NFKC (full-width and compatibility forms fold to plain
 * ones), lower case, every run of characters that is not a letter or a digit becomes one space, and the
 * ends are trimmed. Case, punctuation, emoji and markup noise no longer tell two copies apart, while the
 * words (and any URL's words) stay.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * 64-bit FNV-1a hash of a string's UTF-8 bytes, as 16 hex digits. Not cryptographic: a stable,
 * collision-unlikely key for grouping (about 10⁻¹¹ chance of any collision among 20,000 texts).
 */
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const encoder = new TextEncoder();

export function fnv1a64(text: string): string {
  let h = FNV_OFFSET;
  for (const b of encoder.encode(text)) h = BigInt.asUintN(64, (h ^ BigInt(b)) * FNV_PRIME);
  return h.toString(16).padStart(16, "0");
}
