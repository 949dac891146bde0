import * as Inputs from "@observablehq/inputs";
import {formatDay, formatPercent} from "../lib/core/format.js";
import {DAILY_COUNTRY} from "../lib/io/contracts.js";

/** daily_country's rows with every column of its contract: dates as days, shares and rates (max 1) as percents. */
export function dailyCountryTable(rows: readonly Record<string, unknown>[]): HTMLElement {
  const shares = DAILY_COUNTRY.columns.filter((c) => c.max === 1).map((c) => [c.name, (x: number) => formatPercent(x, 2)]);
  return Inputs.table(rows, {
    columns: DAILY_COUNTRY.columns.map((c) => c.name),
    format: {date: formatDay, ...Object.fromEntries(shares)},
    rows: 16,
    select: false
  });
}
