/**
 * The scale an import is published at. The simulation sizes its world by a scale and keeps every item
 * up to FULL_DETAIL_SCALE (src/world/tables.ts), a deterministic sample above it. An import has no
 * scale of its own, so it takes the scale of a simulated world with as many flags: its item-level
 * tables then keep the same share (every flag up to about 300,000 flags), its pages weigh what that
 * world's weigh, and aggregates count every flag, as at every scale.
 */

/** The simulation's flags per unit of scale: 73,518 at seed 42 and scale 1, 10.33 million at scale 140. */
export const FLAGS_PER_SCALE = 75_000;

/** An import of `flags` flags: its scale, at least 1, to two decimals. */
export function importScale(flags: number): number {
  return Math.max(1, Math.round((flags / FLAGS_PER_SCALE) * 100) / 100);
}
