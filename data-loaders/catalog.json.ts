import {tableFromIPC} from "apache-arrow";
import {parseConfig, parsePrivacy} from "../src/config.js";
import {EVENTS, SCHEMAS, type TableName} from "../src/io/contracts.js";
import type {TableSchema} from "../src/io/schema.js";
import {SESSION_QA} from "../src/moderation/sessionQa.js";
import * as S from "../src/science/contracts.js";
import {sampleRate} from "../src/world/tables.js";
import {CSV_TABLES, derivedBytes, scienceBytes, tableBytes} from "./_publish.js";

/**
 * Tables derived from the world's tables at build time (the protection-science pipeline, the moderator
 * QA), each with its contract and the page that explains it. The datasets page links each file.
 */
const DERIVED: {file: string; schema: TableSchema; page: string; title: string}[] = [
  {file: "science/events_sample.arrow", schema: EVENTS, page: "./science/events", title: "Raw events (sample)"},
  {file: "science/event_counts.arrow", schema: S.EVENT_COUNTS, page: "./science/events", title: "Events by day and type"},
  {file: "science/core_users.arrow", schema: S.CORE_USERS, page: "./science/sql", title: "core_users (SQL)"},
  {file: "science/core_user_day.arrow", schema: S.CORE_USER_DAY, page: "./science/sql", title: "core_user_day (SQL)"},
  {file: "science/core_day_metrics.arrow", schema: S.CORE_DAY_METRICS, page: "./science/sql", title: "core_day_metrics (SQL)"},
  {file: "science/scored_user_day.arrow", schema: S.SCORED_USER_DAY, page: "./science/detection", title: "Scored user-days"},
  {file: "science/review_queue.arrow", schema: S.REVIEW_QUEUE, page: "./science/review-queue", title: "Review queue"},
  {file: "science/review_snippets.arrow", schema: S.REVIEW_SNIPPETS, page: "./science/review-queue", title: "Review queue texts"},
  {file: "science/review_links.arrow", schema: S.REVIEW_LINKS, page: "./science/review-queue", title: "Review queue linked accounts"},
  {file: "science/dedup_groups.arrow", schema: S.DEDUP_GROUPS, page: "./science/automation", title: "Dedup groups"},
  {file: "science/er_accounts.arrow", schema: S.ER_ACCOUNTS, page: "./science/automation", title: "Entity resolution: accounts"},
  {file: "science/er_links.arrow", schema: S.ER_LINKS, page: "./science/automation", title: "Entity resolution: links"},
  {file: "session_qa.arrow", schema: SESSION_QA, page: "./moderators", title: "Moderator QA per session"}
];

/** Every published table's rows and file sizes and the world's configuration, for the dictionary and datasets pages. */
try {
  const config = parseConfig(process.env);
  const tables = [];
  for (const name of Object.keys(SCHEMAS) as TableName[]) {
    const arrow = await tableBytes(config, name, "arrow");
    tables.push({name, rows: tableFromIPC(arrow).numRows, arrowBytes: arrow.byteLength, csvBytes: CSV_TABLES.includes(name) ? (await tableBytes(config, name, "csv")).byteLength : null});
  }
  const derived = [];
  for (const d of DERIVED) {
    const bytes = d.file === "session_qa.arrow" ? await derivedBytes(config, d.file) : await scienceBytes(config, d.file.replace(/^science\//, ""));
    derived.push({
      file: d.file,
      title: d.title,
      page: d.page,
      rows: tableFromIPC(bytes).numRows,
      arrowBytes: bytes.byteLength,
      description: d.schema.description,
      grain: d.schema.grain,
      columns: d.schema.columns.map((c) => ({name: c.name, type: c.type, nullable: Boolean(c.nullable)}))
    });
  }
  // Every flag is in the flags table unless item-level tables are sampled; then daily_country's
  // reports (every flag, aggregated) give the total. In privacy mode that sum skips suppressed cells.
  const daily = tableFromIPC(await tableBytes(config, "daily_country", "arrow"));
  const flagsSimulated = sampleRate(config.scale) === 1
    ? tables.find((t) => t.name === "flags")!.rows
    : Array.from(daily.getChild("reports")!, (x) => Number(x ?? 0)).reduce((a, b) => a + b, 0);
  process.stdout.write(JSON.stringify({seed: config.seed, scale: config.scale, privacy: parsePrivacy(process.env).enabled, flagsSimulated, sampleRate: sampleRate(config.scale), tables, derived}, null, 2));
} catch (error) {
  process.stderr.write(`loader catalog.json failed: ${(error as Error).message}\n`);
  process.exit(1);
}
