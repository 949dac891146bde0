/**
 * Hours as the cubes bin them (time to action, waits): 0.05 h wide under an hour, where automated
 * decisions fall, then 0.25 h. A bin is published as its lower edge alone; its upper edge follows from
 * the rule, so tables need not carry it.
 */

export const FINE_BINS = {upTo: 1, width: 0.05};
export const COARSE_WIDTH = 0.25;

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Lower edges of the bins, up to and including the bin that holds `max` hours. */
export function hourEdges(max: number): number[] {
  const edges: number[] = [];
  for (let k = 0; k * FINE_BINS.width < FINE_BINS.upTo; k++) edges.push(round(k * FINE_BINS.width));
  for (let k = 0; FINE_BINS.upTo + k * COARSE_WIDTH <= Math.max(max, FINE_BINS.upTo); k++) edges.push(round(FINE_BINS.upTo + k * COARSE_WIDTH));
  return edges;
}

/** The upper edge (exclusive) of the bin whose lower edge is `lo`. */
export const binTop = (lo: number): number => round(lo + (lo < FINE_BINS.upTo ? FINE_BINS.width : COARSE_WIDTH));

/** The bin of a value in hours: the index of the last edge at or under it. */
export function hourBin(hours: number, edges: readonly number[]): number {
  const fine = Math.round(FINE_BINS.upTo / FINE_BINS.width);
  if (hours < FINE_BINS.upTo) return Math.floor(hours / FINE_BINS.width + 1e-9);
  return Math.min(edges.length - 1, fine + Math.floor((hours - FINE_BINS.upTo) / COARSE_WIDTH + 1e-9));
}
