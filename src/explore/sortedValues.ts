/** The distinct values of a column, sorted: the options of a select built from the data. */
export function sortedValues<T>(rows: readonly T[], key: keyof T & string): string[] {
  return [...new Set(rows.map((r) => String(r[key])))].sort();
}
