import * as Inputs from "@observablehq/inputs";
import {html} from "htl";
import {formatNumber} from "../lib/core/format.js";

/** A SQL file's text as a code block, set as text. */
export function sqlCode(text: string): HTMLElement {
  return html`<pre class="sql"><code>${text}</code></pre>`;
}

/** A date column as its UTC day; a value that is not a Date as it is. */
const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);
const rate = (x: number) => formatNumber(x, 4);

/** core_day_metrics, 12 rows at a time: the monitoring series per day, rates to 4 decimals. */
export function dayMetricsTable(rows: readonly object[]) {
  return Inputs.table(rows, {
    columns: ["date", "active_users", "chats", "uploads", "policy_blocks", "block_rate", "warnings", "warn_rate"],
    header: {date: "Date", active_users: "Active users", chats: "Chats", uploads: "Uploads", policy_blocks: "Blocks", block_rate: "Block rate", warnings: "Warnings", warn_rate: "Warn rate"},
    format: {date: day, block_rate: rate, warn_rate: rate},
    rows: 12,
    layout: "auto",
    select: false
  });
}

/** core_users, 12 rows at a time: one row per cohort account with events. */
export function coreUsersTable(rows: readonly object[]) {
  return Inputs.table(rows, {
    columns: ["user_id", "signup_date", "active_days", "events", "chats", "uploads", "policy_blocks", "block_rate", "devices", "ip_prefixes", "truth_abusive_events"],
    header: {user_id: "Account", signup_date: "Signup", active_days: "Active days", events: "Events", chats: "Chats", uploads: "Uploads", policy_blocks: "Blocks", block_rate: "Block rate", devices: "Devices", ip_prefixes: "IP prefixes", truth_abusive_events: "Abusive (truth)"},
    format: {signup_date: day, block_rate: rate},
    rows: 12,
    layout: "auto",
    select: false
  });
}

/** core_user_day, 12 rows at a time: one row per account and day with events. */
export function userDayTable(rows: readonly object[]) {
  return Inputs.table(rows, {
    columns: ["user_id", "date", "account_age_days", "events", "chats", "uploads", "policy_blocks", "warnings", "max_attempts_10min", "devices", "ip_prefixes", "truth_abusive"],
    header: {user_id: "Account", date: "Date", account_age_days: "Age (days)", events: "Events", chats: "Chats", uploads: "Uploads", policy_blocks: "Blocks", warnings: "Warnings", max_attempts_10min: "Burst (10 min)", devices: "Devices", ip_prefixes: "IP prefixes", truth_abusive: "Abusive (truth)"},
    format: {date: day},
    rows: 12,
    layout: "auto",
    select: false
  });
}
