import type {PrivacyConfig, Source, WorkbookConfig} from "../src/config.js";
import type {Mode} from "../src/io/import/validate.js";
import type {TableName} from "../src/io/contracts.js";

/**
 * What the build's world cache holds (written by _writeWorld.ts, kept by _publish.ts), and how a
 * producer of _registry.ts reads it. A leaf: _publish.ts, _writeWorld.ts and the producers import it,
 * it imports nothing of theirs, so neither of the first two imports the other.
 */
export type Format = "arrow" | "csv";

/** The tables that also ship as CSV for download. */
export const CSV_TABLES: readonly TableName[] = ["daily_country", "flags", "attacks", "benign_events", "reviewers", "moderator_sessions", "cohort"];

/** The science pipeline's outputs (_science.ts's runPipeline), published under data/science/. */
export const SCIENCE_FILES = [
  "clusters.json", "core_day_metrics.arrow", "core_user_day.arrow", "core_user_day_week.arrow", "core_users.arrow",
  "dedup_groups.arrow", "drift.json", "er.json", "er_accounts.arrow", "er_links.arrow", "event_counts.arrow",
  "events_sample.arrow", "incidents.json", "model.json", "review_links.arrow", "review_queue.arrow",
  "review_snippets.arrow", "scored_user_day.arrow", "sql.json", "summary.json"
] as const;

/** Files derived from the published tables and written with them (see _writeWorld.ts). */
export type DerivedFile = "world.json" | "session_qa.arrow" | "calibration.json" | "executive.json" | "incident.json" | "investigation.json" | "experiment.json" | "data_quality.json" | "rejects.csv";

/**
 * The configured world as a producer sees it: the configuration and the world cache's files. On a
 * cache miss, the first read simulates the world and writes every file (see _registry.ts).
 */
export interface World {
  config: WorkbookConfig;
  privacy: PrivacyConfig;
  /** A published table, `name.arrow` or (for CSV_TABLES) `name.csv`. */
  table(name: TableName, format?: Format): Promise<Uint8Array>;
  /** A file derived from the published tables (session_qa.arrow, the derived JSON files). */
  derived(file: DerivedFile): Promise<Uint8Array>;
  /** An output of the protection-science pipeline (_science.ts), such as `core_users.arrow`. */
  science(file: string): Promise<Uint8Array>;
}

/** Where the world comes from: the simulation, or a platform's files or database, and what to do with bad rows. */
export interface WorldInput {
  source: Source;
  rejects: Mode;
}
