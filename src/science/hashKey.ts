import {fnv1a64} from "../cluster/normalizeText.js";

const M1 = 0xff51afd7ed558ccdn;
const M2 = 0xc4ceb9fe1a85ec53n;

/**
 * A sort key that orders ids as a uniform random draw would, under a salt: FNV-1a 64 of "salt|id",
 * then MurmurHash3's 64-bit finaliser. FNV-1a alone moves the top bits of its hash little with the
 * last characters (the prime is 2^40 + 0x1b3), so ordering by it clumps ids that share a prefix (a
 * block of ring accounts could fall outside a sample altogether); the finaliser spreads every bit.
 */
export function hashKey(salt: string, id: string): bigint {
  let h = BigInt(`0x${fnv1a64(`${salt}|${id}`)}`);
  h ^= h >> 33n;
  h = BigInt.asUintN(64, h * M1);
  h ^= h >> 33n;
  h = BigInt.asUintN(64, h * M2);
  h ^= h >> 33n;
  return h;
}
