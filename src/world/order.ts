/** Rows one packed sort can order: the row takes the key's low 21 bits. */
const ROW_BITS = 2 ** 21;
/** Offsets from the origin below this (2^32 ms, about 49 days) fit beside the row in a double's 53 bits. */
const OFFSET_LIMIT = 2 ** 32;

let keys = new Float64Array(0);

/**
 * The stable order of rows [a, a + n) of `ts` by time: `order[j]` is the row (counted from a) that
 * comes j-th; ties keep row order. `order` must hold n values and is returned filled.
 *
 * When every time is a whole millisecond within 2^32 ms after `origin` (one day's rows, say) and n
 * is below 2^21, offset and row are packed into one exactly representable double and sorted natively,
 * several times faster than a comparator sort; otherwise it falls back to the comparator sort, with
 * the same result.
 */
export function timeOrder(ts: Float64Array, a: number, n: number, origin: number, order: Int32Array): Int32Array {
  if (order.length < n) throw new Error(`timeOrder: order holds ${order.length} rows, needs ${n}`);
  if (n < ROW_BITS) {
    if (keys.length < n) keys = new Float64Array(Math.max(n, keys.length * 2));
    const k = keys.subarray(0, n);
    let packable = true;
    for (let i = 0; i < n; i++) {
      const offset = ts[a + i] - origin;
      if (!(offset >= 0 && offset < OFFSET_LIMIT && Number.isInteger(offset))) {
        packable = false;
        break;
      }
      k[i] = offset * ROW_BITS + i;
    }
    if (packable) {
      k.sort();
      for (let i = 0; i < n; i++) order[i] = k[i] % ROW_BITS;
      return order;
    }
  }
  const o = Array.from({length: n}, (_, i) => i).sort((x, y) => ts[a + x] - ts[a + y] || x - y);
  for (let i = 0; i < n; i++) order[i] = o[i];
  return order;
}
