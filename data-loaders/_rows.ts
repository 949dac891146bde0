import type {WorkbookConfig} from "../src/config.js";
import type {TableName} from "../src/io/contracts.js";
import {loadArrow, toRows} from "../src/io/readArrow.js";
import {tableBytes} from "./_publish.js";

/**
 * A published table as the pages see it: the same Arrow bytes (from the build's world cache), read
 * with the same loadArrow and toRows. Loaders that derive figures from published tables use this,
 * so a figure in a loader's output and the same figure computed on a page agree.
 */
export async function publishedRows<R = Record<string, any>>(config: WorkbookConfig, name: TableName): Promise<R[]> {
  return toRows(await loadArrow(await tableBytes(config, name, "arrow"), `${name}.arrow`)) as R[];
}
