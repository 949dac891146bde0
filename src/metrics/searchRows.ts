import {formatDay} from "../core/format.js";

/**
 * The explorer's row search, as Inputs.search's default (every whitespace-separated term must start a
 * word of some cell, ignoring case) but reading a date cell as the reader sees it, YYYY-MM-DD: the
 * default tests `String(date)` ("Mon Jul 14 2025 …"), so a typed date found nothing.
 */
export function searchRows(query: string): (row: Readonly<Record<string, unknown>>) => boolean {
  const terms = `${query}`.split(/\s+/g).filter((t) => t).map((t) => new RegExp(`(?:^|[^\\p{L}-])${t.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")}`, "iu"));
  return (row) => {
    const cells = Object.values(row).map(cellText);
    return terms.every((term) => cells.some((c) => term.test(c)));
  };
}

/** A cell as the search reads it: dates as YYYY-MM-DD, missing values as nothing. */
function cellText(value: unknown): string {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? formatDay(value) : "";
  return value == null ? "" : String(value);
}
