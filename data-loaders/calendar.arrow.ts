// The world's calendar: one row per simulated UTC day.
import {tableFromArrays, tableToIPC} from "apache-arrow";
import {dateRange, dayOfWeek, isWeekend, parseDate} from "../src/core/calendar.js";

const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

const dates = dateRange();
const table = tableFromArrays({
  date: dates.map((d) => new Date(parseDate(d))),
  day_of_week: Int8Array.from(dates, dayOfWeek),
  day_name: dates.map((d) => DAY_NAMES[dayOfWeek(d)]),
  is_weekend: dates.map(isWeekend),
  month: dates.map((d) => d.slice(0, 7))
});

process.stdout.write(tableToIPC(table, "file"));
