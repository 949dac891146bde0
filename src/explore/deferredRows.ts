/**
 * Rows that are built only when first read. The case view hands its matched rows to a download, which
 * shows their count at once but reads them only on a click: building 100,000 row objects takes about
 * 150 ms (bench/caseFilter.ts), too long for each filter change, so the count comes from the table and
 * the rows from `build` on first use (once).
 */
export function deferredRows<T>(length: number, build: () => readonly T[]): readonly T[] {
  let rows: readonly T[] | undefined;
  const get = (): readonly T[] => {
    if (rows) return rows;
    rows = build();
    if (rows.length !== length) throw new Error(`deferredRows: built ${rows.length} rows, expected ${length}`);
    return rows;
  };
  return new Proxy([] as T[], {
    get: (_, key) => (key === "length" ? length : Reflect.get(get(), key)),
    has: (_, key) => Reflect.has(get(), key),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_, key) => (key === "length" ? {value: length, writable: true, enumerable: false, configurable: false} : Reflect.getOwnPropertyDescriptor(get(), key))
  });
}
