/**
 * The sizes of the fixed samples pages read where a chart needs item values (scores), so that a page's
 * data stays the same size at any scale. Small and import-free: pages read it to state their sample.
 */

/** Rows the classifier page's score sample holds at most: its data stays near 1 MB at any scale. */
export const SCORE_SAMPLE_ROWS = 100_000;

/** The share of flags the score sample keeps: all of them up to SCORE_SAMPLE_ROWS flags. */
export const scoreSampleRate = (flags: number): number => Math.min(1, SCORE_SAMPLE_ROWS / flags);
