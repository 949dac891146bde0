import {loadArrow, toRows, type ArrowBytes, type ArrowSource} from "./readArrow.js";

/** A published file's bytes as a page passes them: `FileAttachment("data/x.arrow").arrayBuffer()`. */
export type RowsSource = ArrowSource | ArrowBytes | PromiseLike<ArrowBytes>;

/**
 * Several published Arrow files as row objects at once, each under its key. A key is the file's stem,
 * so an error names `data/<key>.arrow`, the loader's output:
 *
 *     const t = await loadRows({flags: FileAttachment("data/flags.arrow").arrayBuffer()});
 *
 * Pages keep the FileAttachment calls themselves: Framework finds the files a page uses by reading them.
 */
export async function loadRows<K extends string>(files: Record<K, RowsSource>): Promise<Record<K, Record<string, any>[]>> {
  const keys = Object.keys(files) as K[];
  const tables = await Promise.all(keys.map((key) => loadArrow(files[key], `data/${key}.arrow`)));
  return Object.fromEntries(keys.map((key, i) => [key, toRows(tables[i])])) as Record<K, Record<string, any>[]>;
}
