import type {Columns} from "../../io/schema.js";
import {COUNTRIES} from "../../core/constants.js";
import type {Activity} from "../activity.js";
import {cell, required, rowCount, vocabularyIndex} from "./vocabulary.js";

/**
 * Imported daily activity as the simulation's Activity (day-major cells of the calendar's days by
 * countries): active users and content created, the denominators of daily_country's rates. A platform
 * gives content created as one total, rings' posts included, so it goes to `content`; posts, messages
 * and messaging adoption, which only the simulation separates, are zero. A day and country the table
 * has no row for had no activity (zero).
 */
export function importedActivity(table: Columns, dates: readonly string[]): Activity {
  const nc = COUNTRIES.length;
  const cells = dates.length * nc;
  const day = new Map(dates.map((d, i) => [d, i]));
  const country = vocabularyIndex(COUNTRIES.map((c) => c.name), "daily_activity", "country");
  const activeUsers = new Float64Array(cells);
  const content = new Float64Array(cells);
  const seen = new Uint8Array(cells);
  const date = required(table, "daily_activity", "date");
  for (let k = 0; k < rowCount(table); k++) {
    const d = day.get(date[k] as string);
    if (d === undefined) throw new Error(`import daily_activity row ${k + 1}, column date: ${date[k]} is outside the calendar ${dates[0]} to ${dates[dates.length - 1]} (out of range)`);
    const c = d * nc + country(cell(table, "country", k), k);
    if (seen[c]++) throw new Error(`import daily_activity row ${k + 1}: a second row for ${date[k]} and ${cell(table, "country", k)} (duplicate key)`);
    activeUsers[c] = cell(table, "active_users", k) as number;
    content[c] = cell(table, "content_created", k) as number;
  }
  return {dates: [...dates], activeUsers, posts: new Float64Array(cells), messages: new Float64Array(cells), adoption: new Float64Array(dates.length), content};
}
