/**
 * The sizes of the fixed samples pages read where a chart or a table needs item values (scores, texts),
 * so that a page's data stays the same size at any scale. Small and import-free: pages read it to state
 * their sample.
 */

/** The share of `rows` a sample of at most about `cap` of them keeps: all of them up to `cap`. */
const cappedRate = (cap: number) => (rows: number): number => Math.min(1, cap / rows);

/** Rows the classifier page's score sample holds at most: its data stays near 1 MB at any scale. */
export const SCORE_SAMPLE_ROWS = 100_000;

/** The share of flags the score sample keeps: all of them up to SCORE_SAMPLE_ROWS flags. */
export const scoreSampleRate = cappedRate(SCORE_SAMPLE_ROWS);

/**
 * Flags the explorer's text sample draws from at most; it shows the texts of those in the human review
 * queue (about three in ten), so its data stays near 1 MB at any scale.
 */
export const TEXT_SAMPLE_FLAGS = 40_000;

/** The share of flags whose texts the explorer shows. */
export const textSampleRate = cappedRate(TEXT_SAMPLE_FLAGS);

/**
 * Flags the case view (drill-through) holds at most: every flag while there are this many (scale 1 has
 * about 75,000), a deterministic sample of them above, so its data stays near 4 MB at any scale.
 */
export const CASE_SAMPLE_FLAGS = 100_000;

/** The share of flags the case view keeps. */
export const caseSampleRate = cappedRate(CASE_SAMPLE_FLAGS);

/**
 * Sessions the moderator page's session sample holds at most: every session while there are this many
 * (scale 1 has about 12,300), a deterministic sample of them above, so its data stays near 0.6 MB.
 */
export const SESSION_SAMPLE_ROWS = 15_000;

/** The share of sessions the moderator page's session sample keeps (its idle periods go with them). */
export const sessionSampleRate = cappedRate(SESSION_SAMPLE_ROWS);

/**
 * Moderators with day rows of their own in moderator_days and item_view_days: all of them up to this
 * many (scale 2), the first this many by id above; the team's rows count every moderator.
 */
export const DETAILED_MODERATORS = 40;

/**
 * Flags per day whose texts the attack detector's content-similarity signal renders and MinHashes at
 * most: every flag of a day up to this many (scale 1 and the published sample of larger worlds, up to
 * an attack day's burst), a deterministic sample by flag id above, with the group size scaled back up.
 */
export const SIGNAL_TEXT_DAY_FLAGS = 3_000;

/** The share of a day's flags whose texts the similarity signal reads. */
export const signalTextRate = cappedRate(SIGNAL_TEXT_DAY_FLAGS);
