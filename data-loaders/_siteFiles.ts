import {tableFromArrays, tableFromIPC, tableToIPC} from "apache-arrow";
import {EVENTS, SCHEMAS, type TableName} from "../src/io/contracts.js";
import type {TableSchema} from "../src/io/schema.js";
import {SESSION_QA} from "../src/moderation/sessionQa.js";
import * as S from "../src/science/contracts.js";
import {dateRange, dayOfWeek, isWeekend, parseDate} from "../src/core/calendar.js";
import {COUNTRIES, END_DATE, START_DATE} from "../src/core/constants.js";
import {sampleRate} from "../src/world/tables.js";
import {CSV_TABLES, type World} from "./_worldFiles.js";

/*
 * The files that describe the build and its world rather than analyse it: the configuration, the
 * calendar, the countries and the catalog of published tables. Producers of _registry.ts.
 */

/**
 * config.json: the build's configuration for pages: the world (seed, scale, privacy mode), the
 * simulated calendar, the share of flags and sessions that item-level tables keep (1 up to scale 4),
 * and the reporting window (WORKBOOK_FROM..WORKBOOK_TO, default the calendar's last 90 days) that date
 * views start on. Pages read `window.from` and `window.to` (UTC YYYY-MM-DD, inclusive):
 *
 *     const config = await FileAttachment("data/config.json").json();
 *     const from = view(Inputs.date({label: "From", value: config.window.from, min: config.calendar.start, max: config.calendar.end}));
 */
export function configJson({config: {seed, scale, from, to}, privacy}: World): string {
  return JSON.stringify({seed, scale, privacy: privacy.enabled, sampleRate: sampleRate(scale), calendar: {start: START_DATE, end: END_DATE}, window: {from, to}}, null, 2);
}

const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** calendar.arrow: the world's calendar, one row per simulated UTC day. */
export function calendarArrow(): Uint8Array {
  const dates = dateRange();
  return tableToIPC(tableFromArrays({
    date: dates.map((d) => new Date(parseDate(d))),
    day_of_week: Int8Array.from(dates, dayOfWeek),
    day_name: dates.map((d) => DAY_NAMES[dayOfWeek(d)]),
    is_weekend: dates.map(isWeekend),
    month: dates.map((d) => d.slice(0, 7))
  }), "file");
}

/** countries.arrow: the world's geography: the simulated countries, their region, user share and UTC offset. */
export function countriesArrow(): Uint8Array {
  return tableToIPC(tableFromArrays({
    code: COUNTRIES.map((c) => c.code),
    name: COUNTRIES.map((c) => c.name),
    region: COUNTRIES.map((c) => c.region),
    user_share: Float64Array.from(COUNTRIES, (c) => c.userShare),
    utc_offset: Float64Array.from(COUNTRIES, (c) => c.utcOffset)
  }), "file");
}

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

/** catalog.json: every published table's rows and file sizes and the world's configuration, for the dictionary and datasets pages. */
export async function catalogJson(world: World): Promise<string> {
  const {config} = world;
  const tables = [];
  for (const name of Object.keys(SCHEMAS) as TableName[]) {
    const arrow = await world.table(name, "arrow");
    tables.push({name, rows: tableFromIPC(arrow).numRows, arrowBytes: arrow.byteLength, csvBytes: CSV_TABLES.includes(name) ? (await world.table(name, "csv")).byteLength : null});
  }
  const derived = [];
  for (const d of DERIVED) {
    const bytes = d.file === "session_qa.arrow" ? await world.derived(d.file) : await world.science(d.file.replace(/^science\//, ""));
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
  const daily = tableFromIPC(await world.table("daily_country", "arrow"));
  const flagsSimulated = sampleRate(config.scale) === 1
    ? tables.find((t) => t.name === "flags")!.rows
    : Array.from(daily.getChild("reports")!, (x) => Number(x ?? 0)).reduce((a, b) => a + b, 0);
  return JSON.stringify({seed: config.seed, scale: config.scale, privacy: world.privacy.enabled, flagsSimulated, sampleRate: sampleRate(config.scale), tables, derived}, null, 2);
}
