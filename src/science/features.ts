/**
 * The user-day features of the detectors, read from a row of the SQL core table core_user_day. Counts
 * enter as log(1 + x), so that one very busy day does not dominate a linear model; the model then
 * standardises every feature on the training period. Ground-truth columns (truth_*) are never features.
 */

/** The columns of core_user_day the features read. */
export interface UserDayCounts {
  account_age_days: number | null;
  logins: number;
  chats: number;
  uploads: number;
  warnings: number;
  policy_blocks: number;
  chats_to_new_accounts: number;
  chat_peers: number;
  devices: number;
  ip_prefixes: number;
  max_attempts_10min: number;
}

export interface Feature {
  name: string;
  label: string;
  description: string;
  value(row: UserDayCounts): number;
}

/** Accounts older than a year count as a year old: age matters for young accounts only. */
export const AGE_CAP_DAYS = 365;

const log1p = Math.log1p;

export const USER_DAY_FEATURES: readonly Feature[] = [
  {name: "chats", label: "Chats", description: "log(1 + direct messages sent that day)", value: (r) => log1p(r.chats)},
  {name: "uploads", label: "Uploads", description: "log(1 + uploads that day)", value: (r) => log1p(r.uploads)},
  {name: "policy_blocks", label: "Policy blocks", description: "log(1 + content attempts the platform's filter blocked)", value: (r) => log1p(r.policy_blocks)},
  {name: "warnings", label: "Warnings", description: "log(1 + warnings received)", value: (r) => log1p(r.warnings)},
  {name: "burst", label: "Burst", description: "log(1 + most content attempts in one 10-minute bucket)", value: (r) => log1p(r.max_attempts_10min)},
  {name: "ip_prefixes", label: "IP prefixes", description: "Distinct IP prefixes (/24) used that day", value: (r) => r.ip_prefixes},
  {name: "devices", label: "Devices", description: "Distinct devices used that day", value: (r) => r.devices},
  {name: "chats_per_peer", label: "Chats per peer", description: "Messages per distinct recipient (repeat messaging of the same targets)", value: (r) => r.chats / Math.max(1, r.chat_peers)},
  {name: "new_account_share", label: "Share to new accounts", description: "Share of the day's messages sent to accounts younger than 7 days", value: (r) => (r.chats > 0 ? r.chats_to_new_accounts / r.chats : 0)},
  {name: "account_age", label: "Account age", description: `log(1 + account age in days, capped at ${AGE_CAP_DAYS})`, value: (r) => log1p(Math.min(AGE_CAP_DAYS, Math.max(0, r.account_age_days ?? AGE_CAP_DAYS)))},
  {name: "logins", label: "Logins", description: "log(1 + logins that day)", value: (r) => log1p(r.logins)}
];

export function featureVector(row: UserDayCounts, features: readonly Feature[] = USER_DAY_FEATURES): number[] {
  return features.map((f) => f.value(row));
}
